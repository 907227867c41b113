/** The duplicate-efforts section of metrics.json (spec §6): clusters by different people and one person's cross-posts. */

/** One thread or wiki page of a cluster. */
export interface RedundantItem {
  /** Thread id (starter activity id) or wiki page id. */
  id: string;
  kind: 'thread' | 'wikiPage';
  /** Space id. */
  spaceId: string;
  /** Space name, or `(private space)`. */
  space: string;
  /** First 100 characters of the title (else the text); omitted for private spaces. */
  title?: string;
  /** ISO instant the thread started or the page's first revision in the dump. */
  firstAt: string;
  /** ISO instant of the page's last revision (for a thread: its start). */
  lastAt: string;
  /** Starter's author or the page's editors, by id. */
  people: { id: string; name: string | null }[];
  /** Discussion it drew: replies to the thread, or the page's revisions after its first, before the period end. */
  responses: number;
  /** Distinct other persons who replied (for a page: editors after the first). */
  responders: number;
}

/** See {@link Redundancy.matcher}. */
export type RedundancyMatcher = 'rare-terms' | 'rare-terms+lsa' | `rare-terms+embedding:${string}`;

/** What a reader can do about a duplicate effort. */
export type RedundancyAction = 'linkThreads' | 'mergeThreads' | 'writeFaq' | 'pointToPage';

/** A candidate duplicate effort: posts by two or more people raising the same thing. */
export interface RedundancyCluster {
  /** In order of first instant. */
  items: RedundantItem[];
  /** Distinct spaces of the items. */
  spaces: number;
  /** Distinct persons who started the items (at least 2: one person's repeats are cross-posts). */
  people: number;
  /** Earliest `firstAt` of the items. */
  firstAt: string;
  /** Latest `firstAt` of the items. */
  lastAt: string;
  /** Whole days between the first and the last item's start. */
  gapDays: number;
  /**
   * rareShare of the cluster's pairs (0–1; see the method). Every two items of a cluster pass
   * all the thresholds (complete linkage).
   */
  similarity: { min: number; max: number };
  /**
   * Rare terms the first two items share, rarest first (up to 6): why they were matched. Empty
   * when an item is in a private space (its words never leave the dataset).
   */
  sharedTerms: string[];
  /** Replies and revisions all the items drew together: the cost of doing it more than once. */
  responses: number;
  /** What to do (the PDF words it): link, merge, write an FAQ, or point to the wiki page. */
  action: RedundancyAction;
}

/** One person's copies of a post in other spaces: useful to moderators, never a duplicate effort. */
export interface CrossPost {
  /** The person, by id. */
  person: { id: string; name: string | null };
  /** In order of first instant. */
  items: RedundantItem[];
  /** Minutes between the first and the last copy. */
  gapMinutes: number;
}

/** The `redundancy` section of metrics.json (spec §6). */
export interface Redundancy {
  /** How texts are compared, for the report to print. */
  method: string;
  /**
   * Which matcher ran: `rare-terms` (IDF over the export itself), or `rare-terms+lsa` (that, or a
   * match by meaning in an LSA space learned from the export's own texts, with character trigrams
   * for spelling), or `rare-terms+embedding:<model file name>` (that, or a match by the cosine of
   * a local sentence-embedding model's vectors, when the config names one).
   */
  matcher: RedundancyMatcher;
  /** The rareShare threshold used (the other thresholds are worded in `method`). */
  threshold: number;
  /** Threads and wiki pages compared (those long enough to judge). */
  itemsCompared: number;
  /** Items left out as recurring templates (one skeleton posted again and again). */
  templatesLeftOut: number;
  /** Clusters found (before `maxClusters`). */
  clustersFound: number;
  /** The strongest clusters first. */
  clusters: RedundancyCluster[];
  /** Cross-post groups found (before `maxCrossPosts`). */
  crossPostsFound: number;
  /** The latest cross-posts first. */
  crossPosts: CrossPost[];
}
