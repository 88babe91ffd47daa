// One validation style for every options object: a valibot schema, and the first issue turned
// into a ConfigError that names the field (`policy.controller.name`, `options.strings.fr.titel`).
import * as v from 'valibot';
import { ConfigError } from './errors.js';

/** How messages are worded for one options object. */
export interface ParseOptions {
  /** Message for a key the schema does not know, given its dot path (default `is not a known option`). */
  readonly unknownKey?: (path: string) => string;
}

/**
 * Turns a valibot issue into a `ConfigError` naming the field (`prefix.path.to.field`).
 * Unknown keys are reported by name so a typo such as `retentionDay` is obvious.
 */
export function issueToConfigError(
  prefix: string,
  issue: v.BaseIssue<unknown>,
  options: ParseOptions = {},
): ConfigError {
  const path = v.getDotPath(issue);
  // An empty prefix names fields bare (`endpoint`), and the object itself `options`.
  const field = path ? (prefix ? `${prefix}.${path}` : path) : prefix || 'options';
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    return new ConfigError(field, options.unknownKey?.(path ?? '') ?? 'is not a known option');
  }
  if (issue.type === 'strict_object' && issue.received === 'undefined') {
    return new ConfigError(field, 'is required');
  }
  // valibot's own messages start "Invalid …"; a schema's own wording is kept as written.
  if (issue.type === 'strict_object' && issue.message.startsWith('Invalid ')) {
    return new ConfigError(field, 'must be an object');
  }
  return new ConfigError(field, issue.message);
}

/**
 * Validates `input` against `schema` and returns its output.
 * @throws ConfigError naming the first offending field under `prefix`.
 */
export function parseConfig<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  prefix: string,
  options: ParseOptions = {},
): v.InferOutput<TSchema> {
  const parsed = v.safeParse(schema, input, { abortEarly: true });
  if (parsed.success) return parsed.output;
  const [issue] = parsed.issues;
  throw issueToConfigError(prefix, issue, options);
}
