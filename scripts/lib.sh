# Shared helpers for berth's set-up scripts. Sourced, never run.
# Every long step says what it is doing and how long it took, so nobody
# stares at a silent terminal.

BERTH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BERTH_CACHE="${BERTH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/berth}"
BERTH_PULUMI_VERSION="3.248.0"
BERTH_PULUMI_BIN="$BERTH_CACHE/pulumi/v$BERTH_PULUMI_VERSION/bin"
BERTH_DOCKERD_LOG="$BERTH_CACHE/dockerd.log"

say() { printf '[berth %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { say "error: $*"; exit 1; }

# step "description" command... — runs a command, reporting start, finish and duration.
# Never call step itself from a condition (`if step …`, `step … || …`): bash
# ignores errexit anywhere below a condition.
step() {
  local what="$1"; shift
  local started=$SECONDS
  say "$what ..."
  # A function called from a condition would run with errexit ignored, so a
  # failing line in a stepped function would pass unnoticed: run the command
  # in a subshell of its own, outside any condition.
  local status errexit="${-//[^e]/}"
  set +e; ( set -e; "$@" ); status=$?
  [ -z "$errexit" ] || set -e
  (( status == 0 )) || die "$what failed (exit $status)"
  say "$what done in $((SECONDS - started))s"
}

# Runs a command whose output is long; prints a heartbeat every 15 s and the
# tail of the output if it fails.
with_heartbeat() {
  local what="$1" log="$2"; shift 2
  local started=$SECONDS
  "$@" >"$log" 2>&1 &
  local pid=$! last=$SECONDS
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if (( SECONDS - last >= 15 )); then
      last=$SECONDS
      local last_line; last_line="$(tail -n 1 "$log" | cut -c1-100)"
      say "  ... still $what ($((SECONDS - started))s${last_line:+; last output: $last_line})"
    fi
  done
  if ! wait "$pid"; then
    tail -n 40 "$log" >&2
    return 1
  fi
}

apt_install() {
  if [ ! -f "$BERTH_CACHE/.apt-updated" ]; then
    mkdir -p "$BERTH_CACHE"
    with_heartbeat "updating Debian package lists" "$BERTH_CACHE/apt-update.log" \
      apt-get update && touch "$BERTH_CACHE/.apt-updated"
  fi
  with_heartbeat "installing $*" "$BERTH_CACHE/apt-install.log" \
    env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

# Ends PID's lease in BASE/leases (held under BASE's lock by the caller).
# Succeeds only when no live process holds a lease any more, so that whatever
# the leases started may be stopped; leases of dead processes are swept.
last_lease_ended() {
  local base="$1" pid="$2" lease
  rm -f "$base/leases/$pid"
  for lease in "$base"/leases/*; do
    [ -e "$lease" ] || continue
    if kill -0 "$(basename "$lease")" 2>/dev/null; then return 1; fi
    rm -f "$lease"
  done
}
