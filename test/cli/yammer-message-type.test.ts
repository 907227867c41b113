import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeInputs } from '../../src/cli/analysis.js';
import { flagsToConfig } from '../../src/cli/flags.js';
import { loadConfig } from '../../src/config/load.js';
import { SOURCE_KINDS } from '../../src/sources/registry.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/yammer/typed-question-announcement-poll-praise');

/**
 * Yammer's `message_type` decides whether a thread is a question (issue 13), from the export to
 * the metrics.json document: the analysis `analyze` runs, in this process (the spawned CLI added
 * nothing the test looks at; the flags go through the same flagsToConfig and loadConfig).
 * Hand count over the fixture's six threads:
 * - 1 typed question, no "?" in its text, answered by 12 an hour later: a question, answered (1 h);
 * - 3 announcement and 4 poll ask in their text, 5 praise: not questions;
 * - 6 (update) and 7 (no type) ask in their text: questions by the patterns, unanswered.
 * => 6 threads; questions 3 (1, 6, 7), answered 1, median 1 h; unanswered 6 and 7.
 */
describe('Yammer message_type', () => {
  it('makes a typed question a question and an announcement, poll or praise not one', async () => {
    const { config } = await loadConfig({
      sourceKinds: SOURCE_KINDS,
      cwd: FIXTURE,
      env: { TZ: 'UTC' },
      flags: flagsToConfig({ since: '2026-03-01', until: '2026-04-01' }),
    });
    const warnings: string[] = [];
    const { document } = await analyzeInputs([FIXTURE], config, {
      warn: (m) => warnings.push(m),
      verbose: () => {},
    });
    // Only the readiness gaps (no people file, moderators or money); no row of the export is refused.
    expect(warnings.filter((w) => w.includes('Messages.csv'))).toEqual([]);
    const conversations = JSON.parse(JSON.stringify(document.conversations));
    expect(conversations.threads).toBe(6);
    expect(conversations.questions).toMatchObject({ threads: 3, answered: 1, medianHoursToFirstResponse: 1 });
    expect(conversations.questions.unanswered.map((t: { id: string }) => t.id).sort()).toEqual([
      'yammer:6',
      'yammer:7',
    ]);
  });
});
