import { z } from "zod";
import { email } from "./auth";

export const createPartnerSchema = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, "Use 1-40 lowercase letters, digits and dashes, such as acme."),
  name: z.string().trim().min(2, "Enter the partner's name.").max(120, "Use at most 120 characters."),
  adminEmail: email,
});

export type CreatePartnerInput = z.infer<typeof createPartnerSchema>;
