#!/usr/bin/perl
# rt-test-config.pl -- for integration tests only: reads RT's effective configuration as a fresh RT process
# sees it (site config files + database rows), and sets or removes one key of a HASH option's database row
# as an admin would (Admin > Tools > System Configuration). Takes the lock rt-workplace.pl takes.
# Needs RT_SITE_CONFIG / RT_SITE_CONFIG_DIR like rt-server (see scripts/rt-up.sh).
# Usage: perl rt-test-config.pl show OPTION...               effective values: {"OPTION": value, ...}
#        perl rt-test-config.pl set OPTION CLASS|- KEY JSON  set KEY (under top-level CLASS, or top-level: -)
#        perl rt-test-config.pl unset OPTION CLASS|- KEY     remove it (the row is disabled when left empty)
use strict;
use warnings;

BEGIN { unshift @INC, ($ENV{RT_LIB} || '/usr/share/request-tracker5/lib'); }
use Fcntl qw(:flock);
use File::Spec;
use JSON ();
use RT;

my ($command, $name, $class, $key, $json) = @ARGV;
die "usage: $0 show OPTION | set OPTION CLASS|- KEY JSON | unset OPTION CLASS|- KEY\n"
    unless defined $name && ($command eq 'show' || (defined $key && ($command eq 'unset' || defined $json)));
RT::LoadConfig();
RT::Init();
my $canonical = JSON->new->canonical->allow_nonref;

if ($command eq 'show') {
    my @names = @ARGV[1 .. $#ARGV];
    print $canonical->encode({ map { $_ => scalar(RT->Config->Get($_)) // {} } @names }), "\n";
    exit 0;
}

my $dir = -w ($RT::VarPath // '') ? $RT::VarPath : File::Spec->tmpdir;
open my $lock, '>>', File::Spec->catfile($dir, 'social-bridge-workplace.lock') or die "lock: $!\n";
flock $lock, LOCK_EX or die "lock: $!\n";

my $row = RT::Configuration->new(RT->SystemUser);
$row->LoadByCols(Name => $name, Disabled => 0);
my $content = $row->id ? ($row->DecodedContent)[0] : {};
my $holder = $content;
if ($class ne '-') {
    $content->{$class} = { %{ RT->Config->Get($name)->{$class} || {} } } unless exists $content->{$class};
    $holder = $content->{$class};
}
if ($command eq 'set') {
    $holder->{$key} = JSON::from_json($json);
} else {
    delete $holder->{$key};
    delete $content->{$class} if $class ne '-' && !%$holder;
}
my ($ok, $msg) = !%$content ? ($row->id ? $row->Delete : (1, 'nothing to do'))
    : $row->id ? $row->SetContent($content)
    : RT::Configuration->new(RT->SystemUser)->Create(Name => $name, Content => $content);
die "FAILED: $msg\n" unless $ok || $msg =~ /Nothing changed/;
print "ok\n";
