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
# `npm install`, not `npm ci`: npm 11 records only this platform's optional
# packages in the lock file and `npm ci` then refuses it as out of sync.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing npm dependencies" with_heartbeat "installing npm dependencies" "$BERTH_CACHE/npm-install.log" \
    npm install --no-fund --no-audit
else
  say "npm dependencies are installed"
fi
say "[4/5] compiling berth"
step "compiling TypeScript" npm run --silent build
say "[5/5] Pulumi CLI"
bash scripts/bootstrap-pulumi.sh
say "set-up complete in $((SECONDS - started))s"
