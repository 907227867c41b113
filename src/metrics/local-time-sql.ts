/**
 * Moved to `src/time/local-time-sql.ts`; this re-export only keeps branches written before the
 * move compiling until they are merged. New code imports from `../time/`.
 */
export { LOCAL_OFFSETS, localAt, offsetJoin } from '../time/local-time-sql.js';
