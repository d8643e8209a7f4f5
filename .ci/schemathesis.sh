#!/usr/bin/env bash
# Property-based fuzzing of the GraphQL API with schemathesis, as every role and as the
# public: no answer may be a server failure or show internals (see hooks.py).
#
#   .ci/schemathesis.sh BINARY [EXAMPLES]     (CI: 5 examples per operation; long run: 200, about 38 minutes)
#
# schemathesis is installed into a virtualenv under ~/.cache/nukumori, pinned.
set -euo pipefail
binary="$1"
examples="${2:-5}"
here="$(cd "$(dirname "$0")" && pwd)"
venv="${NUKUMORI_VENV:-$HOME/.cache/nukumori/venv}"
password="schemathesis-lotus-2041"

if [[ ! -x "$venv/bin/schemathesis" ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'schemathesis==4.32.5'
fi

data="$(mktemp -d)"
cd "$data"  # schemathesis keeps its state in the working directory
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port/graphql"
NUKUMORI_DEMO_PASSWORD="$password" NUKUMORI_LOG=warn "$binary" serve --demo --no-mail-worker \
  --bind "127.0.0.1:$port" --data-dir "$data" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.2
done

# Keep each sign-in's refresh token and exchange it for a fresh access
# token (15-minute lifetime) just before that role's run.
session() {
  python3 -c 'import sys, json; d=json.load(sys.stdin)["data"]; s=d[next(iter(d))]; print(s["accessToken"], s["refreshToken"])'
}
gql() {
  curl -s "$url" -H 'content-type: application/json' -d "$1"
}
declare -A tokens refresh
for who in office welfare welfare-chief council committee admin; do
  read -r tokens[$who] refresh[$who] < <(gql "{\"query\":\"mutation { login(email: \\\"$who@omitama.example\\\", password: \\\"$password\\\") { accessToken refreshToken } }\"}" | session) || true
done

status=0
# The account managers go last: their runs may deactivate or change other accounts.
for who in public welfare welfare-chief council committee office admin; do
  headers=(-H "X-Requested-With: schemathesis")
  if [[ "$who" != public ]]; then
    read -r tokens[$who] refresh[$who] < <(gql "{\"query\":\"mutation { refreshSession(refreshToken: \\\"${refresh[$who]}\\\") { accessToken refreshToken } }\"}" | session) || true
    echo "token check as $who: HTTP $(curl -s -o /dev/null -w '%{http_code}' "$url" -H 'content-type: application/json' -H "Authorization: Bearer ${tokens[$who]}" -d '{"query":"{ me { email } }"}') at $(date +%T)"
    # Signing out or changing one's password would end the session the rest of the run
    # needs; both are tested as the public, and in tests/api.
    headers+=(-H "Authorization: Bearer ${tokens[$who]}" --exclude-name-regex '(logout|changePassword)')
  fi
  echo "==> schemathesis as $who ($examples examples per operation)"
  if ! SCHEMATHESIS_HOOKS=hooks PYTHONPATH="$here/schemathesis" "$venv/bin/schemathesis" run \
    "$here/../schema.graphql" --url "$url" "${headers[@]}" \
    --max-examples "$examples" --checks no_internal_failure --no-color 2>&1 | tail -n 40; then
    status=1
  fi
  [[ "$who" == public ]] || echo "token check after $who: HTTP $(curl -s -o /dev/null -w '%{http_code}' "$url" -H 'content-type: application/json' -H "Authorization: Bearer ${tokens[$who]}" -d '{"query":"{ me { email } }"}') at $(date +%T)"
done
if grep -q "panicked" "$data/server.log"; then
  echo "the server panicked:" && grep -A5 panicked "$data/server.log"
  status=1
fi
exit $status
