#!/usr/bin/env bash
# Prepares what the Windows suite (`npm run test:windows`) runs on a Debian machine: Debian's
# wine, the Windows Node.js from the npm registry (scripts/runtimes.mjs, runtime windows-20) and
# a wine prefix in .tools/wineprefix (headless, Windows 10, no Mono/Gecko, no menu entries).
#
# It never fails the caller: when something cannot be prepared (not root and wine is missing, no
# apt-get, no network), it says why on stderr and exits 0, and the suite then reports itself
# skipped with the reason. Run it as the user who runs the tests (a prefix belongs to its user);
# as root it also installs the packages. Nothing of wine is left running when it returns.
set -uo pipefail
cd "$(dirname "$0")/.."

export WINEPREFIX="${WINEPREFIX:-$PWD/.tools/wineprefix}"
export WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree=;mshtml=;winemenubuilder.exe=d"
unset DISPLAY WAYLAND_DISPLAY

skip() {
  echo "wine-tools: $*; the Windows suite will be skipped." >&2
  exit 0
}

if ! command -v wine >/dev/null 2>&1 || ! command -v wineserver >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing wine (Debian packages wine, wine64)"
    apt-get update -qq || skip "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wine wine64 >/dev/null ||
      skip "apt-get install wine wine64 failed"
  else
    skip "wine is not installed and this is not root with apt-get (install the Debian packages wine and wine64)"
  fi
fi
command -v wineserver >/dev/null 2>&1 || skip "wine is installed but wineserver is not on PATH"

node scripts/runtimes.mjs install windows-20 || skip "could not install the Windows Node.js (node scripts/runtimes.mjs install windows-20)"

if [ -d "$WINEPREFIX" ] && [ "$(stat -c %u "$WINEPREFIX")" != "$(id -u)" ]; then
  skip "the wine prefix $WINEPREFIX belongs to another user; remove it or run this as its owner"
fi
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  echo "Creating the wine prefix $WINEPREFIX"
  mkdir -p "$(dirname "$WINEPREFIX")"
  wineboot --init </dev/null >/dev/null 2>&1 || { wineserver -k 2>/dev/null; skip "wineboot --init failed"; }
  # A new prefix says Windows 7, where Node.js 20 refuses to start (exit 216).
  wine winecfg /v win10 </dev/null >/dev/null 2>&1 || { wineserver -k 2>/dev/null; skip "winecfg /v win10 failed"; }
fi
# wineboot leaves a server and services running; they would hold the caller's output open.
wineserver -k 2>/dev/null || true
echo "wine-tools: ready ($(wine --version 2>/dev/null), prefix $WINEPREFIX)"
