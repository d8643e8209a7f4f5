#!/usr/bin/env bash
# Coverage-guided fuzzing of the plan-file parser and the ownership CSV import with
# cargo-fuzz and libFuzzer, on the stable toolchain (see docs/fuzzing.md).
#
#   .ci/fuzz.sh [SECONDS] [TARGET…]     (SECONDS per target, default 60; CI smoke: 20)
#
# Targets: plan_file, ownership_csv (default: both). `-s none` builds without a sanitizer,
# which needs no -Z flag, so stable rustc accepts every flag cargo-fuzz passes. cargo-fuzz
# is installed into ~/.cache/nukumori/tools when missing, pinned. The fuzz crate
# (tests/fuzz) is a workspace of its own with its own target directory, so the main
# build never compiles libfuzzer. The corpus grows in ~/.cache/nukumori/fuzz-corpus; the
# committed seeds in tests/fuzz/corpus are only read. A crash is written to
# tests/fuzz/artifacts/TARGET/ and fails the run.
set -euo pipefail
seconds="${1:-60}"
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(plan_file ownership_csv)
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="$HOME/.cache/nukumori"
tools="${NUKUMORI_TOOLS_DIR:-$cache/tools}"
target_dir="${NUKUMORI_FUZZ_TARGET_DIR:-$cache/fuzz-target}"
corpus="${NUKUMORI_FUZZ_CORPUS_DIR:-$cache/fuzz-corpus}"
export PATH="$tools/bin:$HOME/.cargo/bin:$PATH"

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "==> installing cargo-fuzz into $tools"
  CARGO_TARGET_DIR="$tools/target" cargo install --quiet --locked --root "$tools" cargo-fuzz@0.13.2
fi

cd "$root"
status=0
summary=()
for target in "${targets[@]}"; do
  mkdir -p "$corpus/$target"
  log="$(mktemp)"
  echo "==> fuzzing $target for ${seconds}s"
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: a runaway allocation.
  set +e
  cargo fuzz run --fuzz-dir tests/fuzz --sanitizer none --target-dir "$target_dir" \
    "$target" "$corpus/$target" "tests/fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -dict="tests/fuzz/dict/$target.dict" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 2>&1 | tee "$log" |
    grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|Done |stat::|==[0-9]+==|thread |SUMMARY|Failing input|Reproduce)'
  rc="${PIPESTATUS[0]}"
  set -e
  if [[ "$rc" -ne 0 ]] || ! grep -q '^Done ' "$log"; then
    echo "fuzz target $target failed (exit $rc); the end of its output:" && tail -n 60 "$log"
    status=1
  fi
  done_line="$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1 || true)"
  rate="$(grep -E '^stat::average_exec_per_sec' "$log" | awk '{print $2}' || true)"
  summary+=("$target: ${done_line:-no DONE line} exec/s ${rate:-?}")
  rm -f "$log"
done
echo "==> fuzzing summary (${seconds}s per target)"
printf '  %s\n' "${summary[@]}"
exit $status
