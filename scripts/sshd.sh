#!/usr/bin/env bash
# Starts or stops an OpenSSH server on loopback that stands for several ssh:// Docker hosts.
#   sshd.sh start PORT=DOCKER_HOST...   one sshd listening on 127.0.0.1:PORT for each pair; a
#       session on PORT gets DOCKER_HOST, so `docker system dial-stdio` (what an ssh:// client
#       runs) reaches that daemon. Prints ssh://root@127.0.0.1:PORT for each, one per line.
#   sshd.sh stop      stops it and removes its keys
#   sshd.sh kill      kills it with every session it holds, as a crash of the host's sshd
#                     would, and keeps its keys: `start` brings it back with the same host key
#   sshd.sh dir       prints the directory holding host_key.pub and client_key (the one key
#                     it accepts, for root)
# Starting with the same pairs while it runs keeps it running.
# BERTH_SSHD_INSTANCE=NAME makes each command act on a separate sshd of that name (with keys
# of its own), which a test may kill without cutting the shared one.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

dir=/run/berth-sshd${BERTH_SSHD_INSTANCE:+-$BERTH_SSHD_INSTANCE}

running() { [ -f "$dir/sshd.pid" ] && kill -0 "$(cat "$dir/sshd.pid")" 2>/dev/null; }

stop_sshd() {
  if running; then
    local pid; pid="$(cat "$dir/sshd.pid")"
    kill "$pid"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  fi
  rm -rf "$dir"
}

descendants() {
  local child
  for child in $(ps -o pid= --ppid "$1"); do descendants "$child"; echo "$child"; done
}

kill_sshd() {
  running || return 0
  local pid; pid="$(cat "$dir/sshd.pid")"
  # Stopped first so that it forks no session while they are listed.
  kill -STOP "$pid"
  kill -KILL "$pid" $(descendants "$pid") 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
}

start_sshd() {
  local config pair
  config="ListenAddress 127.0.0.1
HostKey $dir/host_key
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
StrictModes no
UsePAM no
LogLevel ERROR"
  for pair in "$@"; do config+=$'\n'"Port ${pair%%=*}"; done
  for pair in "$@"; do config+=$'\n'"Match LocalPort ${pair%%=*}"$'\n'"  SetEnv DOCKER_HOST=${pair#*=}"; done
  if running && [ "$(cat "$dir/sshd_config")" = "$config" ]; then
    for pair in "$@"; do echo "ssh://root@127.0.0.1:${pair%%=*}"; done
    return
  fi
  running && stop_sshd
  [ -x /usr/sbin/sshd ] || apt_install openssh-server
  mkdir -p "$dir" /run/sshd
  chmod 700 "$dir"
  # Keys kept by a `kill` are reused: the host is the same one, back.
  if [ ! -f "$dir/host_key" ]; then
    ssh-keygen -q -t ed25519 -N '' -C "berth test host" -f "$dir/host_key"
    ssh-keygen -q -t ed25519 -N '' -C "berth test client" -f "$dir/client_key"
    cp "$dir/client_key.pub" "$dir/authorized_keys"
  fi
  printf '%s\n' "$config" >"$dir/sshd_config"
  /usr/sbin/sshd -f "$dir/sshd_config" -E "$dir/sshd.log"
  for _ in $(seq 1 40); do
    running && break
    sleep 0.25
  done
  running || die "sshd did not start; see $dir/sshd.log"
  for pair in "$@"; do echo "ssh://root@127.0.0.1:${pair%%=*}"; done
}

case "${1:-}" in
  start) shift; [ $# -gt 0 ] || die "usage: sshd.sh start PORT=DOCKER_HOST..."; start_sshd "$@" ;;
  stop) stop_sshd ;;
  kill) kill_sshd ;;
  dir) echo "$dir" ;;
  *) die "usage: sshd.sh start PORT=DOCKER_HOST... | stop | kill | dir" ;;
esac
