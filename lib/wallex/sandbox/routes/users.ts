import type { Hono } from "hono";
import { z } from "zod";
import type { Engine } from "../engine";
import { invalid, notAuthorized, notFound, SandboxError } from "../errors";
import { isCountry } from "../fixtures/countries";
import { ENTITY_TYPES, PRODUCTS_USAGE } from "../fixtures/lists";
import { readBody, queryOf, type Ctx, type Env } from "../http";
import { onePage, pageOf, paginate } from "../pagination";
import type { Doc } from "../store/types";
import type { Features } from "../types";
import { parse } from "../validation";
import { wire } from "../wire";
import { documentRoutes } from "./documents";
import {
  businessTypeSchema,
  kycDate,
  missingDocuments,
  missingForScreening,
  registerMember,
  sectionSchemas,
  sectionView,
  setUserStatus,
  updateSection,
  type Section,
} from "../domain/users";
import type { LooseObject } from "../loose-json";

const name = z.string().trim().min(1).max(100);
const country = z.string().refine(isCountry, "must be an ISO 3166-1 alpha-2 country code");
const password = z
  .string()
  .min(8, "must be at least 8 characters")
  .regex(/[^A-Za-z0-9]/, "must contain at least one special character")
  .optional();
const base = {
  email: z.email(),
  firstName: name,
  lastName: name,
  countryCode: country,
  language: z.string().optional(),
};

const signups = (strict: boolean) => ({
  full: {
    flag: "signup" as keyof Features,
    kycLevel: "regular",
    schema: z
      .object({
        ...base,
        accountType: z.enum(["individual", "company", "business"]),
        companyName: name.optional(),
        password,
      })
      .refine((b) => b.accountType === "individual" || !!b.companyName, {
        path: ["companyName"],
        message: "is required for company accounts",
      }),
  },
  liteCompany: {
    flag: "signupLiteCompany" as keyof Features,
    kycLevel: "lite",
    schema: z.object({
      ...base,
      companyName: name,
      registrationNumber: z.string().optional(),
      countryOfIncorporation: country.optional(),
      businessType: businessTypeSchema(strict).optional(),
    }),
  },
  liteIndividual: {
    flag: "signupLiteIndividual" as keyof Features,
    kycLevel: "lite",
    schema: z.object({
      ...base,
      dateOfBirth: kycDate.optional(),
      nationality: country.optional(),
      mobileCountryCode: z.string().optional(),
      mobileNumber: z.string().optional(),
    }),
  },
});

export function userRoutes(app: Hono<Env>, engine: Engine) {
  const SIGNUPS = signups(engine.strictLists);
  const SECTION_SCHEMAS = sectionSchemas(engine.strictLists);
  const required = engine.requirements;
  const signup = (kind: keyof typeof SIGNUPS) => async (c: Ctx) => {
    const partner = c.get("partner");
    const spec = SIGNUPS[kind];
    if (!partner.features[spec.flag]) throw notAuthorized();
    const body = parse(spec.schema, await readBody(c)) as LooseObject;
    const accountType =
      kind === "liteCompany"
        ? "company"
        : kind === "liteIndividual"
          ? "individual"
          : body.accountType === "business"
            ? "company"
            : body.accountType;
    const user = await engine.write((tx) => registerMember(engine, tx, partner.id, accountType, spec.kycLevel, body));
    return c.json(wire(user));
  };
  app.post("/v2/signup", signup("full"));
  for (const p of ["/v2/signup/company-lite", "/v2/signup/lite/company"]) app.post(p, signup("liteCompany"));
  for (const p of ["/v2/signup/individual-lite", "/v2/signup/lite/individual"]) app.post(p, signup("liteIndividual"));

  app.get("/v2/users/entity-types", (c) => c.json(onePage(ENTITY_TYPES)));
  app.get("/v2/users/products-usage", (c) => c.json(onePage(PRODUCTS_USAGE)));

  app.get("/v2/users", (c) => {
    const q = queryOf(c);
    const users = [...engine.state.all("user")]
      .filter(
        (u) =>
          u._partnerId === c.get("partner").id &&
          (!q.status || u.status === q.status) &&
          (!q.email || u.email === q.email.toLowerCase()),
      )
      .sort((a, b) => b._seq - a._seq);
    return c.json(paginate(users, pageOf(q)));
  });

  const userOf = (c: Ctx): Doc => {
    const user = engine.state.get("user", c.req.param("userId")!);
    if (!user || user._partnerId !== c.get("partner").id) throw notFound("user");
    return user;
  };
  app.get("/v2/users/:userId", (c) => c.json(wire(userOf(c))));

  const sections: Array<[string[], Section]> = [
    [["detail"], "detail"],
    [["company"], "company"],
    [["customer-due-diligence", "cdd"], "cdd"],
  ];
  for (const [paths, section] of sections) {
    for (const p of paths) {
      app.get(`/v2/users/:userId/${p}`, (c) => c.json(sectionView(required, userOf(c), section)));
      app.patch(`/v2/users/:userId/${p}`, async (c) => {
        const { onBehalfOfAccount: _a, onBehalfOfUser: _u, onBehalfOf: _o, userId: _id, ...raw } = await readBody(c);
        const patch = parse(SECTION_SCHEMAS[section], raw) as Record<string, unknown>;
        const user = userOf(c);
        if (section === "company" && user.accountType !== "company")
          throw invalid("userId", "user does not belong to a company account");
        const updated = await engine.write((tx) => updateSection(tx, tx.get("user", user.id)!, section, patch));
        return c.json(sectionView(required, updated, section));
      });
    }
  }

  app.post("/v2/users/:userId/screen", async (c) => {
    const body = await readBody(c);
    const user = userOf(c);
    if (body.userId !== undefined && body.userId !== user.id) throw invalid("userId", "does not match the path");
    const updated = await engine.write((tx) => {
      const current = tx.get("user", user.id)!;
      if (!["draft", "document_needs_resubmission"].includes(current.status)) {
        throw invalid("status", `user cannot be screened in status ${current.status}`);
      }
      const missing = missingForScreening(required, tx, current);
      if (missing.length) {
        const documents = Object.fromEntries(
          missingDocuments(required, tx, current).map((g) => [
            `documents.${g.group}`,
            [`an uploaded document of type ${g.types.join(", ")} is required`],
          ]),
        );
        throw new SandboxError(
          400,
          `required information is missing: ${missing.join(", ")}`,
          "MISSING_FIELDS",
          { ...Object.fromEntries(missing.map((f) => [f, ["is required"]])), ...documents },
          missing,
        );
      }
      return setUserStatus(engine, tx, current, "pending_approval");
    });
    return c.json(wire(updated));
  });

  documentRoutes(app, engine, userOf);
}
