import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigError } from '../../errors.js';
import { PARSED_ONCE } from '../drawn-section.js';

/**
 * Report templates (`--template <name|dir>`): a folder holding `theme.json` (colours, chart
 * palette, logo, organization, section order) and `text.json` (sentence templates with
 * `{placeholders}`). Built-in templates live in `templates/` at the package root. Either file may
 * be missing or partial: what it does not set comes from `templates/default/`, so a champion can
 * copy one file, change one colour, and keep the rest.
 */

/** The folder of the built-in templates (same relative place from `src/` and from `dist/`). */
export const TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../templates');

/** Section ids a template may order; the cover always comes first. */
export const SECTION_IDS = [
  'executive-summary',
  'engagement',
  'conversations',
  'ideas',
  'contributors',
  'organization',
  'comparisons',
  'business-case',
  'appendix',
] as const;
/** Identifier of a report section. */
export type SectionId = (typeof SECTION_IDS)[number];

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like "#0072B2"');
const line = z.string().min(1);
const tile = z.strictObject({ label: line, sentence: line });

const themeSchema = z.strictObject({
  $schema: z.string().optional(),
  colours: z.strictObject({
    text: colour,
    muted: colour,
    accent: colour,
    rule: colour,
    tileFill: colour,
    tableHeaderFill: colour,
    zebra: colour,
    good: colour,
    bad: colour,
  }),
  chartPalette: z.array(colour).min(2),
  /** Path of a PNG or JPEG logo, relative to the template folder. */
  logo: z.string().min(1).optional(),
  organization: z.string().min(1).optional(),
  sectionOrder: z.array(z.enum(SECTION_IDS)).min(1),
  /** Font face of the deck's text (`--pptx`); the PDF embeds DejaVu Sans, a deck names a face the viewer has. */
  deckFont: z.string().min(1).optional(),
});

const textSchema = z.strictObject({
  $schema: z.string().optional(),
  reportTitle: line,
  cover: z.strictObject({
    preparedFor: line,
    period: line,
    sources: line,
    noSources: line,
    generated: line,
    contents: line,
  }),
  omitted: line,
  tiles: z.strictObject({
    activePeople: tile,
    contributors: tile,
    answeredRate: tile,
    firstResponse: tile,
    ideasActioned: tile,
    hoursSaved: tile,
  }),
  stories: z.strictObject({ heading: line, actioned: line, decided: line, untitled: line, none: line }),
  ask: z.strictObject({ heading: line, stalled: line, moderation: line, scaleUp: line, fallback: line }),
  estimateLabel: line,
  /** Slide titles and lines of the deck (`--pptx`). */
  deck: z.strictObject({
    headline: line,
    monthlyChart: line,
    funnelChart: line,
    businessCase: line,
    moneyLine: line,
    hoursLine: line,
    noBusinessCase: line,
    sources: line,
    anonymized: line,
  }),
  /** The thank-you post (`--community-post`): its tone is the champion's to change. */
  communityPost: z.strictObject({
    heading: line,
    achieved: line,
    ideasHeading: line,
    idea: line,
    moreIdeas: line,
    privateIdeas: line,
    thanksHeading: line,
    helpers: line,
    ideaMakers: line,
    connectors: line,
    more: line,
    others: line,
    unnamed: line,
    closing: line,
  }),
});

/** Colours, palette, logo, organization and section order of a template. */
export type TemplateTheme = z.infer<typeof themeSchema>;
/** The sentence templates of a template. */
export type TemplateText = z.infer<typeof textSchema>;

/** A resolved template. */
export interface ReportTemplate {
  /** The name or folder it was chosen by. */
  name: string;
  theme: TemplateTheme;
  text: TemplateText;
  /** Absolute path of the logo, when the theme names one. */
  logoPath: string | null;
}

/**
 * Resolves `--template`: a built-in name (a folder of `templates/`) or a folder path. Default:
 * `default`. Throws a ConfigError naming the file and the key of the first invalid value.
 */
export function loadTemplate(nameOrDir: string = 'default'): ReportTemplate {
  const folder = templateFolder(nameOrDir);
  const defaults = join(TEMPLATES_DIR, 'default');
  const theme = loadPart(themeSchema, 'theme.json', defaults, folder);
  const text = loadPart(textSchema, 'text.json', defaults, folder);
  const logoPath = theme.logo === undefined ? null : isAbsolute(theme.logo) ? theme.logo : join(folder, theme.logo);
  if (logoPath !== null && !existsSync(logoPath)) {
    throw new ConfigError(`${join(folder, 'theme.json')} key "logo": file not found: ${logoPath}`);
  }
  return { name: nameOrDir, theme, text, logoPath };
}

function templateFolder(nameOrDir: string): string {
  const looksLikePath = /[\\/]/.test(nameOrDir) || nameOrDir.startsWith('.');
  const folder = looksLikePath ? resolve(nameOrDir) : join(TEMPLATES_DIR, nameOrDir);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    const what = looksLikePath ? `folder not found: ${folder}` : `no built-in template "${nameOrDir}"`;
    throw new ConfigError(
      `--template: ${what}\n  hint: built-in templates are ${builtInTemplates().join(', ')}; or give a folder holding theme.json and/or text.json`,
    );
  }
  return folder;
}

/** Names of the built-in templates, sorted. */
export function builtInTemplates(): string[] {
  return readdirSync(TEMPLATES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Reads `file` of the default folder and of `folder`, merges them, and validates the result. */
function loadPart<T>(schema: z.ZodType<T>, file: string, defaults: string, folder: string): T {
  const base = readJson(join(defaults, file));
  const own = folder === defaults ? {} : readJson(join(folder, file));
  const result = schema.safeParse(deepMerge(base, own), PARSED_ONCE);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = issue ? issue.path.map(String).join('.') : '';
  const owner = issue && hasPath(own, issue.path) ? join(folder, file) : join(defaults, file);
  throw new ConfigError(
    `${owner} key "${key}": ${issue?.message ?? 'invalid'}\n  hint: compare with ${join(defaults, file)}`,
  );
}

function readJson(file: string): unknown {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; anything else (arrays included) in `over` replaces `base`. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = deepMerge(base[key], value);
  return merged;
}

function hasPath(value: unknown, path: ReadonlyArray<PropertyKey>): boolean {
  let current = value;
  for (const step of path) {
    if (!isPlainObject(current) || typeof step !== 'string' || !Object.hasOwn(current, step))
      return typeof step === 'number' && Array.isArray(current);
    current = current[step];
  }
  return true;
}

/**
 * Fills `{name}` placeholders from `values`. A placeholder with no value stays as written, so a
 * typo in a custom template shows in the PDF instead of vanishing.
 */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    return value === undefined ? whole : String(value);
  });
}
