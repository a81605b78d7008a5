import { validationMagic } from "../magic-values";
import type { LooseObject } from "../loose-json";

/** Levenshtein similarity in 0..100. */
function similarity(a: string, b: string): number {
  const s = a.trim().toUpperCase();
  const t = b.trim().toUpperCase();
  if (!s.length && !t.length) return 100;
  const row = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (s[i - 1] === t[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return Math.round((1 - row[t.length] / Math.max(s.length, t.length)) * 100);
}

const statusOf = (score: number) => (score >= 90 ? "match" : score >= 60 ? "partial_match" : "no_match");

/**
 * Match scores against a simulated bank record: the record holder is the beneficiary's own name,
 * unless a magic value says otherwise (magic-values.ts).
 */
export function validateMatch(body: LooseObject) {
  const bank = body.bankAccount ?? {};
  const holder = String(bank.bankAccountHolderName ?? "");
  const account = String(bank.accountNumber ?? "");
  const name = String(body.companyName ?? [body.firstName, body.lastName].filter(Boolean).join(" "));
  const magic = validationMagic(holder, account);
  const recordName = (magic === "no_match" ? "Tan Ah Kow Trading" : name || holder).toUpperCase();
  const results = [];
  const holderScore =
    magic === "partial_match"
      ? 72
      : magic === "no_match"
        ? Math.min(similarity(holder, recordName), 40)
        : similarity(holder, recordName);
  results.push({
    field: "bankAccount.bankAccountHolderName",
    value: holder,
    matchScore: holderScore,
    status: statusOf(holderScore),
    ...(holderScore < 80 ? { suggestion: recordName } : {}),
  });
  const accountScore = magic === "account_not_found" || !/^[A-Z0-9]{5,34}$/.test(account) ? 0 : 100;
  results.push({
    field: "bankAccount.accountNumber",
    value: account,
    matchScore: accountScore,
    status: statusOf(accountScore),
  });
  const overallScore = Math.min(...results.map((r) => r.matchScore));
  return { overallScore, status: statusOf(overallScore), results };
}
