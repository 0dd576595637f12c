#!/usr/bin/env bash
# Makes sure the real programs the end-to-end tests drive are installed, from Debian's
# packages: the CNCF distribution registry, skopeo, podman, buildah, htpasswd, openssl, the
# docker CLI, unzip (to look inside the packaged extension) and strace (which the lock test uses
# to slow down file removals).
# Runs before `npm test`; does nothing when they are all present. Then the real Node 24, which
# the "(Node 24)" test projects run the bundles under, from the npm registry (scripts/runtimes.mjs).
set -euo pipefail
node "$(dirname "$0")/runtimes.mjs" install linux-24
missing=()
command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
command -v skopeo >/dev/null 2>&1 || missing+=(skopeo)
command -v podman >/dev/null 2>&1 || missing+=(podman)
command -v buildah >/dev/null 2>&1 || missing+=(buildah)
command -v htpasswd >/dev/null 2>&1 || missing+=(apache2-utils)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
command -v docker >/dev/null 2>&1 || missing+=(docker.io)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
command -v strace >/dev/null 2>&1 || missing+=(strace)
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing test tools: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "The end-to-end tests need these Debian packages: ${missing[*]}" >&2
  echo "Install them (sudo apt-get install ${missing[*]}) and run the tests again." >&2
  exit 1
fi
