/**
 * Reading GitHub's answers with a size cap. node-fetch decompresses gzip by itself, so a few hundred KB
 * on the wire can become hundreds of MB: the decoded bytes are counted as they come and the reading
 * stops past the cap. A page of 100 workflow runs, among the largest answers Release Deck reads, is
 * about 1.2 MB.
 */

export const MAX_ANSWER_BYTES = 20 * 1024 * 1024;

export class AnswerTooLargeError extends Error {
  override readonly name = 'AnswerTooLargeError';

  constructor(readonly limitBytes: number) {
    super(`the answer was larger than ${limitBytes / (1024 * 1024)} MB`);
  }
}

/**
 * The whole body, or AnswerTooLargeError as soon as it passes `limitBytes` (leaving the loop destroys
 * the stream, which stops the decompression and closes the connection).
 */
export async function readCapped(body: AsyncIterable<Buffer | string>, limitBytes = MAX_ANSWER_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > limitBytes) {
      throw new AnswerTooLargeError(limitBytes);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}

/**
 * A success's body, as Octokit would have given it: JSON parsed (text kept when it does not parse, so the
 * caller's shape checks report it), other text as text. Empty answers (204) come through as undefined.
 */
export async function bodyOf(raw: unknown, contentType: string | number | undefined): Promise<unknown> {
  if (raw === null || raw === undefined || typeof raw === 'string') {
    return raw ?? undefined;
  }
  const text = (await readCapped(raw as AsyncIterable<Buffer | string>)).toString('utf8');
  if (typeof contentType === 'string' && /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
