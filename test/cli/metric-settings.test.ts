import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { networkConfig, recognitionConfig } from '../../src/cli/metric-settings.js';
import { SOURCE_KINDS } from '../../src/sources/registry.js';

describe('metric knobs from the config', () => {
  it('merges written recognition weights key by key over the defaults', async () => {
    const { config } = await loadConfig({
      sourceKinds: SOURCE_KINDS,
      cwd: '/',
      env: { PILOT_REPORT_RECOGNITION__SCORE_WEIGHTS__POSTS: '7', PILOT_REPORT_RECOGNITION__LIST_SIZE: '3' },
    });
    expect(recognitionConfig(config)).toEqual({
      scoreWeights: {
        posts: 7,
        replies: 1,
        firstResponses: 3,
        reactionsReceived: 0.5,
        wikiEdits: 1,
        ideasRaised: 3,
        ideasActioned: 5,
      },
      thoughtLeaderMinPosts: 3,
      listSize: 3,
      personaBalanceRatio: 2,
    });
  });

  it('merges written network edge weights over the defaults', async () => {
    const { config } = await loadConfig({
      sourceKinds: SOURCE_KINDS,
      cwd: '/',
      env: { PILOT_REPORT_NETWORK__EDGE_WEIGHTS__REACTION: '0' },
    });
    expect(networkConfig(config)).toEqual({
      edgeWeights: { reply: 1, mention: 1, reaction: 0 },
      topBrokers: 10,
      maxPeopleForBrokers: 2000,
    });
  });

  it('passes the betweenness work budget from the environment', async () => {
    const { config } = await loadConfig({
      sourceKinds: SOURCE_KINDS,
      cwd: '/',
      env: { PILOT_REPORT_NETWORK__MAX_BETWEENNESS_WORK: '5000' },
    });
    expect(networkConfig(config)).toEqual({
      edgeWeights: { reply: 1, mention: 1, reaction: 0.5 },
      topBrokers: 10,
      maxPeopleForBrokers: 2000,
      maxBetweennessWork: 5000,
    });
  });
});
