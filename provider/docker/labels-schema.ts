import { z } from "zod";
import { RESERVED_LABEL_PREFIX } from "./labels";

/** User labels: string to string, none in berth's reserved namespace. */
export const userLabelsSchema = z
  .record(z.string(), z.string({ error: "label values must be strings, e.g. { team: \"ml\" }" }))
  .default({})
  .superRefine((labels, ctx) => {
    for (const key of Object.keys(labels)) {
      if (key.startsWith(RESERVED_LABEL_PREFIX)) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `uses berth's reserved prefix \`${RESERVED_LABEL_PREFIX}\`; choose another label key`,
        });
      }
    }
  });
