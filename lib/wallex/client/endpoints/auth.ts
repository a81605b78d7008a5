import { z } from "zod";
import { anyObject } from "../schemas/common";
import { endpoint } from "./define";

/** 00-conventions.md §4. */
export const auth = {
  /** Legacy alias `POST /users/v1/authenticate` (never called, D16). */
  authenticate: endpoint({
    method: "POST",
    path: "/v2/authenticate",
    noAuth: true,
    idempotent: true,
    body: z.object({ accessKeyId: z.string().min(1), secretAccessKey: z.string().min(1) }),
    response: z.looseObject({ token: z.string().min(1) }),
  }),
  logout: endpoint({ method: "POST", path: "/v2/logout", response: anyObject }),
};
