#!/usr/bin/env bash
# Installs what the benchmark needs: the pinned Node 24 its Node 24 rows run under (from the npm
# registry into .tools/, by scripts/runtimes.mjs), and from Debian's packages curl and jq for the
# hand-written recipe, the Azure CLI (`azure-cli`) for the `az` route, and iproute2 and
# util-linux to run that route in a network namespace with nothing but loopback. Runs before
# `npm run bench`; does nothing when they are all present. Never fails: a tool that cannot be
# installed only makes the benchmark print its rows as unavailable.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 0
if ! node scripts/runtimes.mjs install linux-24 >/dev/null; then
  echo "Could not install Node 24 (node scripts/runtimes.mjs install linux-24); the benchmark runs its Node 20 rows only." >&2
fi
missing=()
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v jq >/dev/null 2>&1 || missing+=(jq)
command -v az >/dev/null 2>&1 || missing+=(azure-cli)
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
command -v unshare >/dev/null 2>&1 || missing+=(util-linux)
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing benchmark tools: ${missing[*]}"
  if ! { timeout 300 apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
    echo "Could not install ${missing[*]}; the benchmark marks what needs them as unavailable." >&2
  fi
else
  echo "The benchmark compares against routes that need these Debian packages: ${missing[*]}" >&2
  echo "Install them (sudo apt-get install ${missing[*]}) to include them; going on without." >&2
fi
exit 0
