/**
 * Private conversations are excluded by default, and the text of private spaces (bodies, titles,
 * group names) appears in no output: metrics.json, the PDF, the Markdown summary, stdout or the
 * (verbose) log. Marker strings are planted in every private place of a Yammer + Slack pilot.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { leaks, PRIVATE_MARKERS, PUBLIC_MARKER, runPilot, type RunOutputs } from './pilot.js';

describe('private content', () => {
  let byDefault: RunOutputs;
  let withPrivate: RunOutputs;
  beforeAll(async () => {
    byDefault = await runPilot([]);
    withPrivate = await runPilot(['--include-private']);
  }, 60_000);

  it('the search finds planted public text (so an absence below means something)', () => {
    expect(byDefault.metrics).toContain(PUBLIC_MARKER);
  });

  it('by default, private conversations are skipped as private and counted', () => {
    const sources = JSON.parse(byDefault.metrics).sources as Array<{
      kind: string;
      records: { read: number; used: number; skippedByReason: Record<string, number> };
    }>;
    // Yammer: rows 5-7 are a private conversation (7 also has a bad date, but privacy is checked first).
    // Slack: the DM's one message. Private groups/channels are counted (used), not skipped.
    expect(sources.map((s) => [s.kind, s.records.read, s.records.used, s.records.skippedByReason])).toEqual([
      ['yammer', 7, 4, { private: 3 }],
      ['slack', 5, 4, { private: 1 }],
    ]);
  });

  it('by default, no private text reaches any output or the log', () => {
    expect(leaks(byDefault, PRIVATE_MARKERS)).toEqual([]);
  });

  it('with --include-private, private conversations are counted and their text still reaches no output', () => {
    const sources = JSON.parse(withPrivate.metrics).sources as Array<{ kind: string; records: { used: number } }>;
    // Yammer: row 7 (bad date) is now skipped as malformed, with a warning that names only the line.
    expect(sources.map((s) => [s.kind, s.records.used])).toEqual([
      ['yammer', 6],
      ['slack', 5],
    ]);
    expect(withPrivate.result.stderr).toMatch(/Messages\.csv:8: column "created_at": "not a date" is not a date/);
    expect(leaks(withPrivate, PRIVATE_MARKERS)).toEqual([]);
  });
});
