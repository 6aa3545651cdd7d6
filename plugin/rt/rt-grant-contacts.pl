#!/usr/bin/perl
# rt-grant-contacts.pl -- let social contacts write their own messages in RT 5, the one setup step
# REST2 (RT 5.0.3) cannot do: it grants no rights. Social Bridge's installer runs it; admins run it
# by hand on the RT host when the installer tells them to.
#
# Usage: perl rt-grant-contacts.pl "<group>" [--check] [--admin USER] [--queue Q]... [--ticket-cf CF]...
#            [--txn-cf CF]...
#   --check       change nothing: print what is missing ("missing: ..."), exit 3 if anything is
#   <group>       user-defined group holding the contacts' RT users (created if missing)
#   --admin       the plugin's API user (name or id): may add contacts to the group (AdminGroupMembership)
#   --queue       a social queue: the group may create tickets in it (CreateTicket, SeeQueue), and a
#                 ticket's Requestor and Cc may see it and reply (ShowTicket, ReplyToTicket)
#   --ticket-cf   a plugin ticket field the group may set when it creates a ticket
#                 (SeeCustomField, SetInitialCustomField)
#   --txn-cf      a plugin transaction field the group may set on its messages
#                 (SeeCustomField, ModifyCustomField)
#   example:  perl rt-grant-contacts.pl "Social Contacts" --queue "Social - Hot Leads" \
#             --txn-cf "Social Message Id (txn)"
#
# Least privilege: rights go to the group (not to every unprivileged RT user) and to the queues'
# Requestor and Cc roles, on the social queues and the plugin's fields only. The contacts' RT users
# are unprivileged: they never see RT's staff interface.
# Like rt-server it honours RT_SITE_CONFIG and RT_SITE_CONFIG_DIR; RT_LIB overrides the RT perl
# library (default /usr/share/request-tracker5/lib, the Debian package).
# Idempotent: prints "already: ..." for what was in place and "ok: ..." for what it changed.
# Exit 0 = all in place, 1 = something failed, 2 = usage, 3 = something missing (--check).
use strict;
use warnings;

BEGIN { unshift @INC, ($ENV{RT_LIB} || '/usr/share/request-tracker5/lib'); }
use Getopt::Long qw(GetOptionsFromArray);
use RT;

my (@queues, @ticket_cfs, @txn_cfs, $check, $admin);
my @args = @ARGV;
my $group_name = shift @args;
GetOptionsFromArray(\@args, 'queue=s' => \@queues, 'ticket-cf=s' => \@ticket_cfs, 'txn-cf=s' => \@txn_cfs,
    'check' => \$check, 'admin=s' => \$admin) or usage();
usage() if !defined $group_name || $group_name eq '' || @args;

RT::LoadConfig();
RT::Init();

my $rc = 0;
my $group = RT::Group->new(RT->SystemUser);
$group->LoadUserDefinedGroup($group_name);
if ($group->id) {
    print "already: group $group_name\n";
} elsif ($check) {
    print "missing: group $group_name\n";
    exit 3;
} else {
    my ($ok, $msg) = $group->CreateUserDefinedGroup(
        Name => $group_name, Description => 'Social Bridge: the RT users that stand for social contacts');
    if ($ok) { print "ok: created group $group_name\n" } else { die "FAILED: group $group_name: $msg\n" }
}

if (defined $admin) {
    my $user = RT::User->new(RT->SystemUser);
    $user->Load($admin);
    if ($user->id) { grant($user->PrincipalObj, "user " . $user->Name, $group, "group $group_name", 'AdminGroupMembership') }
    else { not_found("user \"$admin\"") }
}

for my $name (@queues) {
    my $queue = RT::Queue->new(RT->SystemUser);
    $queue->Load($name);
    unless ($queue->id) { not_found("queue \"$name\""); next }
    grant($group->PrincipalObj, "group $group_name", $queue, "queue $name", qw(CreateTicket SeeQueue));
    for my $role (qw(Requestor Cc)) {
        my $role_group = $queue->RoleGroup($role);
        unless ($role_group && $role_group->id) {
            print STDERR "FAILED: queue \"$name\" has no $role role group\n"; $rc = 1; next;
        }
        grant($role_group->PrincipalObj, "role $role", $queue, "queue $name", qw(ShowTicket ReplyToTicket));
    }
}
for my $name (@ticket_cfs) {
    field($name, 'RT::Queue-RT::Ticket', qw(SeeCustomField SetInitialCustomField));
}
for my $name (@txn_cfs) {
    field($name, 'RT::Queue-RT::Ticket-RT::Transaction', qw(SeeCustomField ModifyCustomField));
}
exit $rc;

sub field {
    my ($name, $lookup, @rights) = @_;
    my $cf = RT::CustomField->new(RT->SystemUser);
    $cf->LoadByName(Name => $name, LookupType => $lookup);
    unless ($cf->id) { not_found("custom field \"$name\" ($lookup)"); return }
    grant($group->PrincipalObj, "group $group_name", $cf, "custom field $name", @rights);
}

sub grant {
    my ($principal, $who, $object, $what, @rights) = @_;
    for my $right (@rights) {
        if ($principal->HasRight(Right => $right, Object => $object)) {
            print "already: $who has $right on $what\n";
            next;
        }
        if ($check) { print "missing: $who $right on $what\n"; $rc = 3 if $rc == 0; next }
        my ($ok, $msg) = $principal->GrantRight(Right => $right, Object => $object);
        if ($ok) { print "ok: $who granted $right on $what\n" }
        else { print STDERR "FAILED: $who $right on $what: $msg\n"; $rc = 1 }
    }
}

# A queue or field install has not created yet is missing in a check, an error otherwise.
sub not_found {
    my ($what) = @_;
    if ($check) { print "missing: $what\n"; $rc = 3 if $rc == 0 }
    else { print STDERR "FAILED: $what not found\n"; $rc = 1 }
}

sub usage {
    print STDERR "usage: $0 \"<group>\" [--check] [--admin USER] [--queue Q]... [--ticket-cf CF]... [--txn-cf CF]...\n";
    exit 2;
}
