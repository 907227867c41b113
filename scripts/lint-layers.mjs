/**
 * `npm run lint:layers`: dependency-cruiser over src/ with the layer rules of .dependency-cruiser.cjs,
 * failing also when it read (almost) no modules. dependency-cruiser parses TypeScript through the
 * compiler's JavaScript API (node_modules/typescript, kept at 5.x for it); TypeScript 7, which type-checks
 * the project (`typescript-native`), has no such API, and without a usable one dependency-cruiser
 * reports "no dependency violations found (0 modules ...)" and passes: a layer check that checks nothing.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** src/ has about 300 modules; far fewer means the TypeScript files were not read. */
const FEWEST_MODULES = 100;

// The package's exports map does not name its bin script; npm puts it here.
const cli = fileURLToPath(new URL('../node_modules/dependency-cruiser/bin/dependency-cruise.mjs', import.meta.url));
const run = spawnSync(process.execPath, [cli, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
  encoding: 'utf8',
});
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
if (run.status !== 0) process.exit(run.status ?? 1);
const modules = Number(/\((\d+) modules/.exec(run.stdout + run.stderr)?.[1] ?? 0);
if (modules < FEWEST_MODULES) {
  process.stderr.write(
    `lint:layers: dependency-cruiser read ${modules} modules of src/, expected at least ${FEWEST_MODULES}: ` +
      'it needs the TypeScript 5 compiler API in node_modules/typescript (npm ci installs it).\n',
  );
  process.exit(1);
}
