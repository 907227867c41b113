/**
 * Summarizes a V8 `.cpuprofile` (written by `node --cpu-prof`): self time per function and per
 * source file, the entries that say where the time goes.
 */
import { readFile } from 'node:fs/promises';

/** One line of the summary. */
export interface ProfileEntry {
  /** `function (file:line)`, or `file` in the per-file view. */
  name: string;
  selfSeconds: number;
  /** Share of all sampled time, 0..1. */
  share: number;
}

/** The top of a profile. */
export interface ProfileSummary {
  totalSeconds: number;
  functions: ProfileEntry[];
  files: ProfileEntry[];
}

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: CpuNode[];
  samples: number[];
  timeDeltas: number[];
}

function isCpuProfile(value: unknown): value is CpuProfile {
  return typeof value === 'object' && value !== null && 'nodes' in value && 'samples' in value && 'timeDeltas' in value;
}

/** Reads a profile and returns its `top` heaviest functions and files by self time. */
export async function summarizeProfile(path: string, top: number): Promise<ProfileSummary> {
  const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
  if (!isCpuProfile(parsed)) throw new Error(`${path} is not a V8 CPU profile`);
  const byId = new Map(parsed.nodes.map((n) => [n.id, n]));
  const selfMicros = new Map<number, number>();
  parsed.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (parsed.timeDeltas[i] ?? 0)));
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  let total = 0;
  for (const [id, micros] of selfMicros) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    total += micros;
    const file = shortUrl(frame.url);
    const name = `${frame.functionName || '(anonymous)'}${file ? ` (${file}:${frame.lineNumber + 1})` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
    const fileKey = file || frame.functionName || '(native)';
    files.set(fileKey, (files.get(fileKey) ?? 0) + micros);
  }
  return { totalSeconds: total / 1e6, functions: topOf(functions, total, top), files: topOf(files, total, top) };
}

function topOf(map: ReadonlyMap<string, number>, total: number, top: number): ProfileEntry[] {
  return [...map]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, top)
    .map(([name, micros]) => ({ name, selfSeconds: micros / 1e6, share: total > 0 ? micros / total : 0 }));
}

/** Paths relative to the project (`dist/...`, `node_modules/<pkg>/...`) instead of file URLs. */
function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules !== -1) return path.slice(modules + 1);
  const dist = path.lastIndexOf('/dist/');
  return dist !== -1 ? path.slice(dist + 1) : path;
}
