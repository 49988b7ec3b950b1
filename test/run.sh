#!/usr/bin/env bash
# `npm test`: typecheck (`tsc -b`: each part against its own libraries), lint, build the apps and the
# Electron bundles, then every test (unit, integration, browser).
# Browser tests need Chromium: CHROMIUM_PATH, else /usr/bin/chromium; on Debian as root it is installed
# from Debian's `chromium` package when missing, as is `strace` for the interrupted-restore tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${CHROMIUM_PATH:-}" ]; then
  if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium package for the browser tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  export CHROMIUM_PATH=/usr/bin/chromium
fi
if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "Chromium not found at $CHROMIUM_PATH: install it or set CHROMIUM_PATH." >&2
  exit 1
fi

# The interrupted-restore tests kill the restore at chosen steps with strace (Debian's `strace` package).
if ! command -v strace >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's strace package for the interrupted-restore tests…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq strace >/dev/null
fi

# One solution build: each part against its own libraries (pure shared/: neither DOM nor Node; apps: DOM; hub: Node).
npm run --silent typecheck
npx eslint --max-warnings 0 .
npx tsx hub/dev/buildApps.ts --force
npx tsx electron/build.ts
npx vitest run --config test/vitest.config.ts "$@"
