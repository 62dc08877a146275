#!/usr/bin/env bash
# Provides the Pulumi CLI, berth's Node.js language host and the dynamic-provider
# plugin script in $BERTH_PULUMI_BIN, keyed by version. A `pulumi` already on PATH
# at the pinned version is used as it is. No prebuilt download is needed: the CLI
# is built from its Go module through the wrapper module in scripts/pulumi (the
# CLI's own go.mod carries local replace lines, so `go install` refuses it).
set -euo pipefail
source "$(dirname "$0")/env.sh"

want="v$BERTH_PULUMI_VERSION"
wrapper="$BERTH_ROOT/scripts/pulumi"
stamp="$BERTH_PULUMI_BIN/.sources-$(cat "$wrapper"/go.mod "$wrapper"/go.sum "$wrapper"/language-host/*.go | sha256sum | cut -c1-16)"

# The engine starts dynamic providers through this script; it finds
# @pulumi/pulumi's provider entry point the way Node.js would, from the program's
# directory upwards, without starting a second node just to resolve it.
# Written on every run, so a cached CLI always gets the current script.
mkdir -p "$BERTH_PULUMI_BIN"
cat > "$BERTH_PULUMI_BIN/pulumi-resource-pulumi-nodejs" <<'SCRIPT'
#!/bin/sh
dir=$PWD
entry=node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js
while [ ! -f "$dir/$entry" ]; do
  if [ "$dir" = / ]; then
    echo "pulumi-resource-pulumi-nodejs: no $entry in $PWD or above it; run npm install in the program's directory" >&2
    exit 1
  fi
  dir=$(dirname "$dir")
done
exec node "$dir/$entry" "$@"
SCRIPT
chmod +x "$BERTH_PULUMI_BIN/pulumi-resource-pulumi-nodejs"

cached() { [ -x "$BERTH_PULUMI_BIN/pulumi" ] && [ -f "$stamp" ]; }
if cached; then
  say "Pulumi CLI $want is cached in $BERTH_PULUMI_BIN"
  exit 0
fi
# Set-ups running side by side (a test run and a quickstart, two checkouts)
# build once: the others wait for the first and then use its binaries.
exec 8>"$BERTH_CACHE/pulumi-build.lock"
if ! flock --nonblock 8; then
  say "another set-up is building the Pulumi CLI; waiting for it"
  flock 8
fi
if cached; then
  say "Pulumi CLI $want was built by another set-up"
  exit 0
fi
command -v go >/dev/null || die "Go is needed to build the Pulumi CLI; install it (https://go.dev/dl) and run again"

# The checksum database is not reachable from every machine; the module proxy is.
export GOSUMDB=off GOFLAGS=-mod=mod
ldflags="-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$want"
cd "$wrapper"
step "downloading the Pulumi CLI's Go modules" \
  with_heartbeat "downloading Go modules" "$BERTH_CACHE/go-download.log" go mod download
step "building the Pulumi CLI $want from source (takes about 3 minutes on 2 cores)" \
  with_heartbeat "compiling the Pulumi CLI" "$BERTH_CACHE/go-build.log" \
  go build -trimpath -ldflags "$ldflags" -o "$BERTH_PULUMI_BIN/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
step "building berth's Node.js language host" \
  with_heartbeat "compiling the language host" "$BERTH_CACHE/go-build.log" \
  go build -trimpath -ldflags "$ldflags" -o "$BERTH_PULUMI_BIN/pulumi-language-nodejs" ./language-host

rm -f "$BERTH_PULUMI_BIN"/.sources-*
touch "$stamp"
say "Pulumi CLI: $("$BERTH_PULUMI_BIN/pulumi" version)"
