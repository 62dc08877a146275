#!/usr/bin/env bash
# Starts or stops extra Docker daemons that stand in for extra hosts.
#   extra-hosts.sh start N   hosts 1..N; prints one DOCKER_HOST url per line on stdout
#   extra-hosts.sh stop  N   stops hosts 1..N that this script started, removes their bridges
#   extra-hosts.sh acquire N PID   like start, for the run of process PID, which holds a lease on them
#   extra-hosts.sh release N PID   ends PID's lease; the last lease stops the hosts an acquire started
#                            (hosts that answered before, e.g. started by hand, keep running)
#   extra-hosts.sh start-tls N CERTDIR   host N also listening on tcp://127.0.0.1:<23750+N> with
#                            TLS verification (CERTDIR holds ca.pem, server-cert.pem, server-key.pem)
# Each host has its own socket, data root, exec root, pidfile and bridge interface
# (a second daemon with --bridge=none would delete docker0 and break the first daemon).
# Published ports answer on 127.0.0.1 through Docker's userland proxy.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

base=/run/berth-hosts
data=/var/lib/berth-hosts

host_url() { echo "unix://$base/h$1/docker.sock"; }

answering() { timeout 5 env DOCKER_HOST="$(host_url "$1")" docker version >/dev/null 2>&1; }

stop_host() {
  local n=$1
  local dir="$base/h$n"
  if [ -f "$dir/dockerd.pid" ]; then
    local pid; pid="$(cat "$dir/dockerd.pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  ip link del "br-berth$n" 2>/dev/null || true
}

start_host() {
  local n=$1 tls_dir="${2:-}"
  local dir="$base/h$n" bridge="br-berth$n"
  local tls_flags=()
  if [ -n "$tls_dir" ]; then
    tls_flags=(--host "tcp://127.0.0.1:$((23750 + n))" --tlsverify --tlscacert "$tls_dir/ca.pem"
      --tlscert "$tls_dir/server-cert.pem" --tlskey "$tls_dir/server-key.pem")
  fi
  local url; url="$(host_url "$n")"
  if answering "$n"; then
    if ip link show "$bridge" >/dev/null 2>&1; then echo "$url"; return; fi
    say "extra host h$n lost its bridge $bridge: restarting it"
    stop_host "$n"
  fi
  mkdir -p "$dir" "$data/h$n"
  # A daemon that was killed leaves its pidfile, which makes the next start refuse.
  if [ -f "$dir/dockerd.pid" ] && ! grep -qE '^State:\s+[^Z]' "/proc/$(cat "$dir/dockerd.pid")/status" 2>/dev/null; then
    rm -f "$dir/dockerd.pid"
  fi
  if ! ip link show "$bridge" >/dev/null 2>&1; then
    ip link add "$bridge" type bridge
    ip addr add "10.222.$n.1/24" dev "$bridge"
  fi
  ip link set "$bridge" up
  setsid dockerd --host "$url" "${tls_flags[@]}" --data-root "$data/h$n" --exec-root "$dir/exec" \
    --pidfile "$dir/dockerd.pid" --bridge "$bridge" --iptables=false --ip-masq=false \
    >>"$dir/dockerd.log" 2>&1 </dev/null 9>&- &
  for _ in $(seq 1 60); do
    if answering "$n"; then
      echo "$url"; return
    fi
    sleep 0.5
  done
  tail -n 20 "$dir/dockerd.log" >&2
  die "extra host h$n did not answer within 30 s; see $dir/dockerd.log"
}

# Hosts 1..N running (those that answer are kept), with the test images; prints their URLs.
start_hosts() {
  local urls=() n
  for n in $(seq 1 "$1"); do urls+=("$(start_host "$n")"); done
  bash "$BERTH_ROOT/scripts/build-images.sh" "${urls[@]}" >&2
  printf '%s\n' "${urls[@]}"
}

case "${1:-}" in
  start)
    start_hosts "${2:?how many hosts}"
    ;;
  start-tls)
    start_host "${2:?which host}" "${3:?the certificate directory}"
    ;;
  stop)
    for n in $(seq 1 "${2:?how many hosts}"); do stop_host "$n"; done
    ;;
  acquire)
    count="${2:?how many hosts}"; pid="${3:?the process holding the lease}"
    mkdir -p "$base/leases"
    # The lock is fd 9; daemons started under it close their copy (see start_host).
    exec 9>"$base/lock"; flock 9
    for n in $(seq 1 "$count"); do
      mkdir -p "$base/h$n"
      answering "$n" || touch "$base/h$n/started-by-lease"
    done
    touch "$base/leases/$pid"
    start_hosts "$count"
    ;;
  release)
    count="${2:?how many hosts}"; pid="${3:?the process holding the lease}"
    exec 9>"$base/lock"; flock 9
    last_lease_ended "$base" "$pid" || exit 0
    for n in $(seq 1 "$count"); do
      if [ -f "$base/h$n/started-by-lease" ]; then stop_host "$n"; rm -f "$base/h$n/started-by-lease"; fi
    done
    ;;
  stop-one)
    stop_host "${2:?which host}"
    ;;
  *) die "usage: extra-hosts.sh start|stop N | acquire|release N PID | start-tls N CERTDIR | stop-one N" ;;
esac
