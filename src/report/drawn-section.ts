import type { z } from 'zod';
import { InternalError } from '../errors.js';

/**
 * zod's parse options for a schema read once or a few times per run (a report's sections, the
 * template): without the code zod otherwise generates and compiles (`new Function`) on a schema's
 * first parse, which only pays back over many parses (bench/README.md, issue 16 item 4).
 */
export const PARSED_ONCE = { jitless: true } as const;

/**
 * A section (or field) of metrics.json that the PDF or the Markdown draws, read through its schema.
 * Absent or null is a run without it: the report says so. Present but not of its shape is a bug in
 * the tool (the document is built in memory by this run), never a part silently left out.
 * @throws InternalError (exit 3) when the value does not fit the schema.
 */
export function drawnSection<T>(schema: z.ZodType<T>, value: unknown, where: string): T | null {
  if (value === undefined || value === null) return null;
  const parsed = schema.safeParse(value, PARSED_ONCE);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const at = issue && issue.path.length > 0 ? `${where}.${issue.path.join('.')}` : where;
  throw new InternalError(`report: metrics.json ${at} cannot be drawn: ${issue?.message ?? 'unexpected shape'}`);
}
