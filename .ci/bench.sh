#!/usr/bin/env bash
# Runs the benchmarks (docs/benchmarks.md):
#
#   .ci/bench.sh            the full run: release build; the API on SQLite and PostgreSQL
#                           (2,900 directions, 87,000 reports) beside the raw-SQL floor and
#                           PostGraphile, then the domain arithmetic (criterion). About
#                           20 minutes on two cores, most of it writing the data set.
#   .ci/bench.sh --smoke    the same harness on a small data set with short windows, in a
#                           debug build, for CI: under a minute once built.
#
# PostgreSQL comes from .ci/postgres.sh (NUKUMORI_BENCH_POSTGRES_URL, else
# NUKUMORI_TEST_POSTGRES_URL, else the server on 127.0.0.1:5432, else a throwaway
# cluster); the benchmark creates its own database there and drops it. The peer's Node
# packages are installed with `npm ci` from tests/peer/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=0
case "${1:-}" in
  --smoke) smoke=1 ;;
  "") ;;
  *) echo "usage: $0 [--smoke]" >&2; exit 2 ;;
esac

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/nukumori/target}"
export npm_config_cache="${npm_config_cache:-$HOME/.npm}"
export CARGO_TERM_COLOR=never

cluster_dir=${NUKUMORI_PG_DIR:-/tmp/nukumori-test-pg}
started_here=0
if [ -z "${NUKUMORI_BENCH_POSTGRES_URL:-}" ]; then
  [ -f "$cluster_dir/started-by-nukumori" ] || started_here=1
  NUKUMORI_BENCH_POSTGRES_URL=$(.ci/postgres.sh start)
  [ -f "$cluster_dir/started-by-nukumori" ] || started_here=0
  if [ "$started_here" = 1 ]; then trap '.ci/postgres.sh stop' EXIT; fi
fi
export NUKUMORI_BENCH_POSTGRES_URL

(cd tests/peer && npm ci --no-audit --no-fund --loglevel=error)
export NUKUMORI_BENCH_PEER=1

echo "load before the run: $(cat /proc/loadavg)" >&2
if [ "$smoke" = 1 ]; then
  # `cargo test` runs the harness without `--bench`, which it takes as the smoke run.
  NUKUMORI_BENCH_SMOKE=1 cargo test -p server --bench api
  cargo test -p domain --bench arithmetic
else
  cargo bench -p server --bench api
  cargo bench -p domain --bench arithmetic
fi
echo "load after the run: $(cat /proc/loadavg)" >&2
