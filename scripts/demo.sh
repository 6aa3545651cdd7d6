#!/usr/bin/env bash
# The main job, end to end on this machine:
#   1. a throwaway Request Tracker 5 (installed if missing) on 127.0.0.1:8089
#   2. the plugin bundle built, unzipped, installed into RT (install + verify) and serving on :18080
#   3. local stand-ins for the platform APIs (WireMock standalone): Graph API (test-fixtures/wiremock/meta) on
#      :18081, WhatsApp Cloud API (test-fixtures/wiremock/whatsapp) on :18082, Telegram Bot API
#      (test-fixtures/wiremock/telegram) on :18083
#   4. realistic signed webhooks from test-fixtures/inbound/{meta,whatsapp,telegram}/ replayed through the real
#      endpoints
#   5. a report of what landed in RT and what was sent to the platforms
# Usage: bash scripts/demo.sh [--keep]   (--keep leaves the plugin and WireMock running)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DEMO=${SOCIALBRIDGE_DEMO_DIR:-/tmp/social-bridge-demo}
PORT=18080
GRAPH_PORT=18081
WA_PORT=18082
TG_PORT=18083
TG_TOKEN=7012345678:AAH3kZ2xQy7VtR9pLmN4bC6dE8fG0hJ1kLsW
TG_SECRET=shop-webhook-secret_1
TG_HELPDESK_TOKEN=6098765432:AAF9pQ2rS4tU6vW8xY0zA1bC3dE5fG7hI9jKl
TG_HELPDESK_SECRET=helpdesk-webhook-secret_2
SECRET=demo-app-secret
ADMIN=demo-admin-token-0123456789
KEEP=0; [ "${1:-}" = "--keep" ] && KEEP=1
say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

need=(); for c in java mvn curl openssl unzip perl; do command -v $c >/dev/null 2>&1 || need+=($c); done
if [ ${#need[@]} -gt 0 ]; then
  pk=(); for c in "${need[@]}"; do case $c in java) pk+=(openjdk-17-jdk-headless);; mvn) pk+=(maven);; *) pk+=($c);; esac; done
  export DEBIAN_FRONTEND=noninteractive; apt-get update -q; apt-get install -y -q "${pk[@]}"
fi

say "1. Request Tracker 5"
bash scripts/rt-up.sh
# shellcheck disable=SC1091
. /tmp/rt5-test/env.sh

say "2. Build the bundle"
mvn -B -q package -DskipTests
VERSION=$(sed -n 's:.*<version>\([^<]*\)</version>.*:\1:p' pom.xml | head -1)
pkill -f "socialbridge.home=$DEMO/social-bridge-$VERSION" 2>/dev/null || true
for p in $GRAPH_PORT $WA_PORT $TG_PORT; do pkill -f "wiremock-standalone.*--port $p" 2>/dev/null || true; done
sleep 1
rm -rf "$DEMO"; mkdir -p "$DEMO"
unzip -q "target/social-bridge-$VERSION.zip" -d "$DEMO"
SB="$DEMO/social-bridge-$VERSION"
"$SB/bin/social-bridge" --version

say "3. Platform API stand-ins (WireMock): Graph API, WhatsApp Cloud API, Telegram Bot API"
mvn -B -q dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.10.0 -DoutputDirectory="$DEMO" >/dev/null
stand_in() {  # name port
  nohup java -Xmx128m -jar "$DEMO/wiremock-standalone-3.10.0.jar" --port "$2" --bind-address 127.0.0.1 \
    --root-dir "$ROOT/test-fixtures/wiremock/$1" --disable-banner > "$DEMO/wiremock-$1.log" 2>&1 &
  echo $! >> "$DEMO/wiremock.pid"
}
stand_in meta $GRAPH_PORT; stand_in whatsapp $WA_PORT; stand_in telegram $TG_PORT

cat > "$DEMO/demo.properties" <<PROPS
socialbridge.http.port=$PORT
socialbridge.http.host=127.0.0.1
socialbridge.store.jdbc-url=jdbc:h2:file:$DEMO/data/socialbridge;AUTO_SERVER=TRUE
socialbridge.inbox.journal-dir=$DEMO/data/journal
socialbridge.host.rt.base-url=$RT_URL
socialbridge.host.rt.token=$RT_TOKEN
socialbridge.admin.token=$ADMIN
socialbridge.meta.app-secret=$SECRET
socialbridge.meta.verify-token=demo-verify-token
socialbridge.meta.graph-base-url=http://127.0.0.1:$GRAPH_PORT
socialbridge.meta.accounts.brand-ig.id=17841400000000001
socialbridge.meta.accounts.brand-ig.platform=instagram
socialbridge.meta.accounts.brand-ig.page-id=100000000000001
socialbridge.meta.accounts.brand-ig.access-token=demo-ig-token
socialbridge.meta.accounts.brand-page.id=100000000000001
socialbridge.meta.accounts.brand-page.platform=facebook
socialbridge.meta.accounts.brand-page.access-token=demo-page-token
socialbridge.whatsapp.graph-base-url=http://127.0.0.1:$WA_PORT
socialbridge.whatsapp.accounts.brand-wa.phone-number-id=106540352242922
socialbridge.whatsapp.accounts.brand-wa.waba-id=102290129340398
socialbridge.whatsapp.accounts.brand-wa.access-token=demo-wa-token
socialbridge.telegram.api-base-url=http://127.0.0.1:$TG_PORT
socialbridge.telegram.bots.shop.token=$TG_TOKEN
socialbridge.telegram.bots.shop.secret-token=$TG_SECRET
socialbridge.telegram.bots.shop.username=acme_shop_bot
socialbridge.telegram.bots.helpdesk.token=$TG_HELPDESK_TOKEN
socialbridge.telegram.bots.helpdesk.secret-token=$TG_HELPDESK_SECRET
socialbridge.telegram.bots.helpdesk.username=acme_helpdesk_bot
socialbridge.automation.brand=Maison Lumière
PROPS

say "4. Install into RT (dry run, install, verify)"
"$SB/bin/social-bridge" install --dry-run --config "$DEMO/demo.properties" | tail -1
"$SB/bin/social-bridge" install --config "$DEMO/demo.properties" | tail -1
"$SB/bin/social-bridge" verify --config "$DEMO/demo.properties"

say "5. Serve"
nohup "$SB/bin/social-bridge" serve --config "$DEMO/demo.properties" > "$DEMO/serve.log" 2>&1 &
echo $! > "$DEMO/serve.pid"
# the first serve of a fresh bundle builds its class-data-sharing archive first (once, see bin/social-bridge)
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$PORT/health/live" >/dev/null 2>&1 && break; sleep 0.1; done
grep -m1 "listening" "$DEMO/serve.log" || { cat "$DEMO/serve.log"; exit 1; }
for p in $GRAPH_PORT $WA_PORT $TG_PORT; do
  for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$p/__admin/health" >/dev/null 2>&1 && break; sleep 0.2; done
done
curl -s "http://127.0.0.1:$PORT/health/ready"; echo

say "6. Replay signed webhooks from test-fixtures/inbound/meta/"
RUN=$(date +%s | tail -c 8)   # fresh ids each run, so every demo run opens its own tickets
for f in ig-comment.json ig-comment-reply.json ig-dm.json ig-story-reply.json messenger-message.json \
         messenger-postback-referral.json messenger-referral.json fb-feed-comment-add.json ig-echo.json \
         messenger-read.json messenger-reaction.json mixed-batch-with-malformed.json ig-mention.json; do
  body="$DEMO/$f"
  sed -e "s/178900000000/1789${RUN}0/g; s/654123000000/6541${RUN}0/g; s/179100000000/1791${RUN}0/g" \
      -e "s/\"timestamp\": *[0-9]\{13\}/\"timestamp\": $(date +%s%3N)/g" \
      -e "s/17894227900000031/1789${RUN}31/g; s/17918195200000041/1791${RUN}41/g" \
      -e "s/\"mid\": *\"\([^\"]*\)\"/\"mid\": \"\1-${RUN}\"/g" "test-fixtures/inbound/meta/$f" > "$body"
  sig=$(openssl dgst -sha256 -hmac "$SECRET" -r < "$body" | cut -d' ' -f1)
  code=$(curl -s -o "$DEMO/resp" -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/webhooks/meta" \
         -H 'Content-Type: application/json' -H "X-Hub-Signature-256: sha256=$sig" --data-binary @"$body")
  printf '  %-36s -> HTTP %s %s\n' "$f" "$code" "$(cat "$DEMO/resp")"
done
printf '  %-36s -> HTTP %s\n' "(tampered signature)" "$(curl -s -o /dev/null -w '%{http_code}' -X POST \
  "http://127.0.0.1:$PORT/webhooks/meta" -H 'X-Hub-Signature-256: sha256=00' --data-binary @"$DEMO/ig-comment.json")"

say "6b. Replay signed WhatsApp webhooks from test-fixtures/inbound/whatsapp/ (on /webhooks/whatsapp and /webhooks/meta)"
post_whatsapp() {  # fixture path [keep-ids]   (event times set to now: replies are inside the 24 h window)
  body="$DEMO/wa-$1"
  now=$(date +%s)
  if [ "${3:-}" = keep-ids ]; then sed -e "s/16505551234/336${RUN}1/g; s/\"timestamp\": *\"[0-9]*\"/\"timestamp\": \"$now\"/g" \
      "test-fixtures/inbound/whatsapp/$1" > "$body"
  else sed -e "s/16505551234/336${RUN}1/g; s/US\.13491208655302741918/US.1349120${RUN}918/g; s/FR\.20482761183907112345/FR.2048276${RUN}345/g" \
      -e "s/\"timestamp\": *\"[0-9]*\"/\"timestamp\": \"$now\"/g" \
      -e "s/\"id\": *\"wamid\.\([^\"]*\)\"/\"id\": \"wamid.\1-${RUN}\"/g" "test-fixtures/inbound/whatsapp/$1" > "$body"; fi
  sig=$(openssl dgst -sha256 -hmac "$SECRET" -r < "$body" | cut -d' ' -f1)
  code=$(curl -s -o "$DEMO/resp" -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/webhooks/$2" \
         -H 'Content-Type: application/json' -H "X-Hub-Signature-256: sha256=$sig" --data-binary @"$body")
  printf '  %-36s -> HTTP %s %s\n' "$1 (/webhooks/$2)" "$code" "$(cat "$DEMO/resp")"
}
for f in text.json image.json location.json interactive-button-reply.json referral-ctwa.json \
         text-username-without-phone.json smb-message-echoes.json reaction.json; do post_whatsapp "$f" whatsapp; done
post_whatsapp order.json meta

say "6c. Replay Telegram updates from test-fixtures/inbound/telegram/ (secret token per bot)"
post_telegram() {  # fixture bot secret
  body="$DEMO/tg-$1"
  sed -e "s/\"update_id\": *\([0-9]*\)/\"update_id\": ${RUN}\1/; s/5512340001/55${RUN}01/g; s/5512340002/55${RUN}02/g" \
      "test-fixtures/inbound/telegram/$1" > "$body"
  code=$(curl -s -o "$DEMO/resp" -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/webhooks/telegram/$2" \
         -H 'Content-Type: application/json' -H "X-Telegram-Bot-Api-Secret-Token: $3" --data-binary @"$body")
  printf '  %-36s -> HTTP %s %s\n' "$1 (bot $2)" "$code" "$(cat "$DEMO/resp")"
}
for f in private-text.json private-photo-caption.json callback-query.json edited-message.json; do
  post_telegram "$f" shop "$TG_SECRET"
done
post_telegram group-mention.json helpdesk "$TG_HELPDESK_SECRET"
printf '  %-36s -> HTTP %s\n' "(wrong Telegram secret)" "$(curl -s -o /dev/null -w '%{http_code}' -X POST \
  "http://127.0.0.1:$PORT/webhooks/telegram/shop" -H 'X-Telegram-Bot-Api-Secret-Token: nope' --data-binary @"$DEMO/tg-private-text.json")"

say "7. Waiting for the pipeline to deliver"
for _ in $(seq 1 240); do
  stats=$(curl -s -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$PORT/admin/stats")
  echo "$stats" | grep -q '"PENDING":0,"DONE":[0-9]*,"IGNORED".*"outbox":{"PENDING":0' && break
  sleep 0.5
done
echo "  $stats"

say "7a. An agent answers in RT: the reply reaches the customer on the platform (10 replies, delay measured)"
# a privileged RT user other than the plugin's API user stands for the agent
perl test-fixtures/rt/rt-test-agent.pl demo-agent demo-agent-password >/dev/null
DM_TICKET=$(perl -MJSON::PP -e 'local $/; my $t = JSON::PP->new->decode(<STDIN>);
  for (@$t) { if ($_->{threadKey} =~ /^instagram:dm:/ && $_->{ticketId}) { print $_->{ticketId}; last } }' \
  < <(curl -s -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$PORT/admin/threads?limit=1000"))
: > "$DEMO/agent-delays.txt"
for i in $(seq 1 10); do
  marker="agent-reply-$RUN-$i"
  t0=$(date +%s%3N)
  curl -s -o /dev/null -u demo-agent:demo-agent-password -H 'Content-Type: application/json' -X POST \
    "$RT_REST2/ticket/$DM_TICKET/correspond" \
    --data "{\"Content\":\"Bonjour, c'est Camille du service client : votre colis part demain ($marker)\",\"ContentType\":\"text/plain\"}"
  t1=$(date +%s%3N)
  for _ in $(seq 1 200); do
    seen=$(curl -s -X POST "http://127.0.0.1:$GRAPH_PORT/__admin/requests/find" \
      --data "{\"method\":\"POST\",\"bodyPatterns\":[{\"contains\":\"$marker\"}]}" \
      | perl -MJSON::PP -e 'local $/; my $r = JSON::PP->new->decode(<STDIN>)->{requests}; print scalar(@$r) ? $r->[0]{loggedDate} : ""')
    [ -n "$seen" ] && break
    sleep 0.05
  done
  echo "$(( seen - t1 )) $(( t1 - t0 ))" >> "$DEMO/agent-delays.txt"
done
sort -n "$DEMO/agent-delays.txt" | awk '{ d[NR] = $1; rt += $2 } END {
  printf "  ticket #'"$DM_TICKET"': 10 agent replies; delay from RT accepting the reply to the Graph API call:"
  printf " median %d ms (min %d, max %d); RT took %d ms per reply\n", (d[5] + d[6]) / 2, d[1], d[NR], rt / NR }'
sleep 2
curl -s -H "Authorization: token $RT_TOKEN" "$RT_REST2/ticket/$DM_TICKET/attachments?fields=Content&per_page=100" \
  | perl -MJSON::PP -e 'local $/; my @c = grep { /Sent to the customer/ } map { $_->{Content} // "" }
      @{ JSON::PP->new->decode(<STDIN>)->{items} }; print "  on the ticket: $c[-1]\n" if @c'

say "7b. WhatsApp reports that our last reply failed (131047): the reason lands on the ticket"
post_whatsapp status-failed-131047.json whatsapp keep-ids
sleep 3

say "8. What landed in RT and what was sent to the platforms"
curl -s -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$PORT/admin/threads?limit=1000" > "$DEMO/threads.json"
curl -s "http://127.0.0.1:$GRAPH_PORT/__admin/requests" > "$DEMO/graph-requests.json"
curl -s "http://127.0.0.1:$WA_PORT/__admin/requests" > "$DEMO/whatsapp-requests.json"
curl -s "http://127.0.0.1:$TG_PORT/__admin/requests" > "$DEMO/telegram-requests.json"
RT_REST2=$RT_REST2 RT_TOKEN=$RT_TOKEN RUN=$RUN perl "$ROOT/scripts/demo-report.pl" "$DEMO/threads.json" \
  "Graph API=$DEMO/graph-requests.json" "WhatsApp Cloud API=$DEMO/whatsapp-requests.json" \
  "Telegram Bot API=$DEMO/telegram-requests.json"

if [ $KEEP = 1 ]; then
  echo; echo "Left running: plugin on http://127.0.0.1:$PORT (pid $(cat "$DEMO/serve.pid")), stand-ins on :$GRAPH_PORT :$WA_PORT :$TG_PORT"
  echo "RT UI: $RT_URL (root / password)"
else
  # shellcheck disable=SC2046
  kill "$(cat "$DEMO/serve.pid")" $(cat "$DEMO/wiremock.pid") 2>/dev/null || true
fi
