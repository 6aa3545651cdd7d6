#!/usr/bin/perl
# rt-test-grant.pl -- for integration tests only: grants RIGHT on queue QUEUE to user-defined group GROUP
# (REST2 grants no rights). Idempotent. Needs RT_SITE_CONFIG / RT_SITE_CONFIG_DIR like rt-server.
# Usage: perl rt-test-grant.pl RIGHT GROUP QUEUE...
use strict;
use warnings;

BEGIN { unshift @INC, ($ENV{RT_LIB} || '/usr/share/request-tracker5/lib'); }
use RT;

my ($right, $group_name, @queues) = @ARGV;
die "usage: $0 RIGHT GROUP QUEUE...\n" unless @queues;
RT::LoadConfig();
RT::Init();

my $group = RT::Group->new(RT->SystemUser);
$group->LoadUserDefinedGroup($group_name);
die "no group $group_name\n" unless $group->id;
for my $name (@queues) {
    my $queue = RT::Queue->new(RT->SystemUser);
    $queue->Load($name);
    die "no queue $name\n" unless $queue->id;
    next if $group->PrincipalObj->HasRight(Right => $right, Object => $queue);
    my ($ok, $msg) = $group->PrincipalObj->GrantRight(Right => $right, Object => $queue);
    die "cannot grant $right on $name: $msg\n" unless $ok;
}
print "ok\n";
