export * from "./host";
export * from "./volume";
