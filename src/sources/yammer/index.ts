import type { Source } from '../types.js';
import { detectYammer } from './detect.js';
import { readYammer } from './read.js';

/** Yammer / Microsoft Viva Engage network data export (CSV files, see formats.md §1). */
export const yammerSource: Source = {
  kind: 'yammer',
  title: 'Yammer / Viva Engage',
  detect: detectYammer,
  read: readYammer,
};
