#!/usr/bin/perl
# rt-owners.pl -- check that the owners Social Bridge gives a queue's tickets to may own them: the one check REST2
# (RT 5.0.3) cannot make, since it shows no user's rights. Read-only: `bin/social-bridge verify` runs it on the RT
# host; admins run it by hand when verify tells them to.
#
# Usage: perl rt-owners.pl "<queue>" [--user LOGIN]... [--group GROUP]...
#   <queue>   the queue whose tickets they get (its name in RT)
#   --user    a login the queue's tickets go to (a fixed owner, or one of a round-robin's logins)
#   --group   a user-defined group whose enabled privileged members take the queue's tickets in turn
#   example:  perl rt-owners.pl "Social Hot Leads" --group "Social Sales"
#
# Prints "ok: ..." for each owner that may own tickets in the queue (OwnTicket), "missing: ..." for each that
# may not, does not exist, is disabled or unprivileged, and for a group without such a member.
# Like rt-server it honours RT_SITE_CONFIG and RT_SITE_CONFIG_DIR; RT_LIB overrides the RT perl library
# (default /usr/share/request-tracker5/lib, the Debian package).
# Exit 0 = every owner may own the queue's tickets, 2 = usage, 3 = something missing.
use strict;
use warnings;

BEGIN { unshift @INC, ($ENV{RT_LIB} || '/usr/share/request-tracker5/lib'); }
use Getopt::Long qw(GetOptionsFromArray);
use RT;

my (@users, @groups);
my @args = @ARGV;
my $queue_name = shift @args;
GetOptionsFromArray(\@args, 'user=s' => \@users, 'group=s' => \@groups) or usage();
usage() if !defined $queue_name || $queue_name eq '' || @args || (!@users && !@groups);

RT::LoadConfig();
RT::Init();

my $missing = 0;
my $queue = RT::Queue->new(RT->SystemUser);
$queue->Load($queue_name);
unless ($queue->id) {
    print "missing: queue \"$queue_name\" (run install first)\n";
    exit 3;
}

for my $login (@users) {
    my $user = RT::User->new(RT->SystemUser);
    $user->Load($login);
    check_user($user, "user \"$login\"");
}

for my $name (@groups) {
    my $group = RT::Group->new(RT->SystemUser);
    $group->LoadUserDefinedGroup($name);
    unless ($group->id) {
        print "missing: group \"$name\" does not exist: the queue's tickets stay unowned\n";
        $missing = 1;
        next;
    }
    my $members = $group->UserMembersObj(Recursively => 1);
    my $candidates = 0;
    while (my $user = $members->Next) {
        next if $user->PrincipalObj->Disabled || !$user->Privileged;
        $candidates++;
        check_user($user, "user \"" . $user->Name . "\" of group \"$name\"");
    }
    unless ($candidates) {
        print "missing: group \"$name\" has no enabled privileged member: the queue's tickets stay unowned\n";
        $missing = 1;
    }
}
exit($missing ? 3 : 0);

sub check_user {
    my ($user, $what) = @_;
    unless ($user->id) {
        print "missing: $what does not exist\n";
        $missing = 1;
        return;
    }
    if ($user->PrincipalObj->Disabled) {
        print "missing: $what is disabled\n";
        $missing = 1;
    } elsif (!$user->Privileged) {
        print "missing: $what is not privileged (only staff own tickets)\n";
        $missing = 1;
    } elsif (!$user->HasRight(Right => 'OwnTicket', Object => $queue)) {
        print "missing: $what may not own tickets in queue \"$queue_name\" (grant OwnTicket)\n";
        $missing = 1;
    } else {
        print "ok: $what may own tickets in queue \"$queue_name\"\n";
    }
}

sub usage {
    print STDERR "usage: $0 \"<queue>\" [--user LOGIN]... [--group GROUP]...\n";
    exit 2;
}
