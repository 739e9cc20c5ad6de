/** Where GitHub's error answers point (`documentation_url`). */
export const DOCS = 'https://docs.github.com/rest';

/** A GitHub error answer: its status, message and any extra fields (`errors`), thrown by a route or a rule. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    /** Response headers that go with the error (e.g. X-GitHub-SSO). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
