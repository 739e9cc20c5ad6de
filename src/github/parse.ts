import { gitHubErrorFor, type ErrorContext } from './errors';

/**
 * GitHub's answers are `unknown` until checked: a proxy, an HTML error page or a truncated body must
 * end in a clear error, never in `undefined` flowing into the deck.
 */
export class ShapeError extends Error {
  override readonly name = 'ShapeError';
}

export type Fields = Readonly<Record<string, unknown>>;

export function asObject(value: unknown, what: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShapeError(`${what} is not an object`);
  }
  return value as Fields;
}

export function asArray(value: unknown, what: string): readonly unknown[] {
  if (!Array.isArray(value)) {
    throw new ShapeError(`${what} is not a list`);
  }
  return value;
}

export function str(fields: Fields, key: string): string {
  const value = fields[key];
  if (typeof value !== 'string') {
    throw new ShapeError(`"${key}" is missing or not text`);
  }
  return value;
}

export function strOrNull(fields: Fields, key: string): string | null {
  const value = fields[key];
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value !== 'string') {
    throw new ShapeError(`"${key}" is not text`);
  }
  return value;
}

export function num(fields: Fields, key: string): number {
  const value = fields[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ShapeError(`"${key}" is missing or not a number`);
  }
  return value;
}

export function bool(fields: Fields, key: string): boolean {
  const value = fields[key];
  if (typeof value !== 'boolean') {
    throw new ShapeError(`"${key}" is missing or not true/false`);
  }
  return value;
}

export function loginOf(value: unknown): string {
  if (value === null || value === undefined) {
    return 'unknown';
  }
  return str(asObject(value, 'user'), 'login');
}

/** Runs a parser over GitHub's data, turning a shape mismatch into a typed, user-facing error. */
export function parseOrThrow<T>(data: unknown, context: ErrorContext, parse: (data: unknown) => T): T {
  try {
    return parse(data);
  } catch (error) {
    if (error instanceof ShapeError) {
      const detail = typeof data === 'string' ? (/<html|<!doctype/i.test(data) ? 'an HTML page came back instead of JSON' : 'the body is not JSON') : error.message;
      throw gitHubErrorFor('malformed', context, { githubMessage: detail });
    }
    throw error;
  }
}

export function splitRepo(repo: string): { owner: string; repo: string } {
  const [owner = '', name = ''] = repo.split('/');
  return { owner, repo: name };
}
