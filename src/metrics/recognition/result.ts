import type { Connector, Helper, RisingContributor, ThoughtLeader } from './lists.js';
import type { Persona, PersonaSummary } from './personas.js';
import type { ScoreWeights } from './score.js';

/** What one person did and received in the period (spec §6 recognition). */
export interface PersonRecognition {
  /** Person id. */
  id: string;
  /** Display name (replaced by a pseudonym under `--anonymize`). */
  name: string | null;
  /** Department, when known. */
  department: string | null;
  /** Thread starters. */
  posts: number;
  /** Replies. */
  replies: number;
  /** Threads (at any time) whose first reply by someone other than the starter's author is this person's, in the period. */
  firstResponses: number;
  /** Reactions by others on the person's messages, in the period; null when no source records reactions. */
  reactionsReceived: number | null;
  /** Replies by others to the person's messages (or threads, when the reply names no message), in the period. */
  repliesReceived: number;
  /** Replies and reactions by others, at any time, to the posts the person made in the period. */
  responsesToPosts: number;
  /** Reactions the person gave; null when no source records reactions. */
  reactionsGiven: number | null;
  /** Wiki page creations and edits; null without a wiki source. */
  wikiEdits: number | null;
  /** Local months of the period with at least 5 wiki edits (Wikimedia's active editor); null without a wiki source. */
  activeEditorMonths: number | null;
  /** Ideas the person raised (from the ideas metric; 0 when not given). */
  ideasRaised: number;
  /** Of those, ideas that reached `actioned` (from the ideas metric; 0 when not given). */
  ideasActioned: number;
  /** Distinct spaces the person contributed in. */
  spaces: number;
  /** Distinct departments, other than the person's own, of the persons they interacted with (either way). */
  departmentsReached: number;
  /** The recognition score (see `Recognition.score`). */
  score: number;
  /** SWOOP persona, or null without conversation activity. */
  persona: Persona | null;
}

/** CHAOSS absence factor: the fewest contributors who made at least half the contributions. */
export interface AbsenceFactors {
  /** Over persons; null without contributions. */
  people: number | null;
  /** Over departments (persons without one left out); null when no contribution has a department. */
  departments: number | null;
}

/** Active wiki editors of one local month. */
export interface ActiveEditorsMonth {
  /** `2026-01`. */
  month: string;
  /** Persons with at least 5 wiki edits in the month. */
  editors: number;
}

/** The `recognition` section of metrics.json (spec §6). */
export interface Recognition {
  /** How the score is computed, for the report to print beside the lists. */
  score: {
    /** The weights used. */
    weights: ScoreWeights;
    /** The formula in words, e.g. `2 × posts + 1 × replies + …`. */
    formula: string;
  };
  /** Every person active in the period (or credited with an idea), by score (highest first), then id. */
  people: PersonRecognition[];
  /** Most responses per post, among persons with at least `thoughtLeaderMinPosts` posts. */
  thoughtLeaders: ThoughtLeader[];
  /** Most first responses. */
  helpers: Helper[];
  /** Widest reach across departments (or spaces, see `connectorsBy`). */
  connectors: Connector[];
  /** What `connectors` are ranked by: departments when any is known, else spaces. */
  connectorsBy: 'departments' | 'spaces';
  /**
   * Largest score gain over the previous period of equal length. Idea figures count only when
   * the previous period's are given too, so both scores use the same formula.
   */
  rising: RisingContributor[];
  /** Share of each persona among persons with one. */
  personas: PersonaSummary;
  /** Absence factors over persons and departments. */
  absenceFactor: AbsenceFactors;
  /** Per local month of the period; null without a wiki source. */
  activeWikiEditors: ActiveEditorsMonth[] | null;
  /** Why figures are null or partial. */
  warnings: string[];
}

/** Ideas credited to one person, from the ideas metric. */
export interface IdeaCounts {
  raised: number;
  actioned: number;
}
