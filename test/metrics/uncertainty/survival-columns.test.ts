import { afterEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/metrics/prng.js';
import { curveQuantile, kaplanMeier, type KaplanMeierCurve } from '../../../src/metrics/stats/kaplan-meier.js';
import { median } from '../../../src/metrics/stats.js';
import { medianInterval } from '../../../src/metrics/uncertainty/interval.js';
import { computeConversationEvidence } from '../../../src/metrics/uncertainty/index.js';
import { type Subject, type Survival, survivalOf } from '../../../src/metrics/uncertainty/survival.js';
import { shownSpace } from '../../../src/metrics/public-text.js';
import type { Dataset } from '../../../src/model/dataset.js';
import type { Activity, Identity, Space } from '../../../src/model/types.js';
import { periodFromBounds } from '../../../src/time/period.js';
import { act, inlineDataset } from '../../helpers/dataset.js';
import { metricContext } from '../context.js';

/**
 * The response curve is computed from typed columns (issue 16: no object per thread). These
 * tests hold it to an independent path: the object-based curve of stats/kaplan-meier.ts
 * (`kaplanMeier`, `curveQuantile`) with the thinning and grouping the survival module had before,
 * compared value for value (toEqual on doubles: the same operations must give the same bits).
 */

/** The previous survivalOf, on objects, as the oracle. */
function oracle(subjects: readonly Subject[], unit: Survival['unit'], observedUntil: string, minGroupSize: number) {
  const figures = (curve: KaplanMeierCurve) => ({
    n: curve.n,
    events: curve.events,
    censored: curve.n - curve.events,
    median: curveQuantile(curve, 0.5),
    p90: curveQuantile(curve, 0.9),
  });
  const groups = (keyOf: (s: Subject) => { key: string | null; name: string }) => {
    const byKey = new Map<string, { key: string | null; name: string; members: Subject[] }>();
    for (const s of subjects) {
      const { key, name } = keyOf(s);
      const id = key ?? '\u0000';
      const group = byKey.get(id) ?? { key, name, members: [] };
      group.members.push(s);
      byKey.set(id, group);
    }
    return [...byKey.values()]
      .filter((g) => g.members.length >= minGroupSize)
      .map((g) => ({ key: g.key, name: g.name, ...figures(kaplanMeier(g.members)) }))
      .sort((a, b) => b.n - a.n || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  };
  const curve = kaplanMeier(subjects);
  const points: { time: number; survival: number }[] = [];
  if (curve.steps.length > 0) {
    points.push({ time: 0, survival: 1 });
    let last = 1;
    for (const step of curve.steps) {
      if (step.events === 0 || last - step.survival < 0.005) continue;
      points.push({ time: step.time, survival: step.survival });
      last = step.survival;
    }
    const end = curve.steps.at(-1);
    if (end && (points.at(-1)?.time ?? -1) < end.time) points.push({ time: end.time, survival: end.survival });
  }
  return {
    unit,
    observedUntil,
    ...figures(curve),
    curve: points,
    bySpace: groups((s) => s.space),
    byDepartment: groups((s) => ({ key: s.department, name: s.department ?? '(unknown)' })),
  };
}

/** Random subjects: whole hours (many ties, events and censorings at one time), a few spaces with equal names. */
function randomSubjects(seed: number, n: number): Subject[] {
  const random = mulberry32(seed);
  const spaces = [
    { key: 's1', name: 'General' },
    { key: 's2', name: '(private space)' },
    { key: 's3', name: '(private space)' },
    { key: null, name: '' },
    { key: 's4', name: 'Ops' },
  ];
  const departments = ['Sales', 'Ops', null, 'IT'];
  return Array.from({ length: n }, () => ({
    time: random() < 0.1 ? 0 : Math.floor(random() * 40) + (random() < 0.3 ? random() : 0),
    event: random() < 0.7,
    space: spaces[Math.floor(random() * spaces.length)] ?? { key: null, name: '' },
    department: departments[Math.floor(random() * departments.length)] ?? null,
  }));
}

describe('the response curve from columns', () => {
  it('equals the object-based Kaplan-Meier curve, groups and quantiles, on random subjects with ties', () => {
    for (const [seed, n, minGroupSize] of [
      [1, 0, 1],
      [2, 1, 1],
      [3, 7, 2],
      [4, 60, 5],
      [5, 2_000, 30],
      [6, 5_000, 1],
    ] as const) {
      const subjects = randomSubjects(seed, n);
      const expected = oracle(subjects, 'hours', '2026-02-01T00:00:00.000Z', minGroupSize);
      expect(survivalOf(subjects, 'hours', '2026-02-01T00:00:00.000Z', minGroupSize)).toEqual(expected);
      if (n >= 60) expect(expected.curve.length).toBeGreaterThan(2);
    }
  });

  it('keeps equal-sized groups with the same name in the order they first appear', () => {
    const at = (time: number, key: string) => ({
      time,
      event: true,
      space: { key, name: '(private space)' },
      department: null,
    });
    const subjects = [at(1, 'b'), at(2, 'a'), at(3, 'b'), at(4, 'a')];
    expect(survivalOf(subjects, 'hours', '2026-01-01T00:00:00.000Z', 1).bySpace.map((g) => g.key)).toEqual(['b', 'a']);
  });

  it('gives the same median interval on a typed array as on a plain array', () => {
    const random = mulberry32(9);
    const values = Array.from({ length: 501 }, () => Math.floor(random() * 100) / 4);
    const config = { minN: 10, bootstrapSeed: 3, bootstrapResamples: 500 };
    const typed = medianInterval(Float64Array.from(values), config);
    expect(typed).toEqual(medianInterval(values, config));
    expect(typed.value).toBe(median(values));
    expect(medianInterval(values.slice(0, 500), config).value).toBe(median(values.slice(0, 500)));
  });
});

let open: Dataset | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

/**
 * More threads than one DuckDB chunk (2,048 rows) and than the columns' first capacity (1,024),
 * so the stream crosses chunk boundaries and the columns grow several times.
 */
async function manyThreads(threads: number): Promise<{ dataset: Dataset; questions: number }> {
  const random = mulberry32(42);
  const people = ['ana', 'bob', 'cy', 'dee'];
  const departments = ['Sales', 'Ops', null, 'Sales'];
  const identities: Identity[] = people.map((p, i) => ({
    id: `yammer:${p}`,
    source: 'yammer',
    name: p,
    email: `${p}@example.com`,
    department: departments[i] ?? null,
    isBot: false,
  }));
  const spaces: Space[] = [
    { id: 'yammer:general', source: 'yammer', name: 'General', kind: 'group', isPrivate: false },
    { id: 'yammer:secret', source: 'yammer', name: 'Secret', kind: 'group', isPrivate: true },
    { id: 'yammer:ops', source: 'yammer', name: 'Ops', kind: 'group', isPrivate: false },
  ];
  const activities: Activity[] = [];
  const start = Date.parse('2026-01-01T00:00:00Z');
  let questions = 0;
  for (let t = 0; t < threads; t += 1) {
    const who = people[Math.floor(random() * people.length)] ?? 'ana';
    const spaceId = spaces[Math.floor(random() * spaces.length)]?.id ?? 'yammer:general';
    const at = start + Math.floor(random() * 30 * 24) * 3_600_000;
    const id = `T${t}`;
    const asks = random() < 0.5;
    if (asks) questions += 1;
    const text = asks ? 'Why is the build red?' : 'Release notes attached.';
    activities.push(act({ id, at: new Date(at).toISOString(), identityId: `yammer:${who}`, spaceId, text }));
    if (random() < 0.6) {
      const other = people.find((p) => p !== who) ?? 'bob';
      const replyAt = at + Math.floor(random() * 72) * 1_800_000;
      activities.push(
        act({
          id: `${id}r`,
          kind: 'reply',
          threadId: id,
          parentId: id,
          at: new Date(replyAt).toISOString(),
          identityId: `yammer:${other}`,
          spaceId,
        }),
      );
    }
  }
  const { dataset } = await inlineDataset({ identities, spaces, activities });
  open = dataset;
  return { dataset, questions };
}

describe('thread waits streamed in chunks', () => {
  it('gives the curve and intervals of the threads read at once, across chunk boundaries', async () => {
    const { dataset, questions } = await manyThreads(5_000);
    const ctx = metricContext(periodFromBounds('2026-01-01', '2026-02-01', 'UTC'), {
      asOf: '2026-02-01T00:00:00Z',
      config: { minGroupSize: 5, uncertainty: { minN: 10, bootstrapSeed: 1, bootstrapResamples: 200 } },
    });
    const evidence = await computeConversationEvidence(dataset.query, ctx);
    // The independent path: every thread at once, as objects.
    const rows = await dataset.query.all<{
      started_ms: number;
      hours: number | null;
      space_id: string;
      space_name: string;
      is_private: boolean;
      department: string | null;
    }>(`
      SELECT epoch_ms(s.occurred_at)::DOUBLE AS started_ms,
             (epoch_ms(min(r.occurred_at)) - epoch_ms(s.occurred_at)) / 3600000.0 AS hours,
             s.space_id, sp.name AS space_name, sp.is_private, p.department
      FROM activities s
      LEFT JOIN activities r ON r.thread_id = s.thread_id AND r.kind = 'reply' AND r.person_id <> s.person_id
      JOIN spaces sp ON sp.space_id = s.space_id
      JOIN persons p ON p.person_id = s.person_id
      WHERE s.kind = 'post'
      GROUP BY s.activity_id, s.occurred_at, s.space_id, sp.name, sp.is_private, p.department
      ORDER BY s.occurred_at, s.activity_id`);
    expect(rows.length).toBe(5_000);
    const until = Date.parse('2026-02-01T00:00:00Z');
    const subjects: Subject[] = rows.map((r) => {
      const waited = Math.max(0, (until - r.started_ms) / 3_600_000);
      const answered = r.hours !== null && r.hours <= waited;
      return {
        time: answered ? Math.max(0, r.hours ?? 0) : waited,
        event: answered,
        space: { key: r.space_id, name: shownSpace(r.is_private, r.space_name) },
        department: r.department,
      };
    });
    const expected = oracle(subjects, 'hours', '2026-02-01T00:00:00.000Z', 5);
    expect(evidence.responseSurvival).toEqual(expected);
    expect(expected.bySpace.map((g) => g.name).sort()).toEqual(['(private space)', 'General', 'Ops']);
    const hours = rows.flatMap((r) => (r.hours === null ? [] : [r.hours]));
    expect(evidence.answeredRateInterval.n).toBe(5_000);
    expect(evidence.answeredRateInterval.value).toBe(hours.length / 5_000);
    expect(evidence.medianHoursToFirstResponseInterval).toEqual(medianInterval(hours, ctx.config.uncertainty));
    expect(questions).toBeGreaterThan(2_000);
    expect(evidence.questions.answeredRateInterval.n).toBe(questions);
  });
});
