#!/usr/bin/env bash
# Makes a Docker daemon answer. Uses DOCKER_HOST or the default socket when
# something answers there; otherwise installs Debian's docker.io and starts
# dockerd in the background, logging to $BERTH_DOCKERD_LOG. Never stops a
# daemon it did not start. Idempotent and fast when everything is in place.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

daemon_answers() { timeout 5 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

if daemon_answers; then
  say "Docker daemon answers at ${DOCKER_HOST:-unix:///var/run/docker.sock} (Engine $(docker version --format '{{.Server.Version}}'))"
  exit 0
fi

if [ -n "${DOCKER_HOST:-}" ] && [ "$DOCKER_HOST" != "unix:///var/run/docker.sock" ]; then
  die "DOCKER_HOST=$DOCKER_HOST does not answer; start that daemon or unset DOCKER_HOST to use a local one"
fi

if ! command -v dockerd >/dev/null 2>&1; then
  step "installing Debian's docker.io (Docker Engine)" apt_install docker.io
fi

# A daemon that died without cleaning up leaves its pidfile; if that pid now
# belongs to another process, dockerd refuses to start.
pidfile=/var/run/docker.pid
if [ -f "$pidfile" ] && [ "$(cat "/proc/$(cat "$pidfile")/comm" 2>/dev/null)" != dockerd ]; then
  say "removing the stale $pidfile of a daemon that is gone"
  rm -f "$pidfile"
fi

mkdir -p "$BERTH_CACHE"
say "starting dockerd in the background (log: $BERTH_DOCKERD_LOG)"
# setsid: the daemon must outlive this script and the shell that ran it.
setsid dockerd --host unix:///var/run/docker.sock >>"$BERTH_DOCKERD_LOG" 2>&1 < /dev/null &

for i in $(seq 1 60); do
  if daemon_answers; then
    say "dockerd answers after ${i}s (Engine $(docker version --format '{{.Server.Version}}'))"
    exit 0
  fi
  sleep 1
done
tail -n 30 "$BERTH_DOCKERD_LOG" >&2
die "dockerd did not answer within 60 s; see $BERTH_DOCKERD_LOG"
