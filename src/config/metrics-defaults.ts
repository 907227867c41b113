/**
 * The metric knobs of the config (`ideas`, `moderators`, `questionPatterns`, ...) and their defaults.
 * The config schema documents these defaults and the metrics receive the values, so they live in
 * the config layer, which the metrics may import and which may not import the metrics.
 */

import { DEFAULT_UNCERTAINTY, type UncertaintyConfig } from './uncertainty-defaults.js';

/** Mentions, hashtags and a leading quote may come before the opening word. */
const LEAD = String.raw`^[\s"“'«¿¡]*(?:[@#]\S+[\s,:]+)*`;
/** An opening word must end at a blank, punctuation or the end (\b is ASCII-only in RE2). */
const END = String.raw`(?:[\s,:;?!.]|$)`;

const OPENINGS = [
  // English
  'who',
  'whom',
  'whose',
  'what',
  'when',
  'where',
  'why',
  'how',
  'which',
  'can',
  'could',
  'does',
  'did',
  'is there',
  'are there',
  'is anyone',
  'is it',
  'are we',
  'are you',
  'should',
  'would',
  'anyone',
  'has anyone',
  'have you',
  'any idea',
  'any ideas',
  // German
  'wer',
  'wann',
  'warum',
  'wieso',
  'weshalb',
  'wo',
  'woher',
  'wohin',
  'welche',
  'welcher',
  'welches',
  'kann jemand',
  'gibt es',
  'hat jemand',
  'weiß jemand',
  'weiss jemand',
  // French
  'qui',
  'quand',
  'où',
  'pourquoi',
  'comment',
  'quel',
  'quelle',
  'quels',
  'quelles',
  'est-ce que',
  "quelqu'un",
  // Spanish
  'quién',
  'quiénes',
  'cuándo',
  'dónde',
  'por qué',
  'cómo',
  'cuál',
  'alguien',
];

/** The default question rule; config `questionPatterns` replaces it. */
export const DEFAULT_QUESTION_PATTERNS: readonly string[] = [
  // a question mark that ends a sentence or the text (a `?` inside a URL does not); full-width and Spanish marks
  String.raw`\?(?:[\s"'”»)\]]|$)|？|¿`,
  `${LEAD}(?:${OPENINGS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})${END}`,
];

/** Knobs of the metrics; every field has a default (see `DEFAULT_METRICS_CONFIG`). */
export interface MetricsConfig {
  /** How many oldest unanswered threads `conversations.unanswered` lists. */
  unansweredListSize: number;
  ideaTags: string[];
  decisionTags: string[];
  actionTags: string[];
  ideaSpaces: string[];
  endorseThreshold: number;
  stallDays: number;
  /** Moderator e-mails or identity ids. */
  moderators: string[];
  minGroupSize: number;
  /** RE2 patterns (case-insensitive) that make a thread starter a question (see `metrics/questions.ts`). */
  questionPatterns: string[];
  /** Minimum n and bootstrap settings of the 95 % intervals (`metrics/uncertainty/`). */
  uncertainty: UncertaintyConfig;
}

export const DEFAULT_METRICS_CONFIG: MetricsConfig = {
  unansweredListSize: 10,
  ideaTags: ['#idea', '#suggestion', '#proposal'],
  decisionTags: ['#approved', '#accepted', '#decision', '#planned'],
  actionTags: ['#done', '#implemented', '#shipped', '#launched'],
  ideaSpaces: [],
  endorseThreshold: 3,
  stallDays: 30,
  moderators: [],
  minGroupSize: 5,
  questionPatterns: [...DEFAULT_QUESTION_PATTERNS],
  uncertainty: DEFAULT_UNCERTAINTY,
};
