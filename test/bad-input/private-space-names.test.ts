/**
 * A private space's name is private text (issue 19, item 5): a `[[group:200]]` reference to a
 * private Yammer group, or a Slack `<#G1|label>` link to a private channel, in a public message
 * must not bring the name (or the label) into thread titles in metrics.json or the PDF.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { readPdf } from '../helpers/pdf-text.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { fixture, load, tempDir } from './harness.js';

afterAll(removeTempDirs);

const PRIVATE_NAMES = ['Secret Merger Team', 'secret-plans', 'hidden-label'];

describe('private space names in public messages', () => {
  it('Yammer: [[group:ID]] of a private group reads "a private group"; a public group keeps its name', async () => {
    const { activities } = await load([fixture('yammer-private-group-referenced')]);
    expect(activities.find((a) => a.activity_id === 'yammer:1')?.text).toBe(
      'Ideas welcome: should we ask a private group or Marketing about it?',
    );
  });

  it('Slack: <#G1|label> of a private channel reads "#private-channel", an unlisted channel "#channel", a public one its name', async () => {
    const { activities } = await load([fixture('slack-private-channel-linked')]);
    expect(activities.find((a) => a.space_id === 'slack:C1')?.text).toBe(
      'Ideas welcome: should we see #private-channel, #general or #channel?',
    );
  });

  it('neither name reaches metrics.json or the PDF, where the public titles are shown', async () => {
    const dir = tempDir();
    const result = await runCliInProcess(
      ['analyze', fixture('yammer-private-group-referenced'), fixture('slack-private-channel-linked'), '--out', 'out'],
      { cwd: dir, env: { SOURCE_DATE_EPOCH: '1775000000' } },
    );
    expect(result.code).toBe(0);
    const json = readFileSync(path.join(dir, 'out/metrics.json'), 'utf8');
    const pdf = (await readPdf(readFileSync(path.join(dir, 'out/report.pdf')))).pages.join('\n');
    // The titles are there, in metrics.json and in the PDF's unanswered questions (so their absence below means something)...
    expect(json).toContain('Ideas welcome: should we ask a private group or Marketing about it?');
    expect(pdf).toContain('Ideas welcome: should we see #private-channel, #general');
    // ...and the private names are not, anywhere.
    for (const name of PRIVATE_NAMES) {
      expect(json).not.toContain(name);
      expect(pdf).not.toContain(name);
      expect(result.stderr).not.toContain(name);
    }
  });
});
