import { sql } from "drizzle-orm";
import type { Executor } from "@/db";

/**
 * `count` members for one partner, in batches of one INSERT … SELECT each, with a spread like a
 * partner's book: 70% people and 30% companies, stages from invited to submitted (half of them at
 * Wallex: mostly approved, some pending, some asked to resubmit, a few closed), eight countries,
 * created over two years, active since. Names repeat (a search finds many); e-mails are unique.
 * Member i is deterministic, so a bench can name what it searches for.
 */
export async function seedMembers(db: Executor, partnerId: string, count: number, batch = 10_000) {
  for (let from = 1; from <= count; from += batch) {
    const to = Math.min(count, from + batch - 1);
    await db.execute(sql`
      insert into members (partner_id, wallex_user_id, wallex_account_id, account_type, signup_kind, email,
        first_name, last_name, company_name, country_code, locale, stage, wallex_status, wallex_reason,
        missing_fields, password_hash, created_at, last_activity_at)
      select ${partnerId},
        case when s.stage <> 'invited' or i % 2 = 0 then 'bench-user-' || i end,
        case when s.stage <> 'invited' or i % 2 = 0 then 'bench-acct-' || i end,
        (case when i % 10 < 7 then 'individual' else 'company' end)::member_account_type,
        (case when i % 10 < 7 then 'full' when i % 20 = 7 then 'lite_company' else 'full' end)::member_signup_kind,
        'member' || i || '@bench.example',
        (array['Aisha','Budi','Chen','Dewi','Eka','Farid','Gita','Hadi','Indah','Joko','Kartika','Lim',
               'Maya','Nur','Omar','Putri','Rizal','Siti','Tan','Wati'])[1 + i % 20],
        (array['Rahman','Santoso','Wong','Lestari','Putra','Hakim','Sari','Gunawan','Wijaya','Ng',
               'Lee','Abdullah','Tanoto','Halim','Kusuma','Nguyen','Reyes','Cruz','Lim','Ong'])[1 + (i / 20) % 20],
        case when i % 10 >= 7 then (array['Lion','Garuda','Merlion','Banyan','Orchid','Komodo','Rattan','Monsoon'])[1 + i % 8]
          || ' ' || (array['Trading','Logistics','Kopi','Textiles','Digital','Foods'])[1 + (i / 8) % 6]
          || ' ' || (i % 997) || ' Pte Ltd' end,
        (array['SG','SG','SG','ID','ID','ID','MY','PH','VN','TH','HK','SG'])[1 + i % 12],
        (case when i % 12 between 3 and 5 then 'id' else 'en' end)::member_locale,
        s.stage::member_stage,
        case when s.stage = 'submitted' then s.wallex when s.stage <> 'invited' then 'draft' end,
        case when s.wallex = 'document_needs_resubmission' then 'Proof of address is older than three months' end,
        case when s.stage in ('invited', 'in_progress') then '["dateOfBirth","identificationNumber","document:passport"]'::jsonb
             when s.stage = 'changes_requested' then '["document:proof_of_address"]'::jsonb else '[]'::jsonb end,
        case when s.stage <> 'invited' or i % 3 = 0 then 'bench-not-a-real-hash' end,
        c.created_at,
        c.created_at + (random() * (now() - c.created_at))
      from generate_series(${from}::int, ${to}::int) i
      cross join lateral (select case
        when i % 100 < 15 then 'invited' when i % 100 < 40 then 'in_progress' when i % 100 < 45 then 'in_partner_review'
        when i % 100 < 50 then 'changes_requested' else 'submitted' end as stage,
        case when i % 50 < 35 then 'approved' when i % 50 < 45 then 'pending_approval'
          when i % 50 < 48 then 'document_needs_resubmission' else 'closed' end as wallex) s
      cross join lateral (select now() - (i::float / ${count} * interval '730 days') - (i % 97) * interval '1 second'
        as created_at) c`);
  }
  // As autovacuum would leave a table this size: statistics, and the visibility map for index-only counts.
  await db.execute(sql`vacuum analyze members`);
}
