#!/usr/bin/env bash
# Builds the two tools berth is measured against, for the tests and benchmarks
# that run them beside berth; berth itself never needs either, and neither is
# part of what users install.
#
#   bootstrap-docker-peers.sh pulumi-docker     # the plugin behind @pulumi/docker 5.2.0
#   bootstrap-docker-peers.sh terraform-docker  # kreuzwerker/docker for Terraform
#
# Both come from the Terraform provider kreuzwerker/docker (its v4.6.0, the
# upstream of @pulumi/docker 5.x), the only form in which the Go module proxy
# serves either. The `pulumi-resource-docker` built here is a STAND-IN: the same
# upstream through the same bridge (pulumi-terraform-bridge) as the official
# plugin, with @pulumi/docker 5.2.0's type tokens, but not the official binary.
#
# Each is cached under $BERTH_CACHE keyed by version and by the hash of its
# build sources; the last line on stdout is where it is:
#   pulumi-docker     the plugin binary, for `pulumi plugin install resource docker 5.2.0 --file …`
#   terraform-docker  a Terraform CLI configuration (set TF_CLI_CONFIG_FILE to it)
#                     whose filesystem_mirror holds the provider
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PULUMI_DOCKER_VERSION="5.2.0"
TERRAFORM_DOCKER_VERSION="4.6.0"

what="${1:-}"
case "$what" in
  pulumi-docker)
    sources="$BERTH_ROOT/scripts/pulumi-docker"
    version="$PULUMI_DOCKER_VERSION"
    out="$BERTH_CACHE/pulumi-docker/v$version"
    binary="$out/pulumi-resource-docker"
    result="$binary"
    package="."
    ldflags=""
    minutes=8
    ;;
  terraform-docker)
    sources="$BERTH_ROOT/scripts/terraform-docker"
    version="$TERRAFORM_DOCKER_VERSION"
    out="$BERTH_CACHE/terraform-docker/v$version"
    binary="$out/mirror/registry.terraform.io/kreuzwerker/docker/$version/linux_amd64/terraform-provider-docker_v$version"
    result="$out/terraform.rc"
    package="github.com/terraform-providers/terraform-provider-docker"
    ldflags="-X main.version=$version"
    minutes=4
    ;;
  *) die "usage: $0 pulumi-docker|terraform-docker" ;;
esac

stamp="$out/.sources-$(cat "$sources"/go.mod "$sources"/go.sum "$sources"/*.go | sha256sum | cut -c1-16)"
cached() { [ -x "$binary" ] && [ -f "$stamp" ]; }
finish() {
  if [ "$what" = terraform-docker ]; then
    printf 'provider_installation {\n  filesystem_mirror {\n    path    = "%s"\n    include = ["registry.terraform.io/kreuzwerker/docker"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/kreuzwerker/docker"]\n  }\n}\n' "$out/mirror" >"$result"
  fi
  echo "$result"
  exit 0
}

mkdir -p "$out"
if cached; then
  say "$what $version is cached in $out"
  finish
fi
# Set-ups running side by side (two test files, a benchmark) build once: the
# others wait for the first and then use what it built.
exec 8>"$BERTH_CACHE/$what-build.lock"
if ! flock --nonblock 8; then
  say "another set-up is building $what $version; waiting for it"
  flock 8
fi
if cached; then
  say "$what $version was built by another set-up"
  finish
fi
command -v go >/dev/null || die "Go is needed to build $what $version; install it (https://go.dev/dl) and run again"

# The checksum database is not reachable from every machine; the module proxy is.
export GOSUMDB=off GOFLAGS=-mod=mod
cd "$sources"
step "downloading the Go modules of $what $version (about 600 MB the first time)" \
  with_heartbeat "downloading Go modules" "$BERTH_CACHE/$what-download.log" go mod download
mkdir -p "$(dirname "$binary")"
# no_compose leaves out the provider's docker_compose resource and the Compose
# libraries it pulls in; nothing here uses it.
step "building $what $version from kreuzwerker/docker (takes about $minutes minutes on 2 cores)" \
  with_heartbeat "compiling $what" "$BERTH_CACHE/$what-build.log" \
  nice -n 10 go build -trimpath -tags no_compose -ldflags "-s -w $ldflags" -o "$binary" "$package"

rm -f "$out"/.sources-*
touch "$stamp"
say "$what $version is built: $binary"
finish
