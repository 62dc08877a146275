#!/usr/bin/env bash
# The quickstart: sets everything up, then `pulumi up` of the root Pulumi.yaml
# against the local Docker daemon, and prints the stack's outputs. State lives
# in a local file backend under .berth/state.
#   quickstart.sh           bring it up (`npm start`)
#   quickstart.sh destroy   tear it down (`npm stop`)
set -euo pipefail
source "$(dirname "$0")/env.sh"
bash "$BERTH_ROOT/scripts/setup.sh"
cd "$BERTH_ROOT"

export PULUMI_BACKEND_URL="${PULUMI_BACKEND_URL:-file://$BERTH_ROOT/.berth/state}"
export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE-berth-quickstart}"
mkdir -p .berth/state
stack="${BERTH_STACK:-dev}"
pulumi stack select "$stack" >/dev/null 2>&1 || pulumi stack init "$stack" >/dev/null

if [ "${1:-}" = destroy ]; then
  say "pulumi destroy (stack $stack)"
  pulumi destroy --yes --skip-preview --stack "$stack"
  exit 0
fi

say "pulumi up (stack $stack)"
pulumi up --yes --skip-preview --stack "$stack"
say "stack outputs:"
pulumi stack output --stack "$stack"

endpoint="$(pulumi stack output endpoint --stack "$stack" 2>/dev/null || true)"
if [ -n "$endpoint" ]; then
  say "the quickstart answers at $endpoint:"
  curl -fsS "$endpoint"
fi
say "tear it down with: npm stop"
