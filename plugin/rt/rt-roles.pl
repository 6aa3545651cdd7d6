#!/usr/bin/perl
# rt-roles.pl -- the views Social Bridge gives each role in RT 5, and the rights of the plugin's own RT user: what
# REST2 (RT 5.0.3) can neither read nor write (rights, group saved searches, group dashboards). Social Bridge's
# installer and verify run it; admins run it by hand on the RT host when they tell them to.
#
# Usage: perl rt-roles.pl --spec FILE [--check | --remove]
#        perl rt-roles.pl --spec FILE --rights USER
#        perl rt-roles.pl --spec FILE --grant-plugin USER [--check]
#   --spec          JSON written by Social Bridge from its descriptor (queue and field names are declared there):
#                   {"roles": [{"group", "description", "grants": [GRANT...], "searches": [SEARCH...], "dashboard"}],
#                    "plugin": {"grants": [GRANT...], "excessive": [RIGHT...]}}
#                   GRANT:  {"object": "system"|"queue"|"group"|"cf", "name": NAME, "lookup": CF_LOOKUP_TYPE,
#                            "rights": [RIGHT...]}
#                   SEARCH: {"name", "type": "Ticket"|"Chart", "content": {Query, Format, OrderBy, GroupBy...}}
#   (no mode)       create each role's group (or enable it), grant the group its rights, save its searches and its
#                   dashboard in the group (updated in place when their definition changed)
#   --check         change nothing: print what is missing or differs ("missing: ..."), exit 3 if anything is
#   --remove        delete the groups' searches and dashboards, revoke the groups' rights and disable the groups
#                   (RT never deletes a group; members stay, tickets are untouched)
#   --rights USER   the plugin user's rights: "has:", "missing:" (exit 3) and "excessive:" lines
#   --grant-plugin USER   grant the plugin user exactly the rights it needs (with --check: only say what is missing)
#   example:  perl rt-roles.pl --spec /tmp/social-bridge-rt-roles.json --grant-plugin social-bridge
#
# Like rt-server it honours RT_SITE_CONFIG and RT_SITE_CONFIG_DIR; RT_LIB overrides the RT perl library
# (default /usr/share/request-tracker5/lib, the Debian package).
# Idempotent: prints "already: ..." for what was in place and "ok: ..." for what it changed.
# Exit 0 = all in place, 1 = something failed, 2 = usage, 3 = something missing (--check, --rights).
use strict;
use warnings;

BEGIN { unshift @INC, ($ENV{RT_LIB} || '/usr/share/request-tracker5/lib'); }
use Getopt::Long qw(GetOptionsFromArray);
use JSON::PP;
use RT;

my ($spec_file, $check, $remove, $rights_of, $grant_to);
my @args = @ARGV;
GetOptionsFromArray(\@args, 'spec=s' => \$spec_file, 'check' => \$check, 'remove' => \$remove,
    'rights=s' => \$rights_of, 'grant-plugin=s' => \$grant_to) or usage();
usage() if !defined $spec_file || @args || (grep { $_ } ($remove, defined $rights_of, defined $grant_to)) > 1
    || ($check && ($remove || defined $rights_of));

my $spec = do {
    open my $fh, '<:raw', $spec_file or do { print STDERR "FAILED: cannot read $spec_file: $!\n"; exit 2 };
    local $/;
    my $text = <$fh>;
    eval { JSON::PP->new->utf8->decode($text) } or do { print STDERR "FAILED: $spec_file is not JSON: $@\n"; exit 2 };
};
my $json = JSON::PP->new->canonical;

RT::LoadConfig();
RT::Init();

my $rc = 0;
if (defined $rights_of) { plugin_rights($rights_of) }
elsif (defined $grant_to) { grant_plugin($grant_to) }
elsif ($remove) { remove_role($_) for @{ $spec->{roles} || [] } }
else { apply_role($_) for @{ $spec->{roles} || [] } }
exit $rc;

sub missing { my ($what) = @_; print "missing: $what\n"; $rc = 3 if $rc == 0 }
sub failed { my ($what) = @_; print STDERR "FAILED: $what\n"; $rc = 1 }

# ---- roles -------------------------------------------------------------------------------------------------------

sub apply_role {
    my ($role) = @_;
    my $name = $role->{group};
    my $group = RT::Group->new(RT->SystemUser);
    $group->LoadUserDefinedGroup($name);
    if (!$group->id) {
        if ($check) { missing("group $name"); return }
        my ($ok, $msg) = $group->CreateUserDefinedGroup(Name => $name, Description => $role->{description} // '');
        unless ($ok) { failed("group $name: $msg"); return }
        print "ok: created group $name (id " . $group->id . ")\n";
    } elsif ($group->Disabled) {
        if ($check) { missing("group $name is disabled"); return }
        my ($ok, $msg) = $group->SetDisabled(0);
        unless ($ok) { failed("enable group $name: $msg"); return }
        print "ok: enabled group $name (id " . $group->id . ")\n";
    } else {
        print "already: group $name (id " . $group->id . ")\n";
    }
    grant_all($group->PrincipalObj, "group $name", $role->{grants});
    my @portlets;
    for my $search (@{ $role->{searches} || [] }) {
        my $id = saved_search($group, $search);
        push @portlets, { pane => 'body', portlet_type => 'search', privacy => 'RT::Group-' . $group->id,
            id => $id, description => ($search->{type} eq 'Chart' ? 'Chart' : 'Saved Search') . ': ' . $search->{name} }
            if $id;
    }
    dashboard($group, $role->{dashboard}, \@portlets) if $role->{dashboard};
}

# The group's attribute NAME (SavedSearch, Dashboard) described DESCRIPTION, if any.
sub group_attribute {
    my ($group, $name, $description) = @_;
    my $attrs = RT::Attributes->new(RT->SystemUser);
    $attrs->LimitToObject($group);
    $attrs->Limit(FIELD => 'Name', VALUE => $name);
    $attrs->Limit(FIELD => 'Description', VALUE => $description);
    $attrs->OrderBy(FIELD => 'id', ORDER => 'ASC');
    return $attrs->First;
}

sub saved_search {
    my ($group, $search) = @_;
    my $what = "search '$search->{name}' of group " . $group->Name;
    my %content = %{ $search->{content} || {} };
    $content{SearchType} = $search->{type} || 'Ticket';
    if (my $by = $content{GroupBy}) {   # charts group by CF.{<id>}, as RT's chart builder saves them
        my @resolved;
        for my $field (ref $by ? @$by : $by) {
            if ($field =~ /^CF\.\{(.+)\}$/ && $1 !~ /^\d+$/) {
                my $cf = RT::CustomField->new(RT->SystemUser);
                $cf->LoadByName(Name => $1, LookupType => 'RT::Queue-RT::Ticket');
                unless ($cf->id) { $check ? missing("custom field \"$1\" for $what") : failed("custom field \"$1\" for $what not found"); return }
                push @resolved, 'CF.{' . $cf->id . '}';
            } else { push @resolved, $field }
        }
        $content{GroupBy} = \@resolved;
    }
    my $tickets = RT::Tickets->new(RT->SystemUser);
    my ($valid, $why) = $tickets->FromSQL($content{Query} // '');
    unless ($valid) { failed("$what: invalid TicketSQL: $why"); return }

    my $attr = group_attribute($group, 'SavedSearch', $search->{name});
    if ($attr) {
        if ($json->encode($attr->Content || {}) eq $json->encode(\%content)) {
            print "already: $what (id " . $attr->id . ")\n";
            return $attr->id;
        }
        if ($check) { missing("$what differs from its definition"); return $attr->id }
        my ($ok, $msg) = $attr->SetContent(\%content);
        if ($ok) { print "ok: updated $what (id " . $attr->id . ")\n" } else { failed("update $what: $msg") }
        return $attr->id;
    }
    if ($check) { missing($what); return }
    my $saved = RT::SavedSearch->new(RT->SystemUser);
    my ($ok, $msg) = $saved->Save(Privacy => 'RT::Group-' . $group->id, Name => $search->{name},
        Type => $content{SearchType}, SearchParams => \%content);
    unless ($ok) { failed("save $what: $msg"); return }
    print "ok: saved $what (id " . $saved->Id . ")\n";
    return $saved->Id;
}

sub dashboard {
    my ($group, $name, $portlets) = @_;
    my $what = "dashboard '$name' of group " . $group->Name;
    my $panes = { body => $portlets, sidebar => [] };
    my $attr = group_attribute($group, 'Dashboard', $name);
    if ($attr) {
        if ($json->encode($attr->SubValue('Panes') || {}) eq $json->encode($panes)) {
            print "already: $what (id " . $attr->id . ")\n";
            return;
        }
        if ($check) { missing("$what differs from its definition"); return }
        my ($ok, $msg) = $attr->SetSubValues(Panes => $panes);
        if ($ok) { print "ok: updated $what (id " . $attr->id . ")\n" } else { failed("update $what: $msg") }
        return;
    }
    if ($check) { missing($what); return }
    my $dashboard = RT::Dashboard->new(RT->SystemUser);
    my ($ok, $msg) = $dashboard->Save(Privacy => 'RT::Group-' . $group->id, Name => $name, Panes => $panes);
    if ($ok) { print "ok: saved $what (id " . $dashboard->Id . ")\n" } else { failed("save $what: $msg") }
}

sub remove_role {
    my ($role) = @_;
    my $name = $role->{group};
    my $group = RT::Group->new(RT->SystemUser);
    $group->LoadUserDefinedGroup($name);
    unless ($group->id) { print "already: no group $name\n"; return }
    for my $item ([Dashboard => $role->{dashboard}], map { [SavedSearch => $_->{name}] } @{ $role->{searches} || [] }) {
        my ($kind, $description) = @$item;
        next unless defined $description;
        my $label = ($kind eq 'Dashboard' ? 'dashboard' : 'search') . " '$description' of group $name";
        my $attr = group_attribute($group, $kind, $description);
        unless ($attr) { print "already: no $label\n"; next }
        my $id = $attr->id;
        my ($ok, $msg) = $attr->Delete;
        if ($ok) { print "ok: removed $label (id $id)\n" } else { failed("remove $label: $msg") }
    }
    for my $grant (@{ $role->{grants} || [] }) {
        my ($object, $where) = grant_object($grant) or next;
        for my $right (@{ $grant->{rights} }) {
            my $ace = RT::ACE->new(RT->SystemUser);
            $ace->LoadByValues(PrincipalId => $group->PrincipalId, PrincipalType => 'Group', RightName => $right,
                Object => $object);
            unless ($ace->id) { print "already: group $name has no $right on $where\n"; next }
            my ($ok, $msg) = $group->PrincipalObj->RevokeRight(Right => $right, Object => $object);
            if ($ok) { print "ok: revoked $right on $where from group $name\n" } else { failed("revoke $right on $where: $msg") }
        }
    }
    if ($group->Disabled) { print "already: group $name disabled\n"; return }
    my ($ok, $msg) = $group->SetDisabled(1);
    if ($ok) { print "ok: disabled group $name (members kept)\n" } else { failed("disable group $name: $msg") }
}

# ---- rights ------------------------------------------------------------------------------------------------------

# The RT object of a grant and how to name it; empty (and reported) when it does not exist (yet).
sub grant_object {
    my ($grant) = @_;
    my $type = $grant->{object} // '';
    my $name = $grant->{name} // '';
    if ($type eq 'system') { return (RT->System, 'RT (global)') }
    my $object;
    if ($type eq 'queue') { $object = RT::Queue->new(RT->SystemUser); $object->Load($name) }
    elsif ($type eq 'group') { $object = RT::Group->new(RT->SystemUser); $object->LoadUserDefinedGroup($name) }
    elsif ($type eq 'cf') {
        $object = RT::CustomField->new(RT->SystemUser);
        $object->LoadByName(Name => $name, LookupType => $grant->{lookup} // 'RT::Queue-RT::Ticket');
    } else { failed("unknown grant object '$type'"); return }
    my $where = ($type eq 'cf' ? 'custom field' : $type) . " $name";
    unless ($object->id) {
        if ($remove) { print "already: no $where\n" }
        elsif ($check || defined $rights_of) { missing("$where (not found)") } else { failed("$where not found") }
        return;
    }
    return ($object, $where);
}

sub grant_all {
    my ($principal, $who, $grants) = @_;
    for my $grant (@{ $grants || [] }) {
        my ($object, $where) = grant_object($grant) or next;
        for my $right (@{ $grant->{rights} }) {
            # the ACE itself, not HasRight: a right the principal has through another group is not this grant
            my $ace = RT::ACE->new(RT->SystemUser);
            $ace->LoadByValues(PrincipalId => $principal->id, PrincipalType => $principal->PrincipalType,
                RightName => $right, Object => $object);
            if ($ace->id) { print "already: $who has $right on $where\n"; next }
            if ($check) { missing("$who $right on $where"); next }
            my ($ok, $msg) = $principal->GrantRight(Right => $right, Object => $object);
            if ($ok) { print "ok: $who granted $right on $where\n" } else { failed("$who $right on $where: $msg") }
        }
    }
}

sub load_user {
    my ($ref) = @_;
    my $user = RT::User->new(RT->SystemUser);
    $user->Load($ref);
    unless ($user->id) { print STDERR "FAILED: user \"$ref\" not found\n"; exit 1 }
    return $user;
}

# What the plugin user has of what it needs (through any group or role: HasRight), and which admin rights it has
# beyond that.
sub plugin_rights {
    my ($ref) = @_;
    my $user = load_user($ref);
    my $who = 'user ' . $user->Name;
    for my $grant (@{ $spec->{plugin}{grants} || [] }) {
        my ($object, $where) = grant_object($grant) or next;
        for my $right (@{ $grant->{rights} }) {
            if ($user->HasRight(Right => $right, Object => $object)) { print "has: $who $right on $where\n" }
            else { missing("$who $right on $where") }
        }
    }
    if ($user->HasRight(Right => 'SuperUser', Object => RT->System)) {
        print "excessive: $who SuperUser on RT (global)\n";
        return;
    }
    for my $right (@{ $spec->{plugin}{excessive} || [] }) {
        print "excessive: $who $right on RT (global)\n" if $user->HasRight(Right => $right, Object => RT->System);
    }
}

sub grant_plugin {
    my ($ref) = @_;
    my $user = load_user($ref);
    grant_all($user->PrincipalObj, 'user ' . $user->Name, $spec->{plugin}{grants});
}

sub usage {
    print STDERR "usage: $0 --spec FILE [--check | --remove | --rights USER | --grant-plugin USER [--check]]\n";
    exit 2;
}
