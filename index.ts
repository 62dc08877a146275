// What `import … from "pulumi-berth"` offers: the public API only. Internals are imported by their file paths.
export * from "./provider";
export * from "./components";
