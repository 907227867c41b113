import type { AccountTraitsByKind } from '../../model/account-traits.js';
import type { Query } from '../../model/query.js';

/** An account that is, or looks like, a bot, with why. */
export interface BotCandidate {
  /** What to write in `botAccounts`: a wiki user name, an e-mail, or an identity id (`yammer:123`). */
  account: string;
  /** Display name when known. */
  name: string | null;
  /** The source of a flagged account; null for a person whose messages look machine-made. */
  source: string | null;
  evidence: string;
  /**
   * True when the account is left out already whatever the config says (the export flags it, or
   * a wiki user name reads as a bot's); false for a guess from the messages' shape, which only
   * `botAccounts` (or the people file's role `bot`) makes a bot.
   */
  excluded: boolean;
  /** Excluded because its user name reads as a bot's (a wiki account), a decision `!<name>` in `botAccounts` undoes. */
  byUserName: boolean;
}

/** Fewest thread starters before an account's timing says anything. */
export const MACHINE_MIN_POSTS = 10;
/** Share of an account's posts at its most common minute of the hour that looks scheduled. */
export const MACHINE_MINUTE_SHARE = 0.8;

/**
 * Bot-like accounts of a finalized dataset: those the exports flag (Slack `is_bot`, wiki user
 * names read as bots), then persons whose activity looks machine-made: at least
 * MACHINE_MIN_POSTS thread starters, no reply ever, and MACHINE_MINUTE_SHARE of the starters at
 * one minute of the hour (a scheduled digest posts at :00 every day; people do not).
 */
export async function botCandidates(query: Query, traits: AccountTraitsByKind): Promise<BotCandidate[]> {
  const flagged = await query.all<{ identity_id: string; source: string; name: string | null }>(`
    SELECT identity_id, source, name FROM identities WHERE is_bot ORDER BY identity_id`);
  const out: BotCandidate[] = flagged.map((r) => {
    const id = r.identity_id.slice(r.identity_id.indexOf(':') + 1);
    const kind = traits[r.source];
    const byUserName = kind?.userNames ?? false;
    return {
      account: id,
      name: r.name,
      source: r.source,
      evidence: byUserName
        ? `${kind?.adjective ?? r.source} user name reads as a bot's (or the people file gives it the role bot)`
        : `${kind?.label ?? r.source} marks it as a bot (or the people file gives it the role bot)`,
      excluded: true,
      byUserName,
    };
  });
  const shaped = await query.all<{
    person_id: string;
    name: string | null;
    email: string | null;
    posts: number;
    at_minute: number;
    minute: number;
  }>(
    `
    WITH starters AS (
      SELECT person_id, (floor(epoch(occurred_at) / 60) % 60)::INTEGER AS minute
      FROM activities WHERE kind = 'post'),
    shape AS (
      SELECT person_id, count(*)::INTEGER AS posts, mode(minute) AS minute FROM starters GROUP BY person_id),
    repliers AS (SELECT DISTINCT person_id FROM activities WHERE kind = 'reply')
    SELECT s.person_id, p.name, p.email, s.posts, s.minute,
           (SELECT count(*) FROM starters t WHERE t.person_id = s.person_id AND t.minute = s.minute)::INTEGER AS at_minute
    FROM shape s JOIN persons p USING (person_id)
    WHERE s.posts >= $min_posts AND s.person_id NOT IN (SELECT person_id FROM repliers)
    ORDER BY s.person_id`,
    { min_posts: MACHINE_MIN_POSTS },
  );
  for (const r of shaped) {
    if (r.at_minute < r.posts * MACHINE_MINUTE_SHARE) continue;
    out.push({
      account: r.email ?? r.person_id,
      name: r.name,
      source: null,
      evidence: `${r.posts} posts, no replies, ${r.at_minute} of them at minute :${String(r.minute).padStart(2, '0')}`,
      excluded: false,
      byUserName: false,
    });
  }
  return out;
}
