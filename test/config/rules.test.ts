import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, normalizeConfig, toMetricsConfig } from '../../src/config/defaults.js';
import { checkConfig } from '../../src/config/rules.js';
import { DEFAULT_METRICS_CONFIG } from '../../src/metrics/types.js';

describe('checkConfig', () => {
  it('finds nothing wrong with the defaults', () => {
    expect(checkConfig(DEFAULT_CONFIG)).toEqual({ errors: [], warnings: [] });
  });

  it('refuses a malformed period, an unknown zone, bad dates and since after until', () => {
    const config = normalizeConfig({ period: 'Q3', timeZone: 'Europe/Pariss' });
    expect(checkConfig(config).errors).toEqual([
      'config: period "Q3": not a period\n  hint: use 2026-10, 2026-07..2026-09, 2026-Q3, last-month, last-quarter or 2026-07-01..2026-09-30',
      'config: timeZone "Europe/Pariss": not an IANA time zone\n  hint: use e.g. UTC, Europe/Paris or America/New_York',
    ]);
    const dates = normalizeConfig({ since: '2026-10-01', until: '2026-09-01', asOf: 'tomorrow' });
    expect(checkConfig(dates).errors).toEqual([
      'config: asOf "tomorrow": not a date\n  hint: use YYYY-MM-DD or an ISO 8601 instant such as 2026-10-01T00:00:00Z',
      'config: since "2026-10-01" is not before until "2026-09-01" (the period is [since, until))',
    ]);
  });

  it('leaves targets to the metrics: a target on an unknown path is no config error or warning', () => {
    const config = normalizeConfig({ targets: [{ metric: 'conversations.answerRate', op: '>=', value: 0.7 }] });
    expect(checkConfig(config)).toEqual({ errors: [], warnings: [] });
  });

  it('warns when the baseline is the file this run overwrites', () => {
    const config = normalizeConfig({ out: 'reports', baseline: 'reports/metrics.json' });
    expect(checkConfig(config).warnings).toEqual([
      'config: baseline "reports/metrics.json" is also where this run writes metrics.json; it will be overwritten',
    ]);
  });
});

describe('defaults', () => {
  it('fills every default and builds the metrics config from it', () => {
    expect(DEFAULT_CONFIG).toMatchObject({
      inputs: [],
      out: './pilot-report-out/',
      timeZone: 'UTC',
      includePrivate: false,
      anonymize: false,
      strict: false,
      unansweredListSize: 10,
      minGroupSize: 5,
      businessCase: { minutesSavedPerAnsweredQuestion: 15 },
      targets: [],
    });
    expect(toMetricsConfig(DEFAULT_CONFIG)).toEqual(DEFAULT_METRICS_CONFIG);
    const custom = normalizeConfig({
      moderators: ['mod@example.com'],
      ideas: { spaces: ['Ideas'], endorseThreshold: 2 },
      minGroupSize: 3,
    });
    expect(toMetricsConfig(custom)).toEqual({
      ...DEFAULT_METRICS_CONFIG,
      moderators: ['mod@example.com'],
      ideaSpaces: ['Ideas'],
      endorseThreshold: 2,
      minGroupSize: 3,
    });
  });

  it('does not share the default arrays with the resolved config', () => {
    const config = normalizeConfig({});
    config.ideas.tags.push('#changed');
    expect(DEFAULT_METRICS_CONFIG.ideaTags).toEqual(['#idea', '#suggestion', '#proposal']);
  });
});
