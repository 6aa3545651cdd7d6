#!/usr/bin/perl
# Prints the demo report: tickets of this run (from the plugin's thread list + RT REST2) and the
# calls the plugin made to the Graph API stand-in. Uses only core Perl (RT brings it).
use strict; use warnings;
use JSON::PP; use HTTP::Tiny;
binmode STDOUT, ':encoding(UTF-8)';
my ($threads_file, @stand_ins) = @ARGV;   # stand-ins: "Name=requests.json"
my $json = JSON::PP->new->utf8;
sub slurp { local $/; open my $f, '<', shift or die $!; my $s = <$f>; close $f; $s }
my $threads = $json->decode(slurp($threads_file));
my $http = HTTP::Tiny->new(default_headers => { Authorization => "token $ENV{RT_TOKEN}" });
sub rt { my $r = $http->get("$ENV{RT_REST2}$_[0]"); $r->{success} ? $json->decode($r->{content}) : {} }

# the demo starts from an empty plugin store, so every thread listed is from this run
my @mine = @$threads;
my %queue_name;
print "Tickets in RT:\n";
my $n = 0;
for my $t (@mine) {
  unless ($t->{ticketId}) {
    printf "  (no ticket) %s  %s\n", $t->{threadKey}, $t->{automationStatus} // 'handled without a ticket';
    next;
  }
  my $tk = rt("/ticket/$t->{ticketId}");
  my $qid = $tk->{Queue}{id} // '';
  $queue_name{$qid} //= rt("/queue/$qid")->{Name} // $qid;
  my %cf = map { $_->{name} => join(',', @{ $_->{values} || [] }) } @{ $tk->{CustomFields} || [] };
  $n++;
  printf "  #%-5s %-26s due %s  %s\n", $t->{ticketId}, $queue_name{$qid}, $tk->{Due} // '-', $t->{ticketUrl} // '';
  printf "         subject: %s\n", $tk->{Subject} // '';
  my @keys = grep { $cf{$_} ne '' } sort keys %cf;
  printf "         %s\n", join('  ', map { "$_=$cf{$_}" } grep { /Channel|Handle|Intent|Sentiment|Language|Ref$|Campaign|Post ID|Lead Score|Automation|Moderation Status/ } @keys);
}
print "  (none)\n" unless $n;

for my $stand_in (@stand_ins) {
  my ($name, $file) = split /=/, $stand_in, 2;
  my $log = $json->decode(slurp($file));
  my @reqs = reverse @{ $log->{requests} || [] };
  print "\nSent to the platform ($name stand-in):\n";
  for my $r (@reqs) {
    my $q = $r->{request};
    my $body = $q->{body} // '';
    $body =~ s/access_token=[^&"]*/access_token=****/g;
    $body =~ s/"access_token"\s*:\s*"[^"]*"/"access_token":"****"/g;
    (my $url = $q->{url}) =~ s/access_token=[^&]*/access_token=****/g;
    $url =~ s{/bot[0-9]+:[^/]+/}{/bot****/}g;
    printf "  %s %s -> %s\n", $q->{method}, $url, $r->{response}{status};
    printf "      %s\n", substr($body, 0, 300) if $body ne '';
  }
  print "  (none)\n" unless @reqs;
}
