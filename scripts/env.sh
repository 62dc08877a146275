# Environment for running berth's Pulumi CLI against a local file backend.
# Sourced by the quickstart, the tests and the benchmarks.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export PATH="$BERTH_PULUMI_BIN:$PATH"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK=true
# Stack programs are type-checked by `npm run build`; at run time they are only transpiled.
export PULUMI_NODEJS_TRANSPILE_ONLY="${PULUMI_NODEJS_TRANSPILE_ONLY:-true}"
