#!/usr/bin/env bash
# Makes Debian's Chromium and a Japanese font available for the end-to-end tests and
# prints the browser's path. Never downloads a browser build of its own.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
  echo "chromium.sh: installing chromium and fonts-noto-cjk with apt" >&2
  export DEBIAN_FRONTEND=noninteractive
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq >&2
  $SUDO apt-get install -y -qq chromium fonts-noto-cjk >&2
fi
command -v chromium
