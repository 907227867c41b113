import { Worker } from 'node:worker_threads';

/**
 * A worker thread running the module `name` (without extension) next to the module at `moduleUrl`
 * (its `import.meta.url`): the compiled .js, or, when that module runs from TypeScript source
 * (the tests), the .ts file through tsx, registered inside the thread before it is imported.
 */
export function workerNextTo(moduleUrl: string, name: string, workerData: unknown): Worker {
  if (!moduleUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, moduleUrl), { workerData });
  const script = new URL(`./${name}.ts`, moduleUrl).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
