#!/usr/bin/env bash
# Install everything the test suite needs on a fresh Debian machine, then run it.
# System packages: PostgreSQL (store tests run on both engines), Chromium and a
# Devanagari font (browser tests of the web UI). Python packages go into .venv.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v pg_ctlcluster >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql postgresql-contrib)
command -v chromium >/dev/null 2>&1 || need+=(chromium chromium-driver)
fc-list 2>/dev/null | grep -qi lohit || need+=(fonts-lohit-deva fontconfig)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e '.[test]'
.venv/bin/ruff check ghatna tests bench scripts
exec .venv/bin/pytest "$@"
