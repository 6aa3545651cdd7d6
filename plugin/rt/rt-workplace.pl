#!/usr/bin/perl
# rt-workplace.pl -- what a rep sees on a social ticket in RT 5, set through RT's own configuration:
#   * the ticket's custom fields in titled boxes (%CustomFieldGroupings, per queue: the social queues only),
#   * priorities shown with names (%PriorityAsString, per queue: the social queues only),
#   * some boxes (the internal ids) collapsed at first: a Mason callback on
#     /Elements/ShowCustomFieldCustomGroupings (TitleBox) in RT's local component root,
#   * the empty fields of some boxes left out of the ticket page (no "(no value)" rows): a Mason callback on
#     /Elements/ShowCustomFields (MassageCustomFields) in the same place. Editing (the box's pencil, Basics, Jumbo)
#     still lists every field.
# The two options are written to RT's database configuration (RT::Configuration, table Configurations), which
# every RT server process picks up on its next request; the callbacks take effect once RT's Mason cache date
# ($MasonDataDir/obj) changes, which this script bumps. Social Bridge's installer runs it; `social-bridge
# uninstall` runs it with --remove; admins run it by hand on the RT host when told to.
#
# Usage: perl rt-workplace.pl [--apply | --check | --remove [--check]] '<spec>'
#   <spec>    JSON: {"queues": ["Social Hot Leads", ...],
#                    "groupings": [["Conversation", ["Social Channel", ...]], ...],
#                    "collapsed": ["Technical"],
#                    "hideEmpty": ["Conversation", ...],
#                    "priorities": [["Low", 0], ["Normal", 30], ...]}
#   --apply   (the default) set what is missing
#   --check   change nothing: print what is missing ("missing: ..."), exit 3 if anything is
#   --remove  take the queues' keys out of both options (the database row is disabled when nothing else is left
#             in it) and the queues out of the callbacks (each deleted when no queue is left); tickets, queues, custom
#             fields and their values are never touched. With --check: print what would go ("present: ...").
#
# A database row of a HASH option shadows the site config files per top-level key (RT::Config
# LoadConfigFromDatabase): so the "RT::Ticket" groupings the files set for other queues are copied into the row
# with ours, and other classes are left to the files. Other queues' keys and other classes already in the row are
# kept as they are. The social queues' keys are the plugin's: a different value is replaced.
# Output lines are "<status>: <item>: <text>", item CustomFieldGroupings, PriorityAsString, callback (collapsed
# boxes) or hide-empty (empty fields left out); status
# already / ok / missing (apply), absent / removed / present (remove), note, FAILED.
# Like rt-server it honours RT_SITE_CONFIG and RT_SITE_CONFIG_DIR; RT_LIB overrides the RT perl library
# (default /usr/share/request-tracker5/lib, the Debian package). Runs under a lock file, so concurrent runs
# (several installs on one RT host) do not lose each other's changes.
# Exit 0 = all in place (or removed), 1 = something failed, 2 = usage, 3 = something to do (--check).
use strict;
use warnings;

BEGIN { unshift @INC, ($ENV{RT_LIB} || '/usr/share/request-tracker5/lib'); }
use Fcntl qw(:flock);
use File::Find ();
use File::Path qw(make_path);
use File::Spec;
use JSON ();
use RT;

my ($check, $remove) = (0, 0);
my @args;
for (@ARGV) {
    if ($_ eq '--apply') { next }   # the default mode, named for readable logs
    elsif ($_ eq '--check') { $check = 1 }
    elsif ($_ eq '--remove') { $remove = 1 }
    else { push @args, $_ }
}
usage() unless @args == 1;
my $spec = eval { JSON::from_json($args[0]) };
usage("spec is not JSON: $@") unless ref $spec eq 'HASH';
my @queues = @{ $spec->{queues} || [] };
usage('spec names no queue') unless @queues;
my @groupings = @{ $spec->{groupings} || [] };
my @priorities = @{ $spec->{priorities} || [] };
my %collapsed = map { $_ => 1 } @{ $spec->{collapsed} || [] };
my %hide_empty = map { $_ => 1 } @{ $spec->{hideEmpty} || [] };

# The Mason callbacks, one file each under <local component root>/Callbacks/SocialBridge/: for each social queue,
# the boxes (grouping titles) it acts on.
my @callbacks = (
    { item => 'callback', component => [qw(Elements ShowCustomFieldCustomGroupings)], name => 'TitleBox',
      groups => \%collapsed, verb => 'collapses', source => \&collapse_source },
    { item => 'hide-empty', component => [qw(Elements ShowCustomFields)], name => 'MassageCustomFields',
      groups => \%hide_empty, verb => 'hides the empty fields of', source => \&hide_empty_source },
);

RT::LoadConfig();
RT::Init();

my $lock = lock_file();
my $rc = 0;
my ($todo, $failed) = (0, 0);

# ticket field groupings of one social queue: [ 'Conversation' => [ 'Social Channel', ... ], ... ]
my $grouping_value = [ map { ($_->[0] => [ @{ $_->[1] } ]) } @groupings ];
# priority names of one social queue, in order: [ Low => 0, Normal => 30, ... ]
my $priority_value = [ map { ($_->[0] => 0 + $_->[1]) } @priorities ];

option('CustomFieldGroupings', 'RT::Ticket', @groupings ? $grouping_value : undef);
option('PriorityAsString', undef, @priorities ? $priority_value : undef);
callback($_) for @callbacks;
if (!$remove && @priorities && !RT->Config->Get('EnablePriorityAsString')) {
    print "note: PriorityAsString: \$EnablePriorityAsString is off in the site config, RT shows numbers\n";
}

close $lock;
exit($failed ? 1 : ($check && $todo) ? 3 : 0);

# Sets (or removes) the social queues' keys of a HASH option in its database row. $class: the top-level key
# under which the queues are keyed (CustomFieldGroupings: the record class), undef when they are top-level.
# $value: what each queue gets, undef when the descriptor declares nothing (then only --remove acts).
sub option {
    my ($name, $class, $value) = @_;
    return if !defined $value && !$remove;
    my $row = RT::Configuration->new(RT->SystemUser);
    $row->LoadByCols(Name => $name, Disabled => 0);
    my $content = {};
    if ($row->id) {
        my ($decoded, $error) = $row->DecodedContent;
        if ($error || ref $decoded ne 'HASH') {
            fail($name, "database row " . $row->id . " cannot be read: " . ($error || 'not a HASH'));
            return;
        }
        $content = $decoded;
    }
    my $holder = $content;
    if (defined $class) {
        if (!exists $content->{$class}) {
            return absent_all($name) if $remove;
            # not in the row: what RT shows for the class comes from the site config files; keep it
            my $files = RT->Config->Get($name) || {};
            $content->{$class} = ref $files->{$class} eq 'HASH' ? clone($files->{$class}) : {};
        }
        $holder = $content->{$class};
        if (ref $holder ne 'HASH') {
            fail($name, "$class in database row " . $row->id . " is not a HASH");
            return;
        }
    }
    my $changed = 0;
    for my $queue (@queues) {
        if ($remove) {
            if (!exists $holder->{$queue}) { print "absent: $name: queue $queue\n"; next }
            if ($check) { print "present: $name: queue $queue\n"; $todo = 1; next }
            delete $holder->{$queue};
            $changed = 1;
            print "removed: $name: queue $queue\n";
            next;
        }
        if (exists $holder->{$queue} && canon($holder->{$queue}) eq canon($value)) {
            print "already: $name: queue $queue\n";
            next;
        }
        my $what = exists $holder->{$queue} ? 'differs from the descriptor' : 'not set';
        if ($check) { print "missing: $name: queue $queue ($what)\n"; $todo = 1; next }
        $holder->{$queue} = clone($value);
        $changed = 1;
        print "ok: $name: queue $queue set\n";
    }
    return unless $changed;
    if ($remove && defined $class && (!%$holder || canon($holder) eq canon(files_class($name, $class)))) {
        delete $content->{$class};   # what is left came from the site config files: let the files show it again
    }
    if (!%$content) {
        my ($ok, $msg) = $row->id ? $row->Delete : (1, '');
        if ($ok) { print "removed: $name: database row " . $row->id . " disabled (nothing else in it)\n" if $row->id }
        else { fail($name, "cannot disable database row " . $row->id . ": $msg") }
        return;
    }
    my ($ok, $msg) = $row->id ? $row->SetContent($content)
        : RT::Configuration->new(RT->SystemUser)->Create(Name => $name, Content => $content);
    fail($name, "cannot write the database setting: $msg") unless $ok;
}

sub absent_all {
    my ($name) = @_;
    print "absent: $name: queue $_\n" for @queues;
}

# The site config files' value of one class of a HASH option, normalized as RT's PostLoadCheck of
# CustomFieldGroupings does ({ queue or Default => [ group => [fields] ... ] }).
sub files_class {
    my ($name, $class) = @_;
    my $files = RT->Config->can('_GetFromFilesOnly') ? RT->Config->_GetFromFilesOnly($name) : undef;
    my $value = ref $files eq 'HASH' ? $files->{$class} : undef;
    return {} unless defined $value;
    return { Default => $value } if ref $value eq 'ARRAY';
    return {} unless ref $value eq 'HASH';
    my %h;
    for my $key (keys %$value) {
        my $v = $value->{$key};
        if (ref $v eq 'ARRAY' && ref $v->[1] eq 'ARRAY') { $h{$key} = $v }
        elsif (ref $v eq 'ARRAY') {
            return { Default => [ map { $_, $value->{$_} } sort { lc($a) cmp lc($b) } keys %$value ] };
        }
        elsif (ref $v eq 'HASH') { $h{$key} = [ map { $_, $v->{$_} } sort { lc($a) cmp lc($b) } keys %$v ] }
    }
    return \%h;
}

# One callback file: it lists, per queue, the boxes it acts on; queues of other installs (another descriptor on
# the same RT) are kept.
sub callback {
    my ($cb) = @_;
    my $item = $cb->{item};
    my $root = $RT::MasonLocalComponentRoot
        or return fail($item, 'RT has no local component root ($MasonLocalComponentRoot)');
    my $dir = File::Spec->catdir($root, qw(Callbacks SocialBridge), @{ $cb->{component} });
    my $file = File::Spec->catfile($dir, $cb->{name});
    my %table = read_callback($file);
    my %groups = %{ $cb->{groups} };
    return if !%groups && !$remove;
    my $changed = 0;
    for my $queue (@queues) {
        if ($remove) {
            if (!$table{$queue}) { print "absent: $item: queue $queue\n"; next }
            if ($check) { print "present: $item: queue $queue in $file\n"; $todo = 1; next }
            delete $table{$queue};
            $changed = 1;
            print "removed: $item: queue $queue from $file\n";
            next;
        }
        my $want = join ',', sort keys %groups;
        if ($table{$queue} && join(',', sort @{ $table{$queue} }) eq $want) {
            print "already: $item: queue $queue $cb->{verb} $want\n";
            next;
        }
        if ($check) { print "missing: $item: queue $queue (not set: $cb->{verb} $want)\n"; $todo = 1; next }
        $table{$queue} = [ sort keys %groups ];
        $changed = 1;
        print "ok: $item: queue $queue $cb->{verb} $want ($file)\n";
    }
    return unless $changed;
    if (!%table) {
        unlink $file or return fail($item, "cannot delete $file: $!");
        print "removed: $item: $file deleted (no queue left)\n";
        # our directories, and RT's Callbacks directory when nothing else is in it (rmdir leaves a full one)
        my @parts = (qw(Callbacks SocialBridge), @{ $cb->{component} });
        while (@parts) {
            rmdir File::Spec->catdir($root, @parts);
            pop @parts;
        }
    } else {
        eval { make_path($dir, { mode => 0755 }) };
        return fail($item, "cannot create $dir: $@") if $@;
        my $tmp = "$file.tmp$$";
        open my $out, '>', $tmp or return fail($item, "cannot write $tmp: $!");
        print $out $cb->{source}->(%table);
        close $out or return fail($item, "cannot write $tmp: $!");
        chmod 0644, $tmp;
        rename $tmp, $file or return fail($item, "cannot rename $tmp to $file: $!");
    }
    flush_mason_cache($cb);
}

sub read_callback {
    my ($file) = @_;
    my %table;
    open my $in, '<', $file or return %table;
    while (my $line = <$in>) {
        next unless $line =~ /^    '([^']+)' => \{ (.*) \},$/;
        my ($queue, $groups) = ($1, $2);
        $table{$queue} = [ $groups =~ /'([^']+)' => 1/g ];
    }
    return %table;
}

# "    'Social Hot Leads' => { 'Technical' => 1 },": the lines read_callback reads back
sub table_rows {
    my (%table) = @_;
    return join '', map {
        my $queue = $_;
        "    '$queue' => { " . join(', ', map { "'$_' => 1" } @{ $table{$queue} }) . " },\n"
    } sort keys %table;
}

sub collapse_source {
    my $rows = table_rows(@_);
    return <<"MASON";
%# Social Bridge: collapses the boxes of internal ids on the social queues' ticket pages.
%# Written by rt-workplace.pl (social-bridge install); removed by social-bridge uninstall. Do not edit.
<%once>
my %collapsed = (
$rows);
</%once>
<%args>
\$Object => undef
\$Grouping => undef
\$ARGSRef => {}
</%args>
<%init>
return unless \$Object && \$Object->isa('RT::Ticket') && defined \$Grouping;
my \$queue = \$Object->QueueObj->__Value('Name');
\$ARGSRef->{rolledup} = 1 if \$collapsed{\$queue} && \$collapsed{\$queue}{\$Grouping};
</%init>
MASON
}

# Leaves the fields without a value out of a box's list on the social queues' ticket pages. /Elements/ShowCustomFields
# runs it with the box's Grouping; /Elements/ShowCustomFieldCustomGroupings also runs it, without a Grouping, to
# decide whether a box is shown at all: that call is left alone, so a box whose fields are all empty keeps its title
# and edit pencil. Editing (/Elements/EditCustomFields, Modify.html, ModifyAll.html) does not run it.
sub hide_empty_source {
    my $rows = table_rows(@_);
    return <<"MASON";
%# Social Bridge: leaves empty fields out of the social queues' ticket pages (no "(no value)" rows).
%# Written by rt-workplace.pl (social-bridge install); removed by social-bridge uninstall. Do not edit.
<%once>
my %hide_empty = (
$rows);
</%once>
<%args>
\$Object => undef
\$CustomFields => undef
\$Grouping => undef
</%args>
<%init>
return unless \$Object && \$CustomFields && \$Object->isa('RT::Ticket') && \$Object->id && defined \$Grouping;
my \$queue = \$Object->QueueObj->__Value('Name');
return unless \$hide_empty{\$queue} && \$hide_empty{\$queue}{\$Grouping};
my \$values = RT::ObjectCustomFieldValues->new(\$session{CurrentUser});
\$values->LimitToObject(\$Object);
my %set = map { \$_->__Value('CustomField') => 1 } \@{ \$values->ItemsArrayRef };
\$CustomFields->Limit(SUBCLAUSE => 'socialbridge_hide_empty', FIELD => 'id', OPERATOR => 'IN',
                      VALUE => [ %set ? sort keys %set : 0 ]);
</%init>
MASON
}

# RT serves components compiled once into $MasonDataDir/obj (static_source): drop the compiled callback, so that
# it is compiled again from the new file. RT caches which callbacks exist per process until the date of
# $MasonDataDir/obj changes (RT::Interface::Web::MasonCacheCreatedDate): move it forward so every process looks again.
sub flush_mason_cache {
    my ($cb) = @_;
    my $where = join '/', '', qw(Callbacks SocialBridge), @{ $cb->{component} };
    my $obj = File::Spec->catdir($RT::MasonDataDir, 'obj');
    make_path($obj) unless -d $obj;
    my @compiled;
    File::Find::find(sub {
        push @compiled, $File::Find::name
            if $_ eq "$cb->{name}.obj" && $File::Find::dir =~ m{\Q$where\E$};
    }, $obj);
    unlink @compiled;
    my $now = time;
    my $mtime = (stat $obj)[9] // 0;
    $now = $mtime + 1 if $now <= $mtime;
    utime $now, $now, $obj or print "note: $cb->{item}: cannot touch $obj ($!): RT sees the change after a restart\n";
}

sub lock_file {
    my $dir = -w ($RT::VarPath // '') ? $RT::VarPath : File::Spec->tmpdir;
    my $path = File::Spec->catfile($dir, 'social-bridge-workplace.lock');
    open my $fh, '>>', $path or die "FAILED: cannot open lock file $path: $!\n";
    flock $fh, LOCK_EX or die "FAILED: cannot lock $path: $!\n";
    return $fh;
}

# A string that is equal for equal structures, whatever the numbers' and strings' internal form.
sub canon {
    my ($v) = @_;
    return 'undef' unless defined $v;
    return '[' . join(',', map { canon($_) } @$v) . ']' if ref $v eq 'ARRAY';
    return '{' . join(',', map { "$_=>" . canon($v->{$_}) } sort keys %$v) . '}' if ref $v eq 'HASH';
    return "'$v'";
}

sub clone {
    my ($v) = @_;
    return [ map { clone($_) } @$v ] if ref $v eq 'ARRAY';
    return { map { $_ => clone($v->{$_}) } keys %$v } if ref $v eq 'HASH';
    return $v;
}

sub fail {
    my ($item, $msg) = @_;
    print "FAILED: $item: $msg\n";
    $failed = 1;
    return;
}

sub usage {
    my ($why) = @_;
    print STDERR "$why\n" if $why;
    print STDERR "usage: $0 [--check] [--remove] '{\"queues\": [...], \"groupings\": [[\"Conversation\", [\"Social Channel\", ...]], ...],"
        . " \"collapsed\": [\"Technical\"], \"hideEmpty\": [\"Conversation\", ...], \"priorities\": [[\"Low\", 0], ...]}'\n";
    exit 2;
}
