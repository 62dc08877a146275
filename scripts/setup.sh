#!/usr/bin/env bash
# Everything berth needs on this machine, idempotent: a Docker daemon, the
# local test images, the npm dependencies, the compiled library and the Pulumi
# CLI. Fast when everything is already in place.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
started=$SECONDS
cd "$BERTH_ROOT"

say "[1/5] Docker Engine"
bash scripts/bootstrap-docker.sh
say "[2/5] local images (no registry needed)"
bash scripts/build-images.sh
say "[3/5] npm dependencies"
# `npm ci`: the committed lock file lists every platform's optional packages,
# so the install is exactly the lock's and leaves the tree clean.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing npm dependencies (npm ci)" with_heartbeat "installing npm dependencies" "$BERTH_CACHE/npm-install.log" \
    npm ci --no-fund --no-audit
else
  say "npm dependencies are installed"
fi
say "[4/5] compiling berth"
step "compiling TypeScript" npm run --silent build
say "[5/5] Pulumi CLI"
bash scripts/bootstrap-pulumi.sh
say "set-up complete in $((SECONDS - started))s"
