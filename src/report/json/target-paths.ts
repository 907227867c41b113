/**
 * Whether a KPI target's dotted path (`conversations.answeredRate`, `engagement.monthly.-1.activePeople`)
 * leads to a number in metrics.json, read from the document's zod schema: the schema is the one
 * list of what the file holds, so a section added to it is a valid target at once.
 */
import type { z } from 'zod';
import { metricsDocumentSchema } from './document-schema.js';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string>;
};

const defOf = (schema: z.ZodType): Def => schema._zod.def as Def;

/** The schema without `nullable`/`optional` wrappers (a null figure is still a number target: it fails at run time). */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if ((def.type === 'nullable' || def.type === 'optional') && def.innerType) current = def.innerType;
    else if (def.type === 'union' && def.options) {
      const other = def.options.filter((o) => defOf(o).type !== 'null');
      if (other.length !== 1 || !other[0]) return current;
      current = other[0];
    } else return current;
  }
}

/** What a reader of the message is told is at a path that is no number. */
function what(schema: z.ZodType): string {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const keys = Object.keys(def.shape ?? {});
      return `an object (${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''})`;
    }
    case 'record':
      return 'an object of named figures';
    case 'array':
      return 'a list (name an item by its index: 0 for the first, -1 for the last)';
    case 'string':
    case 'enum':
      return 'text';
    case 'boolean':
      return 'true or false';
    default:
      return `a ${def.type}`;
  }
}

/**
 * Null when `metric` leads to a number in metrics.json; else why not, naming the path and what is
 * there, for a config error.
 */
export function targetPathProblem(metric: string): string | null {
  let schema: z.ZodType = metricsDocumentSchema;
  const walked: string[] = [];
  for (const segment of metric.split('.')) {
    const here = walked.length === 0 ? 'metrics.json' : walked.join('.');
    const def = defOf(unwrap(schema));
    let next: z.ZodType | undefined;
    if (def.type === 'object') next = Object.hasOwn(def.shape ?? {}, segment) ? def.shape?.[segment] : undefined;
    else if (def.type === 'array') next = /^-?\d+$/.test(segment) ? def.element : undefined;
    else if (def.type === 'record' && def.valueType) {
      const keys = def.keyType ? defOf(def.keyType).entries : undefined;
      next = keys === undefined || Object.values(keys).includes(segment) ? def.valueType : undefined;
    }
    if (next === undefined) {
      if (def.type === 'object' || def.type === 'array' || def.type === 'record')
        return `"${metric}": ${here} has no "${segment}"; it is ${what(unwrap(schema))}`;
      return `"${metric}": ${here} is ${what(unwrap(schema))}, not a section`;
    }
    schema = next;
    walked.push(segment);
  }
  const end = unwrap(schema);
  return defOf(end).type === 'number' ? null : `"${metric}" is ${what(end)}, not a number`;
}
