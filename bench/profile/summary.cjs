// Adds up CPU profile pieces written by record.cjs: milliseconds of CPU by
// package (or by function, with --functions), busiest first.
//   node bench/profile/summary.cjs [--functions] /tmp/prof/run-1234-*.cpuprofile
const fs = require("fs");

const byFunction = process.argv.includes("--functions");
const files = process.argv.slice(2).filter((a) => a !== "--functions");
const totals = new Map();
let sampled = 0;

function place(frame) {
  const url = frame.url.replace(/^file:\/\//, "");
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url.startsWith("node:") ? url.split("/").slice(0, 2).join("/") : url ? "(project)" : frame.functionName);
  return byFunction ? `${frame.functionName || "(anonymous)"} ${url.replace(/.*node_modules\//, "")}:${frame.lineNumber + 1}` : pkg;
}

for (const file of files) {
  const profile = JSON.parse(fs.readFileSync(file, "utf8"));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    sampled += micros;
    const key = place(nodes.get(id).callFrame);
    totals.set(key, (totals.get(key) ?? 0) + micros);
  });
}
console.log(`${(sampled / 1000).toFixed(0)} ms sampled in ${files.length} pieces`);
for (const [key, micros] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(micros / 1000).toFixed(1).padStart(9)} ms  ${key}`);
