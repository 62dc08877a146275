#!/usr/bin/env bash
# The test command: full set-up, then every test (unit, integration against
# the real daemon, e2e with the real Pulumi CLI). Extra arguments go to vitest.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bash "$BERTH_ROOT/scripts/setup.sh"
cd "$BERTH_ROOT"
mkdir -p .berth
report=.berth/vitest-report.json
set +e
BERTH_SKIP_SETUP=1 npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@"
status=$?
set -e
if [ -f "$report" ]; then
  node -e '
    const r = require(process.argv[1]);
    console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
  ' "$BERTH_ROOT/$report"
fi
exit $status
