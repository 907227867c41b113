import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/yammer/typed-question-announcement-poll-praise');

/**
 * Yammer's `message_type` decides whether a thread is a question (issue 13), from the export to
 * metrics.json. Hand count over the fixture's six threads:
 * - 1 typed question, no "?" in its text, answered by 12 an hour later: a question, answered (1 h);
 * - 3 announcement and 4 poll ask in their text, 5 praise: not questions;
 * - 6 (update) and 7 (no type) ask in their text: questions by the patterns, unanswered.
 * => 6 threads; questions 3 (1, 6, 7), answered 1, median 1 h; unanswered 6 and 7.
 */
describe('Yammer message_type', () => {
  it('makes a typed question a question and an announcement, poll or praise not one', () => {
    const dir = makeTempDir('pilot-report-type-');
    const out = path.join(dir, 'out');
    const result = runCli(['analyze', FIXTURE, '--since', '2026-03-01', '--until', '2026-04-01', '--out', out]);
    expect(result.code).toBe(0);
    const metrics = JSON.parse(readFileSync(path.join(out, 'metrics.json'), 'utf8'));
    expect(metrics.conversations.threads).toBe(6);
    expect(metrics.conversations.questions).toMatchObject({ threads: 3, answered: 1, medianHoursToFirstResponse: 1 });
    expect(metrics.conversations.questions.unanswered.map((t: { id: string }) => t.id).sort()).toEqual([
      'yammer:6',
      'yammer:7',
    ]);
  }, 60_000);
});
