#!/usr/bin/perl
# rt-apply-cf.pl -- apply an existing RT 5 custom field globally or to queues: the one step
# REST2 (RT 5.0.3) cannot do. Social Bridge's installer runs it for the user and transaction
# custom fields it creates; admins run it by hand on the RT host when the installer tells them to.
#
# Usage: perl rt-apply-cf.pl "<CF name>" <LookupType> <target>...
#   LookupType: RT::Queue-RT::Ticket                 targets: queue names/ids or "global"
#               RT::Queue-RT::Ticket-RT::Transaction targets: queue names/ids or "global"
#               RT::User                             target:  "global"
#   example:  perl rt-apply-cf.pl "Social Profile" RT::User global
#
# Run it where RT is installed, as a user that can read RT's config and write its database.
# Like rt-server it honours RT_SITE_CONFIG and RT_SITE_CONFIG_DIR; RT_LIB overrides the RT
# perl library (default /usr/share/request-tracker5/lib, the Debian package).
# Idempotent: prints "already applied" for targets that have it. Exit 0 = applied, 1 = failed,
# 2 = usage. Applying globally replaces per-queue applications (RT semantics).
use strict;
use warnings;

BEGIN { unshift @INC, ($ENV{RT_LIB} || '/usr/share/request-tracker5/lib'); }
use RT;

if (@ARGV < 3) {
    print STDERR "usage: $0 \"<CF name>\" <LookupType> <target>...\n";
    exit 2;
}
my ($name, $lookup, @targets) = @ARGV;

RT::LoadConfig();
RT::Init();

my $cf = RT::CustomField->new(RT->SystemUser);
$cf->LoadByName(Name => $name, LookupType => $lookup);
unless ($cf->id) {
    print STDERR "custom field \"$name\" with LookupType $lookup not found\n";
    exit 1;
}
my ($objclass) = split /-/, $lookup;    # RT::Queue-RT::Ticket -> RT::Queue
my $rc = 0;
for my $target (@targets) {
    my $obj = $objclass->new(RT->SystemUser);    # an object with id 0 stands for "global"
    if ($target ne 'global') {
        $obj->Load($target);
        unless ($obj->id) { print STDERR "$objclass \"$target\" not found\n"; $rc = 1; next }
    }
    if ($cf->IsAdded($obj->id || 0)) { print "already applied: $name -> $target\n"; next }
    if ($obj->id && $cf->IsAdded(0))  { print "already applied globally (covers $target): $name\n"; next }
    my ($ok, $msg) = $cf->AddToObject($obj);
    if ($ok) { print "ok: $msg\n" } else { print STDERR "FAILED: $name -> $target: $msg\n"; $rc = 1 }
}
exit $rc;
