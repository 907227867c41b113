/** The `identities` section of metrics.json; computed in `metrics/identities.ts`. */
export type { IdentityReconciliation, SourceIdentities } from '../../metrics/identities.js';
