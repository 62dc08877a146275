import createDebug from "debug";

/** berth's debug namespaces; enable with DEBUG=berth:* */
export const log = {
  provider: createDebug("berth:provider"),
  docker: createDebug("berth:docker"),
  readiness: createDebug("berth:readiness"),
};
