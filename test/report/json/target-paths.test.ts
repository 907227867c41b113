import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configAndInputs } from '../../../src/cli/config-and-inputs.js';
import { ConfigError } from '../../../src/errors.js';
import { targetPathProblem } from '../../../src/report/json/target-paths.js';

describe('a target path is valid when the metrics.json schema says it leads to a number', () => {
  it('accepts numbers of every section, nullable ones too, through arrays by index and named records', () => {
    for (const metric of [
      'conversations.answeredRate',
      'conversations.questions.medianHoursToFirstResponse',
      'engagement.monthly.-1.activePeople',
      'engagement.weekly.0.contributors',
      'engagement.totals.retentionInterval.low',
      'sources.0.records.read',
      'ideas.funnel.actioned',
      'ideas.conversion.decided',
      'moderation.moderatorFirstResponseShare',
      'recognition.people.0.score',
      'network.density',
      'network.interactions.reply',
      'redundancy.clustersFound',
      'businessCase.scenarios.base.roi',
      'identities.persons',
    ])
      expect(targetPathProblem(metric), metric).toBeNull();
  });

  it('names the path and what is there when it is no number', () => {
    expect(targetPathProblem('conversations.answerRate')).toBe(
      '"conversations.answerRate": conversations has no "answerRate"; it is an object (threads, answered, answeredRate, answeredRateInterval, medianHoursToFirstResponse, medianHoursToFirstResponseInterval, p90HoursToFirstResponse, responseSurvival, …)',
    );
    expect(targetPathProblem('engagement.monthly.last.activePeople')).toBe(
      '"engagement.monthly.last.activePeople": engagement.monthly has no "last"; it is a list (name an item by its index: 0 for the first, -1 for the last)',
    );
    expect(targetPathProblem('engagement.monthly')).toBe(
      '"engagement.monthly" is a list (name an item by its index: 0 for the first, -1 for the last), not a number',
    );
    expect(targetPathProblem('ideas.funnel.approved')).toBe(
      '"ideas.funnel.approved": ideas.funnel has no "approved"; it is an object (actioned, decided, discussed, endorsed, raised)',
    );
    expect(targetPathProblem('period.timeZone')).toBe('"period.timeZone" is text, not a number');
    expect(targetPathProblem('period.since.year')).toBe('"period.since.year": period.since is text, not a section');
    expect(targetPathProblem('lurkers')).toBe(
      '"lurkers": metrics.json has no "lurkers"; it is an object (schemaVersion, generatedAt, tool, provenance, period, sources, identities, engagement, …)',
    );
  });

  it('stops the run with a config error (exit 2) listing every bad target, before any input is read', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'targets-'));
    try {
      const configPath = path.join(dir, 'pilot-report.config.json');
      await writeFile(
        configPath,
        JSON.stringify({
          targets: [
            { metric: 'conversations.answeredRate', op: '>=', value: 0.7 },
            { metric: 'network', op: '>', value: 1 },
            { metric: 'businessCase.roi', op: '>', value: 1 },
          ],
        }),
      );
      const log = { verbose: () => {}, warn: () => {} };
      const error = await configAndInputs('analyze', ['export.zip'], { configPath, flags: {} }, log).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).exitCode).toBe(2);
      expect((error as ConfigError).message.split('\n')).toEqual([
        'config: targets: "network" is an object (connectedPeople, density, departments, interactions, people, ties, topBrokers, warnings, …), not a number',
        'config: targets: "businessCase.roi": businessCase has no "roi"; it is an object (assumptions, concentration, currency, estimate, scenarios, warnings)',
        '  hint: a target names a number in metrics.json, e.g. conversations.answeredRate or engagement.monthly.-1.activePeople (docs/metrics.md)',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
