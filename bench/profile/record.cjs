// CPU profiles of every Node.js process of a pulumi command, for finding where
// a benchmark's time goes:
//   NODE_OPTIONS="--require $PWD/bench/profile/record.cjs" BERTH_PROFILE_DIR=/tmp/prof pulumi preview
// The engine kills provider processes without warning, so each process writes
// its profile in one-second pieces; bench/profile/summary.cjs adds them up.
const fs = require("fs");
const inspector = require("inspector");
const path = require("path");

const dir = process.env.BERTH_PROFILE_DIR;
if (dir) {
  fs.mkdirSync(dir, { recursive: true });
  const name = `${path.basename(path.dirname(process.argv[1] ?? "node"))}-${process.pid}`;
  const session = new inspector.Session();
  session.connect();
  let piece = 0;
  const write = () =>
    session.post("Profiler.stop", (err, result) => {
      if (!err) fs.writeFileSync(path.join(dir, `${name}-${String(piece++).padStart(3, "0")}.cpuprofile`), JSON.stringify(result.profile));
      session.post("Profiler.start");
    });
  session.post("Profiler.enable", () => session.post("Profiler.start"));
  setInterval(write, 1000).unref();
  process.on("exit", write);
}
