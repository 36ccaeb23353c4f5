#!/usr/bin/env bash
# System packages the tests need: PostgreSQL (store tests) and Chromium (browser tests).
# Idempotent and quiet: installs only what is missing, so a warm machine costs nothing.
set -euo pipefail

missing=()
# The server binaries live under /usr/lib/postgresql/<version>/bin, not on PATH.
if ! command -v psql >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  missing+=(postgresql)
fi
if [ ! -x /usr/bin/chromium ]; then
  missing+=(chromium)
fi

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts a default cluster on install; the tests use their own throwaway one.
fi
