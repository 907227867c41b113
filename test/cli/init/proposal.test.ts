import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProposal, defaultPilotName, suggestedPeopleCsv } from '../../../src/cli/init/proposal.js';
import { findSideFiles, sideFileKind } from '../../../src/cli/init/side-files.js';
import type { Survey } from '../../../src/cli/init/survey.js';
import { makeTempDir, removeTempDirs } from '../../helpers/temp-dir.js';

afterAll(removeTempDirs);

describe('side files by header', () => {
  it('knows a ledger by idea, stage, date and a people file by email or aliases with a person column; an export is neither', () => {
    expect(sideFileKind(['idea', 'stage', 'date', 'note'])).toBe('ideasLedger');
    expect(sideFileKind(['email', 'name', 'department'])).toBe('people');
    expect(sideFileKind(['aliases', 'role'])).toBe('people');
    expect(sideFileKind(['email'])).toBeNull(); // a bare list of addresses says nothing about people
    expect(sideFileKind(['email', 'name', 'body', 'created_at'])).toBeNull(); // a message export
    expect(sideFileKind(['id', 'name'])).toBeNull();
  });

  it('finds them under any name, leaves its own suggestions alone, and names a second candidate', async () => {
    const dir = makeTempDir('pilot-report-side-');
    writeFileSync(path.join(dir, 'HR staff.csv'), '\uFEFFEmail;Name;Department\na@x.example;A;Sales\n');
    writeFileSync(path.join(dir, 'z-people.csv'), 'email,name\n');
    writeFileSync(path.join(dir, 'people.suggested.csv'), 'email,name,department,role,aliases,evidence\n');
    writeFileSync(path.join(dir, 'what happened.csv'), 'Idea,Stage,Date\n');
    writeFileSync(path.join(dir, 'notes.csv'), 'just,some,columns\n');
    expect(await findSideFiles(dir)).toEqual({
      people: 'HR staff.csv',
      ideasLedger: 'what happened.csv',
      notes: [
        'z-people.csv also looks like a people file; HR staff.csv is used (change "people" in the config to use the other)',
      ],
    });
  });
});

const survey = (over: Partial<Survey> = {}): Survey => ({
  active: [],
  withDepartment: 0,
  moderatorsByRole: [],
  privateSpaces: 0,
  bots: [],
  suggestions: [],
  firstAt: null,
  lastAt: null,
  people: [],
  peopleHaveDepartments: false,
  botRecords: [],
  ...over,
});

describe('the proposal', () => {
  it('names the pilot after the most common e-mail domain, else the folder', () => {
    expect(
      defaultPilotName(['a@aurora.example', 'b@aurora.example', 'c@contractor.example', 'slack:U1'], 'exports'),
    ).toBe('Aurora');
    expect(defaultPilotName(['slack:U1'], 'exports')).toBe('Exports');
  });

  it('writes answers into the config, notes on the inputs left unset, only extra moderators, and proposed bots', () => {
    const s = survey({
      moderatorsByRole: ['mod@x.example'],
      bots: [
        {
          account: 'AuroraBot',
          name: 'AuroraBot',
          source: 'mediawiki',
          evidence: 'wiki',
          excluded: true,
          byUserName: true,
        },
        {
          account: 'U0BOT',
          name: 'Digest',
          source: 'slack',
          evidence: 'Slack marks it',
          excluded: true,
          byUserName: false,
        },
        {
          account: 'digest@x.example',
          name: 'Digest',
          source: null,
          evidence: '12 posts',
          excluded: false,
          byUserName: false,
        },
      ],
    });
    const p = buildProposal(
      s,
      { people: 'staff.csv', ideasLedger: null },
      { pilotName: 'Aurora', currency: 'EUR', hourlyCost: 55, moderators: ['mod@x.example', 'ana@x.example'] },
    );
    expect(p.config).toMatchObject({
      people: 'staff.csv',
      botAccounts: ['AuroraBot', 'digest@x.example'],
      moderators: ['ana@x.example'],
      report: { title: 'Aurora pilot: {period}' },
      businessCase: { minutesSavedPerAnsweredQuestion: 15, currency: 'EUR', hourlyCost: 55 },
    });
    expect(Object.keys(p.config.businessCase?.$notes ?? {})).toEqual([
      'hoursPerActionedIdea',
      'moderatorHoursPerMonth',
      'licenceCostPerMonth',
      'orgSize',
    ]);
    expect(p.config).not.toHaveProperty('ideasLedger');
    expect(p.suggestedPeople).toBeNull();
    expect(p.nextSteps).toEqual([
      'Fill in businessCase hoursPerActionedIdea, moderatorHoursPerMonth, licenceCostPerMonth, orgSize (a note under businessCase.$notes says what each is); without hourlyCost and currency page 2 shows no money.',
      'Add a department column to staff.csv: the silo page needs departments.',
      'Check botAccounts: accounts whose messages look machine-made are proposed there; remove any that is a person.',
      'Optional: an idea ledger (idea, stage, date, note, value) records outcomes decided outside the tools; set "ideasLedger".',
      'Check report.title: {period} becomes the report period.',
      'Run pilot-report validate, then pilot-report analyze.',
    ]);
  });

  it('without a people file, writes the suggestions as a people file to confirm, formula-safe', () => {
    const suggestions = [
      {
        anchor: { personId: 'jo@x.example', name: 'José Núñez', email: 'jo@x.example' },
        aliases: ['mediawiki:JNunez', 'slack:U1'],
        evidence: ['same name', 'wiki "JNunez"'],
      },
      {
        anchor: { personId: 'slack:U2', name: '=Wang Wei', email: null },
        aliases: ['teams:t2'],
        evidence: ['same name'],
      },
    ];
    expect(suggestedPeopleCsv(suggestions)).toBe(
      'email,name,department,role,aliases,evidence\n' +
        'jo@x.example,José Núñez,,,mediawiki:JNunez;slack:U1,"same name; wiki ""JNunez"""\n' +
        ",'=Wang Wei,,,slack:U2;teams:t2,same name\n",
    );
    const p = buildProposal(
      survey({ suggestions }),
      { people: null, ideasLedger: 'ledger.csv' },
      { pilotName: 'X', currency: null, hourlyCost: null, moderators: [] },
    );
    expect(p.suggestedPeople).toBe(suggestedPeopleCsv(suggestions));
    expect(p.nextSteps[1]).toBe(
      'Check people.suggested.csv (2 person(s) with accounts that look like one), rename it to people.csv and set "people": "people.csv".',
    );
    expect(p.nextSteps[2]).toMatch(/^Name the moderators/);
  });
});
