import { z } from 'zod';

/** An instant as `Date#toISOString` writes it: UTC, `Z`, fractional seconds allowed. */
export const instant = z
  .string()
  .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z$/)
  .meta({ format: 'date-time' });
