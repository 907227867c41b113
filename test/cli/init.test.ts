import { describe, expect, it } from 'vitest';
import { schemaReference, starterConfigText } from '../../src/cli/commands/init.js';
import { configSchema } from '../../src/config/schema.js';

describe('schemaReference', () => {
  it('points into node_modules when pilot-report is installed in the project or a folder above', () => {
    const installed = '/home/ana/pilot/node_modules/pilot-report/schema/config.schema.json';
    expect(schemaReference('/home/ana/pilot', installed, '1.2.3')).toBe(
      'node_modules/pilot-report/schema/config.schema.json',
    );
    expect(schemaReference('/home/ana/pilot/reports', installed, '1.2.3')).toBe(
      '../node_modules/pilot-report/schema/config.schema.json',
    );
  });

  it('points at the versioned schema on unpkg for a global install or the npx cache', () => {
    const cached = '/home/ana/.npm/_npx/abc/node_modules/pilot-report/schema/config.schema.json';
    expect(schemaReference('/home/ana/pilot', cached, '1.2.3')).toBe(
      'https://unpkg.com/pilot-report@1.2.3/schema/config.schema.json',
    );
  });

  it('points at the repository file from a checkout', () => {
    expect(schemaReference('/src/pilot-report/examples', '/src/pilot-report/schema/config.schema.json', '1.2.3')).toBe(
      '../schema/config.schema.json',
    );
  });
});

describe('starterConfigText', () => {
  it('starts with $schema and inputs, passes the config schema, and ends with a newline', () => {
    const text = starterConfigText(['yammer/', 'wiki.xml'], 'schema/config.schema.json');
    expect(
      text.startsWith(
        '{\n  "$schema": "schema/config.schema.json",\n  "inputs": [\n    "yammer/",\n    "wiki.xml"\n  ],\n  "out": "./pilot-report-out/",',
      ),
    ).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(configSchema.safeParse(JSON.parse(text)).success).toBe(true);
  });
});
