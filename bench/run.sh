#!/usr/bin/env bash
# Benchmarks (not tests): berth against raw dockerode (the floor), docker-compose,
# @pulumi/docker and Terraform's kreuzwerker/docker (the peers), side by side in one
# run. Prints markdown rows for bench/RESULTS.md.
#   BENCH_RUNS   counted runs per measure (after one warm-up); default 7 (hooks), 3 (CLI)
#   BENCH_SCALE  service counts for P2's scaling; default 5,20,50
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
bash "$BERTH_ROOT/scripts/setup.sh"
command -v docker-compose >/dev/null || step "installing Debian's docker-compose (the peer)" apt_install docker-compose
cd "$BERTH_ROOT"
export BERTH_EXTRA_HOSTS
BERTH_EXTRA_HOSTS="$(bash scripts/extra-hosts.sh acquire 2 $$ | paste -sd, -)"
trap 'bash scripts/extra-hosts.sh release 2 $$; bash scripts/swarm.sh release $$' EXIT
say "P1, P3, P6: provider hooks vs raw dockerode"
npx vite-node bench/hooks-bench.ts
say "P2, P2b, P4, P5: the Pulumi CLI vs docker-compose and raw dockerode"
npx vite-node bench/cli-bench.ts
say "S0, S1, S2: a SwarmService vs the docker CLI on the 3-node swarm"
bash scripts/swarm.sh acquire $$ >/dev/null
npx vite-node bench/swarm-bench.ts
say "P7–P10: berth vs @pulumi/docker 5.2 (a stand-in build of its plugin) and Terraform + kreuzwerker/docker 4.6"
npx vite-node bench/peers-bench.ts
