import type { Hono } from "hono";
import { iso } from "../clock";
import type { Engine } from "../engine";
import { invalid, invalidFields, notAuthorized, notFound } from "../errors";
import { BIC_RE, CHINA_BANKS, findBank } from "../fixtures/banks";
import { isCountry } from "../fixtures/countries";
import { STATES } from "../fixtures/lists";
import { input, listOwned, matches, owned, type Ctx, type Env } from "../http";
import { uuid } from "../ids";
import { onePage, pageOf, paginate } from "../pagination";
import { wire } from "../wire";
import { isLocal } from "../domain/channels";
import { corridor, requirements, validateBeneficiary } from "../domain/requirements";
import { validateMatch } from "../domain/beneficiary-validation";
import type { LooseObject } from "../loose-json";

const TOP = [
  "nickname",
  "email",
  "entityType",
  "companyName",
  "firstName",
  "lastName",
  "address",
  "city",
  "state",
  "postalCode",
  "country",
  "nationalIdNumber",
  "registrationNumber",
];
const BANK = [
  "accountNumber",
  "bankAccountHolderName",
  "bankName",
  "bicSwift",
  "address",
  "country",
  "currency",
  "bankCode",
  "branchCode",
  "routingCode",
  "routingCodeType",
  "iban",
  "cnapsCode",
  "intermediaryBicSwift",
  "intermediaryBankName",
];
const pick = (o: LooseObject, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => o?.[k] !== undefined).map((k) => [k, o[k]]));

export const beneficiaryView = (b: Record<string, unknown>) => wire({ ...b, beneficiaryId: b.id });

/** Beneficiaries and bank lookups (beneficiaries.md). */
export function beneficiaryRoutes(app: Hono<Env>, engine: Engine) {
  const reqs = async (c: Ctx) => {
    const { body, query } = await input(engine, c);
    const src = { ...query, ...body };
    const k = corridor({
      ...src,
      bankAccount: { currency: src.currency, country: src.bankCountry ?? src.beneficiaryCountry },
    });
    if (Object.keys(k.errors).length) {
      const rename: Record<string, string> = {
        "bankAccount.currency": "currency",
        "bankAccount.country": "bankCountry",
        country: "beneficiaryCountry",
      };
      throw invalidFields(Object.fromEntries(Object.entries(k.errors).map(([f, m]) => [rename[f] ?? f, m])));
    }
    return c.json(onePage(requirements(k.entityType, k.cur, k.country, k.bankCountry)));
  };
  app.get("/v2/beneficiaries/requirements", reqs);
  app.post("/v2/beneficiaries/requirements", reqs);

  app.post("/v2/beneficiaries/validation", async (c) => {
    const { body, actor } = await input(engine, c);
    if (!actor.partner.features.beneficiaryValidation) throw notAuthorized();
    const bank = body.bankAccount && typeof body.bankAccount === "object" ? body.bankAccount : {};
    const missing = ["accountNumber", "bankAccountHolderName"]
      .filter((k) => typeof bank[k] !== "string" || !bank[k])
      .map((k) => `bankAccount.${k}`);
    if (missing.length) throw invalidFields(Object.fromEntries(missing.map((f) => [f, ["is required"]])), missing);
    return c.json(validateMatch(body));
  });

  const swift = (c: Ctx, code: string | undefined) => {
    const swiftCode = (code ?? "").toUpperCase();
    if (!BIC_RE.test(swiftCode))
      throw invalid(
        "swiftCode",
        "must be 8 or 11 characters: 4 letters bank, 2 letters country, 2 location, optional 3 branch",
      );
    const bank = findBank(swiftCode);
    if (!bank) throw notFound("SWIFT code");
    return c.json({ ...bank, valid: true });
  };
  app.get("/v2/beneficiaries/swift/:code", (c) => swift(c, c.req.param("code")));
  app.get("/v2/swift", (c) => swift(c, c.req.query("swiftCode")));
  app.get("/v2/beneficiaries/china-banks", (c) => c.json(onePage(CHINA_BANKS)));
  app.get("/v2/beneficiaries/states", (c) => {
    const country = c.req.query("country");
    if (!isCountry(country)) throw invalid("country", country ? `unknown country ${country}` : "is required");
    return c.json(onePage((STATES[country] ?? []).map(({ code, name }) => ({ code, name, country }))));
  });
  app.get("/v2/beneficiaries/cities", (c) => {
    const { country, state } = c.req.query();
    if (!isCountry(country)) throw invalid("country", country ? `unknown country ${country}` : "is required");
    const states = STATES[country] ?? [];
    const chosen = state ? states.filter((s) => s.code === state || s.name === state) : states;
    if (state && !chosen.length) throw invalid("state", `unknown state ${state} for ${country}`);
    return c.json(onePage(chosen.flatMap((s) => s.cities.map((name) => ({ name, state: s.code, country })))));
  });

  app.post("/v2/beneficiaries", async (c) => c.json(beneficiaryView(await createBeneficiary(c))));
  app.get("/v2/beneficiaries", async (c) => {
    const { query, actor } = await input(engine, c);
    const filter = (b: LooseObject) =>
      matches(query, ["country", "entityType"])(b as never) &&
      (!query.currency || b.bankAccount.currency === query.currency);
    return c.json(paginate(listOwned(engine, "beneficiary", actor, filter).map(beneficiaryView), pageOf(query)));
  });
  app.get("/v2/beneficiaries/:id", async (c) => {
    const { actor } = await input(engine, c);
    return c.json(beneficiaryView(owned(engine, "beneficiary", c.req.param("id"), actor, "beneficiary")));
  });
  app.delete("/v2/beneficiaries/:id", async (c) =>
    c.json(beneficiaryView(await deleteBeneficiary(c, c.req.param("id")))),
  );

  async function createBeneficiary(c: Ctx) {
    const { body, actor } = await input(engine, c);
    const k = corridor(body);
    if (Object.keys(k.errors).length) throw invalidFields(k.errors);
    const { errors, missing } = validateBeneficiary(
      { ...body, entityType: k.entityType },
      requirements(k.entityType, k.cur, k.country, k.bankCountry),
    );
    if (Object.keys(errors).length) throw invalidFields(errors, missing);
    return engine.write((tx) =>
      tx.insert("beneficiary", {
        id: uuid(),
        _partnerId: actor.partner.id,
        accountId: actor.accountId,
        ...pick(body, TOP),
        entityType: k.entityType,
        type: isLocal(k.cur, k.bankCountry) ? "local" : "swift",
        bankAccount: pick(body.bankAccount, BANK),
        createdAt: iso(tx.now),
        updatedAt: iso(tx.now),
      }),
    );
  }

  async function deleteBeneficiary(c: Ctx, id: string) {
    const { actor } = await input(engine, c);
    return engine.write((tx) => {
      const b = owned(tx, "beneficiary", id, actor, "beneficiary");
      tx.remove("beneficiary", id);
      return b;
    });
  }
}
