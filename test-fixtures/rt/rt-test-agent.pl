#!/usr/bin/perl
# rt-test-agent.pl -- for integration tests only: makes sure an RT user NAME exists, is privileged, has the
# password PASSWORD and the SuperUser right, so that a test can act as an agent (a person other than the
# plugin's API user). Needs RT_SITE_CONFIG / RT_SITE_CONFIG_DIR like rt-server (see scripts/rt-up.sh).
# Usage: perl rt-test-agent.pl NAME PASSWORD [--token]   (--token: also create an auth token and print it)
use strict;
use warnings;

BEGIN { unshift @INC, ($ENV{RT_LIB} || '/usr/share/request-tracker5/lib'); }
use RT;

my ($name, $password, $want_token) = @ARGV;
die "usage: $0 NAME PASSWORD\n" unless defined $password;
RT::LoadConfig();
RT::Init();

my $user = RT::User->new(RT->SystemUser);
$user->Load($name);
unless ($user->id) {
    my ($ok, $msg) = $user->Create(Name => $name, RealName => "Test agent $name", Privileged => 1,
                                   EmailAddress => "$name\@agents.example.com");
    die "cannot create $name: $msg\n" unless $ok;
}
$user->SetPrivileged(1);
my ($ok, $msg) = $user->SetPassword($password);
die "cannot set the password of $name: $msg\n" unless $ok;
$user->PrincipalObj->GrantRight(Right => 'SuperUser', Object => $RT::System);
if (($want_token // '') eq '--token') {
    my ($id, $tmsg, $auth) = RT::AuthToken->new(RT->SystemUser)->Create(Owner => $user->id, Description => 'tests');
    die "cannot create a token for $name: $tmsg\n" unless $id;
    print "$auth\n";
} else {
    print "ok: $name\n";
}
