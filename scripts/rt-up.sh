#!/usr/bin/env bash
# rt-up.sh -- bring up a throwaway Request Tracker 5 (Debian package
# request-tracker5) on 127.0.0.1 with a SQLite database under /tmp, using the
# standalone Plack/Starlet server (rt-server). Idempotent:
#   * installs request-tracker5 + rt5-db-sqlite + rt5-standalone if missing
#   * (re)writes the instance config, initialises the DB only if it is missing
#   * starts the server unless it is already running with the same config
#   * waits until REST2 answers, creates an auth token for root (once)
#   * prints base URL, credentials, token, PID file, and an env file to source
#
# Must run as root on Debian 12 (bookworm) or later. No docker, loopback only.
#
# Knobs (environment variables):
#   RT_BASE_DIR      instance directory (default /tmp/rt5-test) -- DB, logs, pid, token
#   RT_PORT          TCP port on 127.0.0.1 (default 8089)
#   RT_ROOT_PASSWORD password for RT user "root" on a fresh DB (default "password")
#   RT_BCRYPT_COST   bcrypt cost for passwords/tokens (default 4; RT's default is 12,
#                    which adds ~0.22 s to EVERY basic-auth or token-auth request)
#   RT_WORKERS       Starlet worker processes (default 4)
#   RT_DISABLE_NOTIFICATIONS=1  disable RT's e-mail notification/autoreply scrips
#                    (ticket create drops from ~0.38 s to ~0.11 s; no outgoing mail)
#   RT_FRESH=1       stop the server and wipe the database first
#
# Afterwards:  . "$RT_BASE_DIR/env.sh"   (exports RT_URL, RT_REST2, RT_TOKEN, RT_SITE_CONFIG, ...)
# Adapted from the team's verified research script (shared/research/rt-scripts/rt-up.sh):
# notifications off by default (tests and demo never mail anyone), no RT-side SLA config
# (Social Bridge computes due dates itself from the descriptor's SLA targets).
set -euo pipefail

RT_BASE_DIR=${RT_BASE_DIR:-/tmp/rt5-test}
RT_PORT=${RT_PORT:-8089}
RT_HOST=127.0.0.1
RT_ROOT_PASSWORD=${RT_ROOT_PASSWORD:-password}
RT_BCRYPT_COST=${RT_BCRYPT_COST:-4}
RT_WORKERS=${RT_WORKERS:-4}
RT_DISABLE_NOTIFICATIONS=${RT_DISABLE_NOTIFICATIONS:-1}
RT_FRESH=${RT_FRESH:-0}

RT_LIB=/usr/share/request-tracker5/lib
RT_SERVER=/usr/share/request-tracker5/libexec/rt-server
CONF=$RT_BASE_DIR/RT_SiteConfig.pm
SITE_D=$RT_BASE_DIR/site.d          # deliberately EMPTY: see note in the config below
DB=$RT_BASE_DIR/rt5.db
PIDFILE=$RT_BASE_DIR/rt-server.pid
TOKENFILE=$RT_BASE_DIR/root.token
URL=http://$RT_HOST:$RT_PORT
REST2=$URL/REST/2.0

log() { printf '[rt-host-up] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now_ms() { date +%s%3N; }
[ "$(id -u)" = 0 ] || die "run as root"

# RT reads these two variables in RT::Config::LoadConfig. RT_SITE_CONFIG_DIR
# MUST point at an empty dir, otherwise Debian's /etc/request-tracker5/RT_SiteConfig.d/*.pm
# (dbconfig-common DB settings) are loaded AFTER our file and override DatabaseName.
export RT_SITE_CONFIG=$CONF RT_SITE_CONFIG_DIR=$SITE_D

# ---------------------------------------------------------------- 1. install
pkgs_missing() {
  local p
  for p in request-tracker5 rt5-db-sqlite rt5-standalone curl; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
  done
}
missing=$(pkgs_missing | tr '\n' ' ')
if [ -n "${missing// /}" ]; then
  log "installing: $missing"
  t0=$(now_ms)
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-cache policy request-tracker5 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    apt-get -o DPkg::Lock::Timeout=600 update
  fi
  # shellcheck disable=SC2086
  apt-get -o DPkg::Lock::Timeout=600 install -y $missing
  log "install took $(( ($(now_ms) - t0) / 1000 )) s"
fi
[ -x "$RT_SERVER" ] || die "$RT_SERVER missing (is rt5-standalone installed?)"

# ---------------------------------------------------------------- helpers
server_pid() {   # prints pid if our rt-server is alive
  [ -f "$PIDFILE" ] || return 1
  local pid; pid=$(cat "$PIDFILE" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q 'rt-server' || return 1
  echo "$pid"
}
stop_server() {
  local pid i
  pid=$(server_pid) || { rm -f "$PIDFILE"; return 0; }
  log "stopping rt-server (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$PIDFILE"
}
http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@" || true; }
rt_perl() { perl -I"$RT_LIB" -MRT -e 'RT::LoadConfig(); RT::Init(); '"$1" "${@:2}"; }

# ---------------------------------------------------------------- 2. config
[ "$RT_FRESH" = 1 ] && { stop_server; rm -f "$DB" "$TOKENFILE"; rm -rf "$RT_BASE_DIR/mason_data" "$RT_BASE_DIR/session_data"; }
mkdir -p "$RT_BASE_DIR" "$SITE_D" "$RT_BASE_DIR/var" "$RT_BASE_DIR/mason_data" "$RT_BASE_DIR/session_data"
chmod 700 "$RT_BASE_DIR"
find "$SITE_D" -mindepth 1 -maxdepth 1 -name '*.pm' | grep -q . && die "$SITE_D must stay empty (RT loads it twice)"

newconf=$(mktemp)
cat > "$newconf" <<EOF
# Generated by rt-up.sh -- throwaway RT 5 for integration tests. Do not edit; re-run the script.
# Loaded via RT_SITE_CONFIG=$CONF and RT_SITE_CONFIG_DIR=$SITE_D (empty).
Set(\$rtname, 'social-test');
Set(\$Organization, 'social.test');
Set(\$Timezone, 'UTC');
Set(\$BcryptCost, $RT_BCRYPT_COST);

# web (standalone server is started with --host $RT_HOST --port $RT_PORT)
Set(\$WebDomain, '$RT_HOST');
Set(\$WebPort, $RT_PORT);
Set(\$WebPath, '');
Set(\$CanonicalizeRedirectURLs, 0);

# database: SQLite file (DatabaseName is the file path)
Set(\$DatabaseType, 'SQLite');
Set(\$DatabaseName, '$DB');
Set(\$DatabaseHost, '');
Set(\$DatabaseUser, '');
Set(\$DatabasePassword, '');

# keep every writable path of this instance under $RT_BASE_DIR
# (config files are evaluated in package RT, after RT::Generated set the Debian defaults)
\$RT::VarPath         = '$RT_BASE_DIR/var';
\$RT::MasonDataDir    = '$RT_BASE_DIR/mason_data';
\$RT::MasonSessionDir = '$RT_BASE_DIR/session_data';

# logging
Set(\$LogToSyslog, undef);
Set(\$LogToSTDERR, 'warning');
Set(\$LogDir, '$RT_BASE_DIR');
Set(\$LogToFile, 'info');
Set(\$LogToFileNamed, 'rt.log');

# outgoing mail never reaches an MTA: appended to $RT_BASE_DIR/var/<timestamp>.mbox
Set(\$CorrespondAddress, 'support@social.test');
Set(\$CommentAddress, 'support-comment@social.test');
Set(\$MailCommand, 'mbox');

1;
EOF
conf_changed=0
if ! cmp -s "$newconf" "$CONF"; then mv "$newconf" "$CONF"; conf_changed=1; else rm -f "$newconf"; fi
chmod 600 "$CONF"

# ---------------------------------------------------------------- 3. database
if [ ! -s "$DB" ]; then
  stop_server
  rm -rf "$RT_BASE_DIR/mason_data"/* "$RT_BASE_DIR/session_data"/* "$TOKENFILE"
  pwfile=$(mktemp); printf '%s' "$RT_ROOT_PASSWORD" > "$pwfile"
  log "initialising SQLite DB $DB"
  t0=$(now_ms)
  rt-setup-database --action init --skip-create --root-password-file "$pwfile" > "$RT_BASE_DIR/setup-database.log" 2>&1 \
    || { rm -f "$pwfile"; cat "$RT_BASE_DIR/setup-database.log" >&2; die "rt-setup-database failed"; }
  rm -f "$pwfile"
  log "DB init took $(( $(now_ms) - t0 )) ms"
fi

# notification scrips on/off (idempotent, takes effect without restart)
want_disabled=0; [ "$RT_DISABLE_NOTIFICATIONS" = 1 ] && want_disabled=1
rt_perl '
  my $want = shift;
  my $s = RT::Scrips->new(RT->SystemUser); $s->FindAllRows; $s->UnLimit;
  while (my $x = $s->Next) {
    next unless $x->ActionObj->ExecModule =~ /^(Notify|NotifyAsComment|Autoreply|SendForward)$/;
    $x->SetDisabled($want) if $x->Disabled != $want;
  }' "$want_disabled"

# ---------------------------------------------------------------- 4. server
if pid=$(server_pid) && [ "$conf_changed" = 0 ] && [ "$(http_code "$REST2/rt")" = 401 ]; then
  log "rt-server already running (pid $pid)"
else
  stop_server
  if [ "$(http_code "$URL/")" != 000 ]; then die "something else is listening on $RT_HOST:$RT_PORT"; fi
  log "starting rt-server on $URL"
  t0=$(now_ms)
  nohup setsid "$RT_SERVER" --host "$RT_HOST" --port "$RT_PORT" --max-workers "$RT_WORKERS" \
      > "$RT_BASE_DIR/server.log" 2>&1 < /dev/null &
  echo $! > "$PIDFILE"
  ready=0
  for i in $(seq 1 1200); do                   # up to 120 s
    if [ "$(http_code "$REST2/rt")" = 401 ]; then ready=1; break; fi
    kill -0 "$(cat "$PIDFILE")" 2>/dev/null || break
    sleep 0.1
  done
  if [ "$ready" != 1 ]; then tail -30 "$RT_BASE_DIR/server.log" >&2; die "rt-server did not become ready"; fi
  log "server ready after $(( $(now_ms) - t0 )) ms"
fi

code=$(http_code -u "root:$RT_ROOT_PASSWORD" "$REST2/rt")
[ "$code" = 200 ] || die "basic auth as root failed (HTTP $code) -- wrong RT_ROOT_PASSWORD for an existing DB? use RT_FRESH=1"

# ---------------------------------------------------------------- 5. auth token for root
if [ ! -s "$TOKENFILE" ] || [ "$(http_code -H "Authorization: token $(cat "$TOKENFILE")" "$REST2/rt")" != 200 ]; then
  rt_perl '
    my $u = RT::User->new(RT->SystemUser); $u->Load("root") or die "no root user\n";
    my $t = RT::AuthToken->new(RT->SystemUser);
    my ($id, $msg, $auth) = $t->Create(Owner => $u->Id, Description => "rt-up.sh integration tests");
    die "token create failed: $msg\n" unless $id;
    print "$auth\n";' > "$TOKENFILE"
  chmod 600 "$TOKENFILE"
  [ "$(http_code -H "Authorization: token $(cat "$TOKENFILE")" "$REST2/rt")" = 200 ] || die "new token rejected"
fi
TOKEN=$(cat "$TOKENFILE")

cat > "$RT_BASE_DIR/env.sh" <<EOF
export RT_URL='$URL'
export RT_REST2='$REST2'
export RT_USER='root'
export RT_PASSWORD='$RT_ROOT_PASSWORD'
export RT_TOKEN='$TOKEN'
export RT_PIDFILE='$PIDFILE'
export RT_SITE_CONFIG='$CONF'
export RT_SITE_CONFIG_DIR='$SITE_D'
EOF

cat <<EOF
RT 5 is up.
  Web UI      : $URL/            (user root / password $RT_ROOT_PASSWORD)
  REST2 base  : $REST2
  Basic auth  : curl -u 'root:$RT_ROOT_PASSWORD' $REST2/rt
  Token auth  : curl -H 'Authorization: token $TOKEN' $REST2/rt
  PID file    : $PIDFILE   (pid $(cat "$PIDFILE"))
  Logs        : $RT_BASE_DIR/rt.log  $RT_BASE_DIR/server.log
  Outgoing mail: $RT_BASE_DIR/var/*.mbox
  Env for tests/perl tools: . $RT_BASE_DIR/env.sh
EOF
