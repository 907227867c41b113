/**
 * The sample pilot's pilot-report.config.json: the README's main command reads it. Written by the
 * generator (not by hand) because the generator starts from an empty folder every time.
 */
export function samplePilotConfig(): string {
  const config = {
    $schema: '../../schema/config.schema.json',
    inputs: ['yammer', 'slack', 'wiki/aurora-wiki.xml'],
    people: 'people.csv',
    ideasLedger: 'ideas-ledger.csv',
    botAccounts: ['AuroraBot'],
    asOf: '2026-11-01',
    report: { title: 'Aurora pilot: {period}', organization: 'Aurora Manufacturing' },
    businessCase: {
      minutesSavedPerAnsweredQuestion: 15,
      hourlyCost: 55,
      hoursPerActionedIdea: 40,
      moderatorHoursPerMonth: 12,
      licenceCostPerMonth: 0,
      orgSize: 1200,
      currency: 'EUR',
    },
    // The Slack help channels and the leads' private channel are the pilot; the Yammer groups and
    // other channels are "the rest". The private one is echoed as "(private space)" in every output.
    comparison: { pilotSpaces: ['ops-help', 'customer-success', 'people-team', 'aurora-leads'] },
    targets: [
      {
        metric: 'engagement.totals.activePeople',
        op: '>=',
        value: 40,
        level: 'error',
        message: 'At least 40 active people over the pilot',
      },
      {
        metric: 'conversations.questions.answeredRate',
        op: '>=',
        value: 0.7,
        level: 'warn',
        message: 'Seven in ten questions answered',
      },
    ],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
