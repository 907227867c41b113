import type { SourceKind } from '../model/types.js';
import { csvSource } from './csv/index.js';
import { mediawikiSource } from './mediawiki/index.js';
import { slackSource } from './slack/index.js';
import { teamsSource } from './teams/index.js';
import type { Source } from './types.js';
import { yammerSource } from './yammer/index.js';

/** Every source adapter; adding a source is one folder and one line here. */
export const SOURCES = {
  yammer: yammerSource,
  slack: slackSource,
  teams: teamsSource,
  mediawiki: mediawikiSource,
  csv: csvSource,
} satisfies Record<SourceKind, Source>;

/** The order detection tries adapters in: the most specific markers first. */
export const DETECTION_ORDER: readonly SourceKind[] = ['yammer', 'slack', 'mediawiki', 'teams', 'csv'];
