#!/usr/bin/env bash
# Records what this berth release writes to a stack's state, for every later
# release to prove it still refreshes and destroys it
# (test/e2e/recorded-state.e2e.test.ts). Run once per release that changes
# what resources store:   bash scripts/record-state-fixture.sh
# It brings test/e2e/programs/recorded up on the local daemon, writes
# test/e2e/fixtures/state-<version>.json (the stack export, and the Docker
# objects' names, images, commands and labels so a test can recreate them),
# then destroys the stack.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$BERTH_ROOT"
version="$(node -p 'require("./package.json").version')"
project="berth-state-fixture"
work=".berth/record-state"
fixture="test/e2e/fixtures/state-$version.json"
rm -rf "$work" && mkdir -p "$work/.state"
cp test/e2e/programs/recorded/index.ts "$work/"
printf 'name: %s\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n' "$project" > "$work/Pulumi.yaml"
export PULUMI_BACKEND_URL="file://$BERTH_ROOT/$work/.state" PULUMI_CONFIG_PASSPHRASE=fixture PULUMI_HOME="$BERTH_ROOT/$work/.state/home"
cd "$work"
pulumi stack init recorded >/dev/null
trap 'pulumi destroy --yes --skip-preview --non-interactive >/dev/null; cd "$BERTH_ROOT"; rm -rf "$work"' EXIT
say "pulumi up of the recorded stack (berth $version)"
pulumi up --yes --skip-preview --non-interactive >/dev/null
pulumi stack export > export.json
containers="$(docker ps -aq --filter "label=dev.berth.project=$project")"
volumes="$(docker volume ls -q --filter "label=dev.berth.project=$project")"
# shellcheck disable=SC2086
docker inspect $containers > containers.json
# shellcheck disable=SC2086
docker volume inspect $volumes > volumes.json
node -e '
  const fs = require("fs");
  const [version, project] = process.argv.slice(1);
  const containers = JSON.parse(fs.readFileSync("containers.json", "utf8")).map((c) => ({
    id: c.Id, name: c.Name.replace(/^\//, ""), image: c.Config.Image, cmd: c.Config.Cmd, entrypoint: c.Config.Entrypoint, labels: c.Config.Labels,
  }));
  const volumes = JSON.parse(fs.readFileSync("volumes.json", "utf8")).map((v) => ({ name: v.Name, labels: v.Labels }));
  const state = JSON.parse(fs.readFileSync("export.json", "utf8"));
  fs.writeFileSync(process.argv[3], JSON.stringify({ berthVersion: version, project, stack: "recorded", state, containers, volumes }, null, 2) + "\n");
' "$version" "$project" "$BERTH_ROOT/$fixture"
say "wrote $fixture"
