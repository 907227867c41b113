import type { z } from 'zod';

/**
 * Key order per object path (`[]` for array items) read from a zod schema, the order its JSON
 * Schema lists the properties in: a section described by zod needs no hand-kept order list.
 */
export function zodKeyOrder(schema: z.ZodType, path: string): Record<string, readonly string[]> {
  const orders: Record<string, readonly string[]> = {};
  walk(schema, path, orders);
  return orders;
}

function walk(schema: z.ZodType, path: string, orders: Record<string, readonly string[]>): void {
  const def = schema._zod.def as {
    type: string;
    shape?: Record<string, z.ZodType>;
    element?: z.ZodType;
    innerType?: z.ZodType;
    options?: z.ZodType[];
  };
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      orders[path] = Object.keys(shape);
      for (const [key, child] of Object.entries(shape)) walk(child, `${path}.${key}`, orders);
      return;
    }
    case 'array':
      if (def.element) walk(def.element, `${path}[]`, orders);
      return;
    case 'nullable':
    case 'optional':
    case 'default':
    case 'readonly':
      if (def.innerType) walk(def.innerType, path, orders);
      return;
    case 'union':
      for (const option of def.options ?? []) walk(option, path, orders);
      return;
    default:
      return;
  }
}
