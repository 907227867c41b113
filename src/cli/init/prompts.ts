import type checkbox from '@inquirer/checkbox';
import type input from '@inquirer/input';
import type number from '@inquirer/number';
import type { ActivePerson } from '../../metrics/setup/facts.js';

/** The values only a person knows; `init --yes` (or no terminal) takes the defaults. */
export interface InitAnswers {
  pilotName: string;
  currency: string | null;
  hourlyCost: number | null;
  /** Moderators by e-mail or person id. */
  moderators: string[];
}

/**
 * The three prompts init uses, with @inquirer's signatures: the CLI passes the library's own,
 * tests pass them wrapped in `@inquirer/testing`'s `render`, which drives them with key presses.
 */
export interface PromptKit {
  input(config: Parameters<typeof input>[0], context?: PromptContext): Promise<string>;
  number(config: Parameters<typeof number<false>>[0], context?: PromptContext): Promise<number | undefined>;
  checkbox(config: Parameters<typeof checkbox<string>>[0], context?: PromptContext): Promise<string[]>;
}

/**
 * The library's prompts, imported when first asked: only `init` on a terminal asks, and loading
 * them cost every other run (analyze) part of its start-up (bench/README.md, "sample pilot").
 */
export const INQUIRER: PromptKit = {
  input: async (config, context) => (await import('@inquirer/input')).default(config, context),
  number: async (config, context) => (await import('@inquirer/number')).default<false>(config, context),
  checkbox: async (config, context) => (await import('@inquirer/checkbox')).default<string>(config, context),
};

/** Where prompts read and write (init writes to stderr: stdout stays for what a script asked for). */
export type PromptContext = Parameters<typeof input>[1];

/** How many of the most active people the moderator choice offers (a long list helps nobody). */
const MODERATOR_CHOICES = 30;

/** An ISO 4217 code: three letters. */
const CURRENCY = /^[A-Za-z]{3}$/;

/** Asks for each value in turn, offering `defaults`; an empty answer keeps the default (or unset). */
export async function askAnswers(
  kit: PromptKit,
  defaults: InitAnswers,
  people: readonly ActivePerson[],
  context?: PromptContext,
): Promise<InitAnswers> {
  const pilotName = (
    await kit.input(
      { message: 'Pilot name (for the report title)', default: defaults.pilotName, required: true },
      context,
    )
  ).trim();
  const currencyText = await kit.input(
    {
      message: 'Currency of money amounts (ISO code such as EUR or USD; empty: decide later)',
      default: defaults.currency ?? '',
      validate: (text) => text.trim() === '' || CURRENCY.test(text.trim()) || 'three letters, such as EUR, USD or GBP',
    },
    context,
  );
  const hourlyCost = await kit.number(
    {
      message: 'Loaded cost of one employee hour, in that currency (empty: decide later)',
      default: defaults.hourlyCost ?? undefined,
      min: 0,
      required: false,
    },
    context,
  );
  const offered = people.slice(0, MODERATOR_CHOICES);
  const extra = defaults.moderators.filter((key) => !offered.some((p) => p.key === key));
  const moderators =
    offered.length + extra.length === 0
      ? defaults.moderators
      : await kit.checkbox(
          {
            message: 'Moderators (space to select, enter to confirm)',
            choices: [
              ...offered.map((p) => ({
                value: p.key,
                name: `${p.name ?? p.key} (${p.key}, ${p.contributions} contribution${p.contributions === 1 ? '' : 's'})`,
                checked: defaults.moderators.includes(p.key),
              })),
              ...extra.map((key) => ({ value: key, name: key, checked: true })),
            ],
            pageSize: 12,
          },
          context,
        );
  const currency = currencyText.trim().toUpperCase();
  return {
    pilotName: pilotName || defaults.pilotName,
    currency: currency === '' ? null : currency,
    hourlyCost: hourlyCost ?? null,
    moderators: [...moderators],
  };
}
