/** Where GitHub's error answers point (`documentation_url`). */
export const DOCS = 'https://docs.github.com/rest';

/** A GitHub error answer: its status, message and any extra fields (`errors`), thrown by a route or a rule. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
