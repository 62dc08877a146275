#!/usr/bin/env bash
# The registries and the sshd the tests use, all on loopback, under leases like extra-hosts.sh.
#   test-services.sh acquire PID   starts what does not answer yet, for the run of process PID;
#       prints KEY=VALUE lines for the tests' environment
#   test-services.sh release PID   ends PID's lease; the last lease stops what an acquire started
# Needs the extra hosts 1 and 2 (extra-hosts.sh) for two of the ssh:// hosts.
set -euo pipefail
here="$(dirname "$0")"
source "$here/lib.sh"

base=/run/berth-test-services
ssh_ports=(2241=unix:///var/run/docker.sock 2242=unix:///run/berth-hosts/h1/docker.sock 2243=unix:///run/berth-hosts/h2/docker.sock)

case "${1:-}" in
  acquire)
    pid="${2:?the process holding the lease}"
    mkdir -p "$base/leases"
    exec 9>"$base/lock"; flock 9
    [ -e /run/berth-registry/plain ] || touch "$base/registry-plain-by-lease"
    [ -e /run/berth-registry/secure ] || touch "$base/registry-secure-by-lease"
    [ -e /run/berth-sshd/sshd.pid ] || touch "$base/sshd-by-lease"
    touch "$base/leases/$pid"
    echo "BERTH_REGISTRY=$(bash "$here/registry.sh" start plain 5310)"
    echo "BERTH_SECURE_REGISTRY=$(bash "$here/registry.sh" start secure 5311 --auth)"
    echo "BERTH_SECURE_REGISTRY_DIR=$(bash "$here/registry.sh" dir secure)"
    echo "BERTH_SSH_HOSTS=$(bash "$here/sshd.sh" start "${ssh_ports[@]}" | paste -sd,)"
    echo "BERTH_SSHD_DIR=$(bash "$here/sshd.sh" dir)"
    ;;
  release)
    pid="${2:?the process holding the lease}"
    exec 9>"$base/lock"; flock 9
    last_lease_ended "$base" "$pid" || exit 0
    for name in plain secure; do
      if [ -f "$base/registry-$name-by-lease" ]; then bash "$here/registry.sh" stop "$name"; rm -f "$base/registry-$name-by-lease"; fi
    done
    if [ -f "$base/sshd-by-lease" ]; then bash "$here/sshd.sh" stop; rm -f "$base/sshd-by-lease"; fi
    ;;
  *) die "usage: test-services.sh acquire|release PID" ;;
esac
