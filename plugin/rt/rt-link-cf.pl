#!/usr/bin/perl
# rt-link-cf.pl -- make RT 5 show the values of custom fields as links (LinkValueTo, a URL template in
# which __CustomField__ stands for the value), the one field property REST2 (RT 5.0.3) can neither read
# nor change after creation. Social Bridge's installer runs it for its link fields that existed before
# (fields it creates get LinkValueTo at creation); admins run it by hand on the RT host when told to.
#
# Usage: perl rt-link-cf.pl [--check] <LookupType> "<CF name>=<template>"...
#   --check     change nothing: print what is missing ("missing: ..."), exit 3 if anything is
#   example:    perl rt-link-cf.pl RT::Queue-RT::Ticket "Social Permalink=__CustomField__"
#
# A field whose LinkValueTo is already set to another template is left as an admin made it ("kept: ...").
# Like rt-server it honours RT_SITE_CONFIG and RT_SITE_CONFIG_DIR; RT_LIB overrides the RT perl
# library (default /usr/share/request-tracker5/lib, the Debian package).
# Idempotent: prints "already: ..." for what was in place and "ok: ..." for what it changed.
# Exit 0 = all in place, 1 = something failed, 2 = usage, 3 = something missing (--check).
use strict;
use warnings;

BEGIN { unshift @INC, ($ENV{RT_LIB} || '/usr/share/request-tracker5/lib'); }
use RT;

my @args = @ARGV;
my $check = 0;
if (@args && $args[0] eq '--check') { $check = 1; shift @args }
my $lookup = shift @args;
if (!defined $lookup || !@args || grep { !/^[^=]+=.+$/ } @args) {
    print STDERR "usage: $0 [--check] <LookupType> \"<CF name>=<template>\"...\n";
    exit 2;
}

RT::LoadConfig();
RT::Init();

my ($failed, $missing) = (0, 0);
for my $arg (@args) {
    my ($name, $template) = $arg =~ /^([^=]+)=(.+)$/;
    my $cf = RT::CustomField->new(RT->SystemUser);
    $cf->LoadByName(Name => $name, LookupType => $lookup);
    unless ($cf->id) { print STDERR "FAILED: custom field \"$name\" with LookupType $lookup not found\n"; $failed = 1; next }
    my $current = $cf->LinkValueTo // '';
    if ($current eq $template) { print "already: $name links to $template\n"; next }
    if ($current ne '')        { print "kept: $name links to $current (set by an admin)\n"; next }
    if ($check)                { print "missing: $name has no link\n"; $missing = 1; next }
    my ($ok, $msg) = $cf->SetLinkValueTo($template);
    if ($ok) { print "ok: $name links to $template\n" } else { print STDERR "FAILED: $name: $msg\n"; $failed = 1 }
}
exit($failed ? 1 : $missing ? 3 : 0);
