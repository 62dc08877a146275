#!/usr/bin/env bash
# A 3-node Docker Swarm for SwarmService tests: one dockerd per network namespace.
#   swarm.sh start            nodes 1..3 running and joined (all managers), test images
#                             loaded on each; prints the nodes' DOCKER_HOST urls, one a line
#   swarm.sh stop             stops the nodes, removes namespaces, mounts, cgroups and data
#   swarm.sh acquire PID      like start, for the run of process PID, which holds a lease
#   swarm.sh release PID      ends PID's lease; the last lease stops a swarm an acquire started
#   swarm.sh stop-node N      stops node N's daemon only (failover tests)
#   swarm.sh start-node N     starts node N's daemon again; it rejoins with its old state
# Each node namespace joins a bridge living in a namespace of its own (in the
# root namespace, bridged traffic meets FORWARD policy DROP); the root namespace
# reaches the nodes at 10.234.0.N through a veth of its own (10.234.0.254).
# Daemons are started with nsenter, not `ip netns exec`, which remounts /sys.
# Each node offers one generic GPU resource, `gpu=GPU-swN`.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

NODES=3
base=/run/berth-swarm
data=/var/lib/berth-swarm
hub=berth-swhub

node_url() { echo "unix://$base/n$1/docker.sock"; }
node_ip() { echo "10.234.0.$1"; }
on_node() { local n=$1; shift; DOCKER_HOST="$(node_url "$n")" "$@"; }
answering() { timeout 5 env DOCKER_HOST="$(node_url "$1")" docker version >/dev/null 2>&1; }
swarm_state() { on_node "$1" timeout 5 docker info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null || echo down; }

wire_hub() {
  ip netns list | grep -qw "$hub" || ip netns add "$hub"
  ip -n "$hub" link show br-sl >/dev/null 2>&1 || ip -n "$hub" link add br-sl type bridge
  ip -n "$hub" link set br-sl up
  ip -n "$hub" link set lo up
  if ! ip link show bswroot >/dev/null 2>&1; then
    ip link add bswroot type veth peer name bswroot-p
    ip link set bswroot-p netns "$hub"
    ip -n "$hub" link set bswroot-p master br-sl up
    ip addr add 10.234.0.254/24 dev bswroot
  fi
  ip link set bswroot up
}

wire_node() {
  local n=$1 ns="berth-sw$1"
  ip netns list | grep -qw "$ns" || ip netns add "$ns"
  if ! ip -n "$ns" link show eth0 >/dev/null 2>&1; then
    ip -n "$hub" link add "bsw$n" type veth peer name eth0 netns "$ns"
    ip -n "$hub" link set "bsw$n" master br-sl up
    ip -n "$ns" addr add "$(node_ip "$n")/24" dev eth0
  fi
  ip -n "$ns" link set eth0 up
  ip -n "$ns" link set lo up
}

start_daemon() {
  local n=$1 dir="$base/n$1"
  answering "$n" && return 0
  mkdir -p "$dir" "$data/n$n"
  if [ -f "$dir/dockerd.pid" ] && ! kill -0 "$(cat "$dir/dockerd.pid")" 2>/dev/null; then rm -f "$dir/dockerd.pid"; fi
  cat >"$dir/daemon.json" <<EOF
{ "node-generic-resources": ["gpu=GPU-sw$n"], "log-driver": "json-file" }
EOF
  # fd 9 is the lease lock: the daemon must not hold it.
  setsid -f nsenter --net="/run/netns/berth-sw$n" unshare --uts sh -c \
    "hostname berth-sw$n; exec dockerd --config-file '$dir/daemon.json' -H '$(node_url "$n")' \
      --data-root '$data/n$n' --exec-root '$dir/exec' --pidfile '$dir/dockerd.pid' \
      --cgroup-parent /berth-sw$n" >>"$dir/dockerd.log" 2>&1 </dev/null 9>&-
  for _ in $(seq 1 60); do answering "$n" && return 0; sleep 0.25; done
  tail -n 20 "$dir/dockerd.log" >&2
  die "swarm node $n did not answer within 15 s; see $dir/dockerd.log"
}

join_swarm() {
  [ "$(swarm_state 1)" = active ] || on_node 1 docker swarm init --advertise-addr "$(node_ip 1)" >/dev/null
  local token; token="$(on_node 1 docker swarm join-token -q manager)"
  for n in $(seq 2 "$NODES"); do
    [ "$(swarm_state "$n")" = active ] || on_node "$n" docker swarm join --token "$token" --advertise-addr "$(node_ip "$n")" "$(node_ip 1):2377" >/dev/null
  done
}

start_swarm() {
  wire_hub
  local urls=() n
  for n in $(seq 1 "$NODES"); do wire_node "$n"; done
  for n in $(seq 1 "$NODES"); do start_daemon "$n" & done
  wait
  for n in $(seq 1 "$NODES"); do answering "$n" || die "swarm node $n is not answering"; urls+=("$(node_url "$n")"); done
  join_swarm
  bash "$BERTH_ROOT/scripts/build-images.sh" "${urls[@]}" >&2
  printf '%s\n' "${urls[@]}"
}

stop_daemon() {
  local dir="$base/n$1"
  [ -f "$dir/dockerd.pid" ] || return 0
  local pid; pid="$(cat "$dir/dockerd.pid")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$dir/dockerd.pid"
}

# Everything a node leaves: mounts under its roots, cgroup directories, namespaces, data.
stop_swarm() {
  local n
  for n in $(seq 1 "$NODES"); do stop_daemon "$n" & done
  wait
  { awk '{print $5}' /proc/self/mountinfo | grep -E "^($base|$data)/" || true; } | sort -r | while read -r mount; do
    umount -l "$mount" 2>/dev/null || true
  done
  for n in $(seq 1 "$NODES"); do
    find /sys/fs/cgroup -depth -type d -path "*/berth-sw$n*" -exec rmdir {} \; 2>/dev/null || true
    ip netns del "berth-sw$n" 2>/dev/null || true
  done
  ip link del bswroot 2>/dev/null || true
  ip netns del "$hub" 2>/dev/null || true
  rm -rf "$data" "$base"/n*
}

case "${1:-}" in
  start) start_swarm ;;
  stop) stop_swarm ;;
  stop-node) stop_daemon "${2:?which node}" ;;
  start-node) start_daemon "${2:?which node}" ;;
  acquire)
    pid="${2:?the process holding the lease}"
    mkdir -p "$base/leases"
    exec 9>"$base/lock"; flock 9
    answering 1 || touch "$base/started-by-lease"
    touch "$base/leases/$pid"
    step "starting the 3-node swarm" start_swarm
    ;;
  release)
    pid="${2:?the process holding the lease}"
    [ -d "$base" ] || exit 0
    exec 9>"$base/lock"; flock 9
    last_lease_ended "$base" "$pid" || exit 0
    if [ -f "$base/started-by-lease" ]; then stop_swarm; rm -f "$base/started-by-lease"; fi
    ;;
  *) die "usage: swarm.sh start|stop | acquire|release PID | stop-node|start-node N" ;;
esac
