#!/usr/bin/env bash
# Starts or stops a Docker registry (Debian's docker-registry) on loopback.
#   registry.sh start NAME PORT [--auth]   registry NAME on 127.0.0.1:PORT; prints that address.
#       With --auth it serves TLS (a CA of its own, installed for every daemon of this machine
#       under /etc/docker/certs.d/127.0.0.1:PORT/ca.crt) and basic auth: user `berth`, the
#       password in /run/berth-registry/NAME/password. Without, plain http, which Docker
#       accepts from 127.0.0.0/8.
#   registry.sh stop NAME       stops it and removes its storage, certificates and CA entry
#   registry.sh kill NAME       kills it and keeps everything: `start` brings it back as it was
#   registry.sh dir NAME        prints the directory holding its password and ca.crt
# Starting a registry that answers keeps it (and its contents).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

base=/run/berth-registry
data=/var/lib/berth-registry

answering() { curl -s -o /dev/null --max-time 2 -k "$1/v2/"; }

start_registry() {
  local name=$1 port=$2 auth=${3:-}
  local dir="$base/$name" address="127.0.0.1:$port" scheme=http
  [ "$auth" = --auth ] && scheme=https
  if answering "$scheme://$address"; then echo "$address"; return; fi
  command -v docker-registry >/dev/null && command -v htpasswd >/dev/null || apt_install docker-registry apache2-utils
  mkdir -p "$dir" "$data/$name"
  local tls="" htauth=""
  if [ "$auth" = --auth ]; then
    if [ ! -f "$dir/server.crt" ]; then
      openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=berth test registry CA" \
        -keyout "$dir/ca.key" -out "$dir/ca.crt" 2>/dev/null
      openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
      printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >"$dir/server.ext"
      openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial -days 30 \
        -extfile "$dir/server.ext" -out "$dir/server.crt" 2>/dev/null
      openssl rand -hex 16 >"$dir/password"
      htpasswd -Bbc "$dir/htpasswd" berth "$(cat "$dir/password")" 2>/dev/null
    fi
    mkdir -p "/etc/docker/certs.d/$address"
    cp "$dir/ca.crt" "/etc/docker/certs.d/$address/ca.crt"
    tls="  tls: {certificate: $dir/server.crt, key: $dir/server.key}"
    htauth="auth: {htpasswd: {realm: berth-test, path: $dir/htpasswd}}"
  fi
  cat >"$dir/config.yml" <<YAML
version: 0.1
log: {level: warn, accesslog: {disabled: true}}
storage:
  filesystem: {rootdirectory: $data/$name}
  delete: {enabled: true}
http:
  addr: $address
$tls
$htauth
YAML
  setsid docker-registry serve "$dir/config.yml" >>"$dir/registry.log" 2>&1 </dev/null 9>&- &
  echo $! >"$dir/registry.pid"
  for _ in $(seq 1 40); do
    if answering "$scheme://$address"; then echo "$address"; return; fi
    sleep 0.25
  done
  tail -n 20 "$dir/registry.log" >&2
  die "registry $name did not answer on $address within 10 s; see $dir/registry.log"
}

kill_registry() {
  local dir="$base/$1"
  if [ -f "$dir/registry.pid" ]; then
    local pid; pid="$(cat "$dir/registry.pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
}

stop_registry() {
  local name=$1 dir="$base/$1"
  kill_registry "$name"
  if [ -f "$dir/config.yml" ]; then
    local address; address="$(sed -n 's/^  addr: //p' "$dir/config.yml")"
    [ -n "$address" ] && rm -rf "/etc/docker/certs.d/$address"
  fi
  rm -rf "$dir" "${data:?}/$name"
}

case "${1:-}" in
  start) start_registry "${2:?name}" "${3:?port}" "${4:-}" ;;
  stop) stop_registry "${2:?name}" ;;
  kill) kill_registry "${2:?name}" ;;
  dir) echo "$base/${2:?name}" ;;
  *) die "usage: registry.sh start NAME PORT [--auth] | stop NAME | kill NAME | dir NAME" ;;
esac
