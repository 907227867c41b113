import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { builtInTemplates, deepMerge, fill, loadTemplate } from '../../../src/report/pdf/template.js';

const folders: string[] = [];

async function templateFolder(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'pilot-report-template-'));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
  return folder;
}

afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('loadTemplate', () => {
  it('ships default and print-mono; print-mono takes its text from default', () => {
    expect(builtInTemplates()).toEqual(['default', 'print-mono']);
    const mono = loadTemplate('print-mono');
    expect(mono.theme.colours.accent).toBe('#000000');
    expect(mono.theme.sectionOrder).toEqual(loadTemplate().theme.sectionOrder);
    expect(mono.text.tiles.activePeople.label).toBe('Active people');
  });

  it('merges a partial folder over the default and resolves its logo', async () => {
    const folder = await templateFolder({
      'theme.json': JSON.stringify({
        colours: { accent: '#123456' },
        logo: 'logo.png',
        sectionOrder: ['business-case', 'appendix'],
      }),
      'text.json': JSON.stringify({ ask: { heading: 'Our request' } }),
      'logo.png': 'not read here',
    });
    const template = loadTemplate(folder);
    expect(template.theme.colours).toMatchObject({ accent: '#123456', text: '#222222' });
    expect(template.theme.sectionOrder).toEqual(['business-case', 'appendix']);
    expect(template.text.ask).toMatchObject({
      heading: 'Our request',
      fallback: 'Continue the pilot for another period and review these figures again.',
    });
    expect(template.logoPath).toBe(join(folder, 'logo.png'));
  });

  it('names the file and the key of a bad value', async () => {
    const folder = await templateFolder({ 'theme.json': JSON.stringify({ colours: { accent: 'blue' } }) });
    expect(() => loadTemplate(folder)).toThrow(ConfigError);
    expect(() => loadTemplate(folder)).toThrow(
      `${join(folder, 'theme.json')} key "colours.accent": a colour like "#0072B2"`,
    );
    const text = await templateFolder({
      'text.json': JSON.stringify({ tiles: { activePeople: { label: 'People', sentence: 1 } } }),
    });
    expect(() => loadTemplate(text)).toThrow(`${join(text, 'text.json')} key "tiles.activePeople.sentence"`);
    const order = await templateFolder({ 'theme.json': '{"sectionOrder": ["cover"]}' });
    expect(() => loadTemplate(order)).toThrow('key "sectionOrder.0"');
    const broken = await templateFolder({ 'theme.json': '{ nope' });
    expect(() => loadTemplate(broken)).toThrow(`${join(broken, 'theme.json')}: not valid JSON`);
  });

  it('refuses an unknown name, listing the built-in ones', () => {
    expect(() => loadTemplate('fancy')).toThrow(
      '--template: no built-in template "fancy"\n  hint: built-in templates are default, print-mono',
    );
    expect(() => loadTemplate('./no/such/folder')).toThrow('--template: folder not found');
  });
});

describe('fill and deepMerge', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(fill('{value} of {raised} ideas; {typo}', { value: '3', raised: 7 })).toBe('3 of 7 ideas; {typo}');
  });

  it('merges objects key by key and replaces arrays', () => {
    expect(deepMerge({ a: { b: 1, c: 2 }, list: [1, 2] }, { a: { c: 3 }, list: [9] })).toEqual({
      a: { b: 1, c: 3 },
      list: [9],
    });
  });
});
