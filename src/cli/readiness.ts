import type { ResolvedConfig } from '../config/defaults.js';
import type { SetupFacts } from '../metrics/setup/facts.js';
import { FILL_HINTS, GAP_EFFECTS, reportGaps } from '../metrics/setup/gaps.js';
import { ACCOUNT_TRAITS } from '../sources/registry.js';

/** One thing the report will lack (or treat specially), and the setting or file that changes it. */
export interface ReadinessItem {
  /** Stable key for scripts: `people`, `identities`, `departments`, `moderators`, `businessCase`, `privateSpaces`, `bots`, `wikiBotsByName`. */
  key: string;
  /** What the report will lack, with the counts behind it. */
  finding: string;
  /** The setting or file that fixes it (or why nothing needs fixing). */
  fix: string;
}

/** What `validate` says after the counts: what the report will lack, and how to fix it. */
export function readiness(facts: SetupFacts, config: ResolvedConfig): ReadinessItem[] {
  const items: ReadinessItem[] = [];
  const looksOne = facts.suggestions.reduce((n, s) => n + 1 + new Set(s.aliases).size, 0);
  if (!config.people) {
    items.push({
      key: 'people',
      finding: `no people file: accounts are merged by e-mail only${facts.suggestions.length > 0 ? `, and ${looksOne} accounts look like ${facts.suggestions.length} people` : ''}`,
      fix: 'set "people" to a people file (email, name, department, role, aliases); pilot-report init writes people.suggested.csv to start from',
    });
  } else if (facts.suggestions.length > 0) {
    items.push({
      key: 'identities',
      finding: `${looksOne} accounts still look like ${facts.suggestions.length} people (${facts.suggestions.map((s) => s.anchor.name ?? s.anchor.personId).join(', ')})`,
      fix: `add their accounts to "aliases" in ${config.people}`,
    });
  }
  const gaps = reportGaps({
    moderators: facts.moderatorsByRole.length + config.moderators.length,
    withDepartment: facts.withDepartment,
    hourlyCost: config.businessCase.hourlyCost,
    currency: config.businessCase.currency,
  });
  for (const gap of gaps) items.push({ key: gap, finding: GAP_EFFECTS[gap], fix: FILL_HINTS[gap] });
  if (facts.privateSpaces > 0) {
    items.push({
      key: 'privateSpaces',
      finding: `${facts.privateSpaces} private space(s): their activity is counted, their text is never shown`,
      fix: 'nothing to fix: private spaces are always treated so',
    });
  }
  const guessed = facts.bots.filter((b) => !b.excluded);
  if (guessed.length > 0) {
    items.push({
      key: 'bots',
      finding: `${guessed.length} account(s) look machine-made: ${guessed.map((b) => `${b.name ?? b.account} (${b.evidence})`).join('; ')}`,
      fix: `add ${guessed.length === 1 ? 'it' : 'those that are bots'} to "botAccounts"`,
    });
  }
  const byName = facts.bots.filter((b) => b.excluded && b.byUserName);
  if (byName.length > 0) {
    const kinds = [...new Set(byName.map((b) => b.source ?? ''))];
    items.push({
      key: 'wikiBotsByName',
      finding: `${kinds.map((k) => ACCOUNT_TRAITS[k]?.adjective ?? k).join(' and ')} account(s) counted as bots: ${byName.map((b) => b.account).join(', ')}`,
      fix: `"!<name>" in "botAccounts", or a people-file row with the alias ${kinds.map((k) => `${k}:<name>`).join(' or ')}, makes one a person`,
    });
  }
  return items;
}
