import { z } from "zod";

export const ownerSchema = z.strictObject({
  project: z.string().min(1),
  stack: z.string().min(1),
  resource: z.string().min(1),
});
