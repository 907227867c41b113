/**
 * A JSON Schema compiled by Ajv once per worker. Compiling metrics.schema.json costs 0.5-0.8 s of
 * CPU, and several tests validate against it; the fast project runs with `isolate: false`, so the
 * cache lives as long as its worker, across files. The key is the schema's text: two schemas with
 * the same text (the committed file and the one generated from zod, which a test holds equal) are
 * one validator. A validator keeps no state between calls but `errors`, which each call rewrites.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

const compiled = new Map<string, ValidateFunction>();

/** Ajv (JSON Schema 2020-12, strict, all errors) for `schema`, with date-time as Date#toISOString writes it. */
export function jsonSchemaValidator(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    // Instants are written by Date#toISOString: always UTC with milliseconds.
    ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}
