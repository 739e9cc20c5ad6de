/** The outcome of a check that can be refused with a message a user can act on. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function refuse<T = never>(error: string): Result<T> {
  return { ok: false, error };
}
