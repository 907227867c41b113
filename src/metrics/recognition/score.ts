/**
 * The recognition score: a weighted sum of what a person did in the period,
 *
 *   score = Σ weight(figure) · figure
 *
 * over `posts`, `replies`, `firstResponses`, `reactionsReceived`, `wikiEdits`, `ideasRaised` and
 * `ideasActioned`. Defaults favour helping (a first response, 3) and ideas carried to action (5)
 * over volume (a reply, 1); every weight can be changed in the config, and a weight of 0 drops a
 * figure.
 */

/** The figures the score weighs. */
export const SCORED_FIGURES = [
  'posts',
  'replies',
  'firstResponses',
  'reactionsReceived',
  'wikiEdits',
  'ideasRaised',
  'ideasActioned',
] as const;
export type ScoredFigure = (typeof SCORED_FIGURES)[number];

/** Weight of one unit of each figure. */
export type ScoreWeights = Record<ScoredFigure, number>;

/** Knobs of the recognition metric (the lead merges them into the config schema). */
export interface RecognitionConfig {
  /** Score weights. Default: posts 2, replies 1, firstResponses 3, reactionsReceived 0.5, wikiEdits 1, ideasRaised 3, ideasActioned 5. */
  scoreWeights: ScoreWeights;
  /** Fewest posts in the period to be listed as a thought leader. Default: 3. */
  thoughtLeaderMinPosts: number;
  /** How many persons each top list holds. Default: 10. */
  listSize: number;
  /**
   * Personas: received / given above this ratio makes a catalyst, below its inverse a responder or
   * broadcaster, in between an engager. Default: 2.
   */
  personaBalanceRatio: number;
}

export const DEFAULT_RECOGNITION_CONFIG: RecognitionConfig = {
  scoreWeights: {
    posts: 2,
    replies: 1,
    firstResponses: 3,
    reactionsReceived: 0.5,
    wikiEdits: 1,
    ideasRaised: 3,
    ideasActioned: 5,
  },
  thoughtLeaderMinPosts: 3,
  listSize: 10,
  personaBalanceRatio: 2,
};

/** The weighted sum of a person's figures. */
export function scoreOf(figures: Record<ScoredFigure, number | null>, weights: ScoreWeights): number {
  // A figure no source records (null) adds nothing, like a count of 0.
  return SCORED_FIGURES.reduce((total, figure) => total + weights[figure] * (figures[figure] ?? 0), 0);
}

/** The formula as the report prints it beside the lists, e.g. `2 × posts + 1 × replies + …`. */
export function scoreFormula(weights: ScoreWeights): string {
  return SCORED_FIGURES.filter((f) => weights[f] !== 0)
    .map((f) => `${weights[f]} × ${f}`)
    .join(' + ');
}
