#!/usr/bin/env bash
# The scale-out drill (docs/deployment.md): two `nukumori serve` instances on one
# PostgreSQL database and one S3 bucket, behind haproxy's round robin on one port, and
# checked through the balancer only.
#
#   .ci/scale-out.sh BINARY        e.g. .ci/scale-out.sh "$CARGO_TARGET_DIR/debug/nukumori"
#
# 1. a fresh database; an S3-compatible server (moto) with a bucket; the two instances
#    started at the same moment with the same database, JWT secret and bucket, the demo
#    asked of both: it must be loaded once, and neither may fail on the other's migrations;
# 2. sessions: a sign-in on one instance works on the other; the refresh cookie rotates
#    across instances; a used refresh token presented to the other instance ends the
#    sign-in;
# 3. files: uploaded through one instance, downloaded through the other, stored in the
#    bucket (and in neither data directory);
# 4. reminders: a period due in 7 days, then both instances restarted at the same moment
#    (both sweep reminders and both run the mail worker, each writing mail into its own
#    data directory): every reminder is queued once and delivered once; a refresh cookie
#    from before the restart still works;
# 5. the load test (tests/api/load, `load::a_day_through_running_servers`) through the
#    balancer: 20 writers, 4 reviewers, 2 committee members for 30 s (NUKUMORI_LOAD_*
#    change it), no error, no lost update, every file in the bucket, audit chain intact;
#    then every mail of the day delivered exactly once, and `nukumori audit verify`.
#
# Needs PostgreSQL (.ci/postgres.sh finds or starts one), haproxy (installed with apt if
# missing), moto (pip, into a virtualenv under ~/.cache/nukumori) and cargo (to build and
# run the load test). NUKUMORI_SCALE_OUT_KEEP=1 keeps the database and the work directory.
set -euo pipefail

binary="$(realpath "${1:?usage: .ci/scale-out.sh BINARY}")"
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
checks="$here/scale-out/checks.py"
venv="${NUKUMORI_MOTO_VENV:-$HOME/.cache/nukumori/moto-venv}"
work="$(mktemp -d /tmp/nukumori-scale-out.XXXXXX)"
started_at=$SECONDS
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
say() { echo "scale-out: $*"; }
fail() {
  echo "scale-out: FAILED: $*"
  exit 1
}

# ---------------------------------------------------------------------------------------
# Tools

export PATH="$PATH:/usr/sbin:$HOME/.cargo/bin"
if ! command -v haproxy >/dev/null; then
  say "installing haproxy with apt"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
fi
if [[ ! -x "$venv/bin/moto_server" ]]; then
  say "installing moto (an S3-compatible server) into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'moto[server]==5.2.5'
fi
admin_url="$("$here/postgres.sh" start)"
if ! command -v psql >/dev/null; then
  say "installing the PostgreSQL client with apt"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null
fi
command -v cargo >/dev/null || fail "cargo is needed to run the load test"
say "building the load test"
(cd "$repo" && cargo test --quiet --test api --no-run 2>&1 | tail -n 3)

# ---------------------------------------------------------------------------------------
# The installation

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
s3_port=$(free_port)
export NK_LB_PORT=$(free_port) NK_STATS_PORT=$(free_port) NK_APP1_PORT=$(free_port) NK_APP2_PORT=$(free_port)
lb="http://127.0.0.1:$NK_LB_PORT"
database="nukumori_scale_out_$(date +%s)_$$"
database_url="$(python3 -c 'import sys, urllib.parse as u; p=u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/"+sys.argv[2])))' "$admin_url" "$database")"
bucket=nukumori-drill
prefix=evidence
files_url="s3://$bucket/$prefix"
secret="$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')"
export AWS_ENDPOINT="http://127.0.0.1:$s3_port" AWS_ALLOW_HTTP=true AWS_REGION=us-east-1
export AWS_ACCESS_KEY_ID=scale-out AWS_SECRET_ACCESS_KEY=scale-out-drill-secret
psql_db() { psql "$database_url" -qAt -v ON_ERROR_STOP=1 -c "$1"; }

pids=()
cleanup() {
  status=$?
  for pid in "${pids[@]}" $(cat "$work"/app*.pid 2>/dev/null); do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  if [[ "${NUKUMORI_SCALE_OUT_KEEP:-}" == 1 ]]; then
    say "kept the database $database_url and $work"
  else
    psql "$admin_url" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
    if [[ $status == 0 ]]; then rm -rf "$work"; else say "logs are in $work"; fi
  fi
  exit $status
}
trap cleanup EXIT

psql "$admin_url" -qc "CREATE DATABASE $database" >/dev/null
say "database $database on $(python3 -c 'import sys, urllib.parse as u; print(u.urlsplit(sys.argv[1]).netloc)' "$admin_url")"

"$venv/bin/moto_server" -H 127.0.0.1 -p "$s3_port" >"$work/moto.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  curl -fs -o /dev/null "$AWS_ENDPOINT/" && break
  sleep 0.2
done
curl -fs -o /dev/null -X PUT "$AWS_ENDPOINT/$bucket" || fail "cannot create the bucket"
say "S3-compatible server (moto) on $AWS_ENDPOINT, bucket $bucket, files under $files_url"

start_instance() { # N
  local n=$1 port_var="NK_APP$1_PORT"
  DATABASE_URL="$database_url" NUKUMORI_JWT_SECRET="$secret" NUKUMORI_FILES_URL="$files_url" \
    NUKUMORI_DEMO=true NUKUMORI_DEMO_PASSWORD=kasumigaura-lotus-2041 \
    NUKUMORI_PUBLIC_URL="$lb" NUKUMORI_TRUSTED_PROXIES=127.0.0.1 \
    NUKUMORI_LOG=info,sqlx=warn,sea_orm=warn,sea_orm_migration=warn NUKUMORI_LOG_FORMAT=json LANG=en_US.UTF-8 \
    HOSTNAME="app$n" \
    "$binary" serve --bind "127.0.0.1:${!port_var}" --data-dir "$work/app$n" --web-dir "$work/no-web-app" \
    >>"$work/app$n.log" 2>&1 &
  echo $! >"$work/app$n.pid"
}
wait_ready() { # N
  local port_var="NK_APP$1_PORT"
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null "http://127.0.0.1:${!port_var}/readyz" && return 0
    kill -0 "$(cat "$work/app$1.pid")" 2>/dev/null || fail "instance app$1 exited: $(tail -n 5 "$work/app$1.log")"
    sleep 0.2
  done
  fail "instance app$1 never became ready"
}
log_count() { # PATTERN → matching lines in both instances' logs
  cat "$work/app1.log" "$work/app2.log" | grep -c -- "$1" || true
}

both_started=$SECONDS
start_instance 1
start_instance 2
wait_ready 1
wait_ready 2
say "both instances ready $((SECONDS - both_started)) s after starting together"
[[ $(log_count '"demo data loaded') == 1 ]] || fail "the demo plan was loaded $(log_count '"demo data loaded') times"
[[ $(log_count '"demo accounts created') == 1 ]] || fail "the demo accounts were created more than once"
[[ $(log_count '"demo history loaded') == 1 ]] || fail "the demo history was loaded more than once"
loader=$(grep -l '"demo data loaded' "$work"/app1.log "$work"/app2.log | xargs -n1 basename | sed 's/.log//')
waiter=$(grep -l 'waited for it' "$work"/app1.log "$work"/app2.log | xargs -r -n1 basename | sed 's/.log//')
say "the demo was loaded once, by $loader; ${waiter:-no instance} waited for the start-up lock meanwhile"

haproxy -db -f "$here/scale-out/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
pids+=($!)
servers_up() {
  curl -fs "http://127.0.0.1:$NK_STATS_PORT/stats;csv" |
    awk -F, '$1 == "instances" && ($2 == "app1" || $2 == "app2") && $18 == "UP"' | wc -l
}
for _ in $(seq 1 100); do
  [[ $(servers_up) == 2 ]] && break
  sleep 0.2
done
[[ $(servers_up) == 2 ]] || fail "haproxy does not see both instances up"
say "haproxy round robin on $lb over app1 (:$NK_APP1_PORT) and app2 (:$NK_APP2_PORT)"

# ---------------------------------------------------------------------------------------
# Sessions and files, through the balancer

python3 "$checks" sessions "$lb" "$work/session.json"
python3 "$checks" files "$lb" "$AWS_ENDPOINT" "$bucket" "$prefix"
local_files=$(find "$work/app1" "$work/app2" -path '*/files/*' -type f | wc -l)
[[ $local_files == 0 ]] || fail "$local_files files were written to an instance's data directory"
say "neither data directory holds a file"

# ---------------------------------------------------------------------------------------
# Reminders: both instances sweep at start-up and both send mail

drain() { # wait until the outbox has nothing left to send
  for _ in $(seq 1 600); do
    [[ $(psql_db "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL") == 0 ]] && return 0
    sleep 0.5
  done
  fail "mail still pending: $(psql_db "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL") rows"
}
check_mail() {
  psql_db "SELECT id FROM outbox WHERE sent_at IS NOT NULL" >"$work/sent.txt"
  psql_db "SELECT id FROM outbox WHERE dedupe_key LIKE 'due:7:%'" >"$work/reminders.txt"
  python3 "$checks" mail "$work/sent.txt" "$work/reminders.txt" "$work/app1/mail" "$work/app2/mail"
}

python3 "$checks" open-period "$lb"
drain
before=$(psql_db "SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE 'due:7:%'")
[[ $before == 0 ]] || fail "reminders were queued before the restart"
kill -TERM "$(cat "$work/app1.pid")" "$(cat "$work/app2.pid")"
wait "$(cat "$work/app1.pid")" "$(cat "$work/app2.pid")" 2>/dev/null || true
restarted=$SECONDS
start_instance 1
start_instance 2
wait_ready 1
wait_ready 2
for _ in $(seq 1 100); do
  [[ $(servers_up) == 2 ]] && break
  sleep 0.2
done
say "both instances stopped (SIGTERM) and restarted together in $((SECONDS - restarted)) s"
drain
reminders=$(psql_db "SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE 'due:7:%'")
[[ $reminders -gt 0 ]] || fail "no reminder was queued"
queued_by() { # N → reminders instance N logged as queued since its restart
  sed -n '/"reminders queued"/p' "$work/app$1.log" | python3 -c '
import json, sys
print(sum(json.loads(line)["fields"]["queued"] for line in sys.stdin))'
}
[[ $(log_count 'cannot queue reminders') == 0 ]] || fail "a reminder sweep failed: $(grep -h 'cannot queue reminders' "$work"/app*.log)"
[[ $(log_count '"mail worker started"') == 4 ]] || fail "the mail workers did not start (twice each)"
queued1=$(queued_by 1)
queued2=$(queued_by 2)
[[ $((queued1 + queued2)) == "$reminders" ]] ||
  fail "the instances logged $queued1 + $queued2 reminders queued, the outbox holds $reminders"
say "both instances swept at start-up (app1 queued $queued1, app2 $queued2): $reminders reminders, each queued once"
check_mail
python3 "$checks" after-restart "$lb" "$work/session.json"

# ---------------------------------------------------------------------------------------
# The load test through the balancer

export NUKUMORI_LOAD_SECONDS="${NUKUMORI_LOAD_SECONDS:-30}"
say "the load test through $lb (${NUKUMORI_LOAD_WRITERS:-20} writers, ${NUKUMORI_LOAD_SECONDS} s)"
if ! (cd "$repo" && NUKUMORI_LOAD_URL="$lb" NUKUMORI_LOAD_DATABASE_URL="$database_url" \
  NUKUMORI_LOAD_FILES_URL="$files_url" NUKUMORI_LOAD_INSTANCES=2 \
  cargo test --quiet --test api load::a_day_through_running_servers -- --ignored --exact --nocapture) \
  2>&1 | tee "$work/load.log"; then
  fail "the load test failed"
fi
drain
check_mail
[[ $(log_count 'cannot deliver mail') == 0 ]] || fail "mail delivery failed: $(grep -h 'cannot deliver mail' "$work"/app*.log | head -n 3)"
audit="$(DATABASE_URL="$database_url" LANG=en_US.UTF-8 NUKUMORI_LOG=warn "$binary" audit verify --data-dir "$work/cli" 2>&1)" ||
  fail "nukumori audit verify: $audit"
say "nukumori audit verify: $audit"

# ---------------------------------------------------------------------------------------
# Figures

served=$(python3 "$checks" served "http://127.0.0.1:$NK_STATS_PORT/stats;csv")
echo
echo "=== scale-out drill: two instances behind haproxy, PostgreSQL, S3 (moto) ==="
echo "binary: $binary ($("$binary" --version)); $(haproxy -v | head -n 1 | cut -d' ' -f1-3);" \
  "moto $("$venv/bin/pip" show moto 2>/dev/null | sed -n 's/^Version: //p');" \
  "$(psql_db 'SHOW server_version' | cut -d' ' -f1 | sed 's/^/PostgreSQL /')"
echo "machine: $(nproc) cores; load average at the start ${load_at_start}, now $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E '^run: ' "$work/load.log" || true
grep -E '^\| \*\*all\*\*' "$work/load.log" | tail -n 1 || true
grep -E '^\| (saveReport|uploadEvidence) ' "$work/load.log" || true
grep -E '^answers per instance' "$work/load.log" || true
grep -E '^ledger: |^checked: ' "$work/load.log" || true
echo "requests each instance served (haproxy, whole drill): $served"
echo "mail: $(psql_db "SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL") outbox rows, each delivered once; $reminders reminders"
echo "audit: $audit"
echo "drill time: $((SECONDS - started_at)) s"
say "passed"
