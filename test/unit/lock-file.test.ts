import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

interface LockedPackage {
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(join(__dirname, "../../package-lock.json"), "utf8")) as {
  packages: Record<string, LockedPackage>;
};

/** Where Node would find `name` from the package at `location`: its own node_modules, then each parent's. */
function resolvesFrom(location: string, name: string): boolean {
  let scope = location;
  for (;;) {
    const candidate = scope ? `${scope}/node_modules/${name}` : `node_modules/${name}`;
    if (candidate in lock.packages) return true;
    if (!scope) return false;
    const parent = scope.lastIndexOf("/node_modules/");
    scope = parent < 0 ? "" : scope.slice(0, parent);
  }
}

describe("package-lock.json", () => {
  // npm writes only the current platform's optional packages when it rewrites
  // a lock; `npm ci` on another platform then refuses it as out of sync.
  it("lists every optional dependency, for every platform, so `npm ci` works anywhere", () => {
    const missing = Object.entries(lock.packages).flatMap(([location, pkg]) =>
      Object.keys(pkg.optionalDependencies ?? {})
        .filter((name) => !resolvesFrom(location, name))
        .map((name) => `${location || "(root)"} -> ${name}`),
    );
    expect(missing).toEqual([]);
    expect(Object.keys(lock.packages)).toContain("node_modules/@rollup/rollup-darwin-arm64");
  });
});
