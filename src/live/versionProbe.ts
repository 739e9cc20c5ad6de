import type { VersionFact } from '../domain/facts';

/**
 * Asks an environment's /version endpoint what runs there. It answers `{"release": "<sha>",
 * "environment": "<name>"}` (served by nginx in Openverse). Every failure becomes a VersionFact that says
 * what went wrong; nothing here throws.
 */

export interface VersionProbeOptions {
  readonly timeoutMs?: number;
}

const MAX_BODY = 4096;

export async function probeVersion(url: string, options: VersionProbeOptions = {}): Promise<VersionFact> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const get = await plainGetter();
  let answer: PlainAnswer;
  try {
    answer = await get(url, timeoutMs);
  } catch (error) {
    if (error instanceof ProbeTimeout) {
      return { kind: 'unreachable', reason: `no answer within ${timeoutMs / 1000} s` };
    }
    return { kind: 'unreachable', reason: networkReason(error) };
  }
  if (answer.status < 200 || answer.status >= 300) {
    return { kind: 'unreachable', reason: `it answered HTTP ${answer.status}` };
  }
  if (answer.cutShort) {
    return { kind: 'malformed', reason: `the answer is more than ${MAX_BODY * 2} bytes long, far more than a version` };
  }
  return parseVersionAnswer(answer.text);
}

export function parseVersionAnswer(text: string): VersionFact {
  if (text.length > MAX_BODY) {
    return { kind: 'malformed', reason: `the answer is ${text.length} bytes long, far more than a version` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'malformed', reason: /^\s*</.test(text) ? 'an HTML page came back instead of JSON' : 'the answer is not JSON' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { kind: 'malformed', reason: 'the answer is not a JSON object' };
  }
  const { release, environment } = data as { release?: unknown; environment?: unknown };
  if (typeof release !== 'string' || release.trim() === '') {
    return { kind: 'malformed', reason: 'the answer has no "release" field' };
  }
  return { kind: 'answered', release: release.trim(), environment: typeof environment === 'string' ? environment : '' };
}

function networkReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ECONNREFUSED') {
    return 'the connection was refused';
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return 'its host name could not be resolved';
  }
  if (code === 'ECONNRESET') {
    return 'the connection was reset';
  }
  return error instanceof Error ? error.message : 'a network error';
}

class ProbeTimeout extends Error {
  override readonly name = 'ProbeTimeout';
}

interface PlainAnswer {
  readonly status: number;
  readonly text: string;
  /** The body went on past twice the longest version answer and was not read to its end. */
  readonly cutShort: boolean;
}

type PlainGet = (url: string, timeoutMs: number) => Promise<PlainAnswer>;

let plainGet: Promise<PlainGet> | undefined;

function plainGetter(): Promise<PlainGet> {
  plainGet ??= loadPlainGet();
  return plainGet;
}

/**
 * A plain GET through Node's http/https modules (the ones VS Code configures for the user's proxy),
 * lighter than a full fetch: a refresh of a large monorepo asks hundreds of /version endpoints at once.
 * One timer per request bounds it as a whole (connection, answer and body); an answer far longer than a
 * version is cut short.
 */
async function loadPlainGet(): Promise<PlainGet> {
  const [http, https] = await Promise.all([import('node:http'), import('node:https')]);
  return (url, timeoutMs) =>
    new Promise((resolve, reject) => {
      const parsed = new URL(url);
      const request = (parsed.protocol === 'https:' ? https : http).get(parsed, { headers: { accept: 'application/json' } }, (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_BODY * 2) {
            chunks.push(chunk);
          } else {
            finish({ status: response.statusCode ?? 0, text: '', cutShort: true });
            request.destroy();
          }
        });
        response.on('end', () => {
          finish({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), cutShort: false });
        });
        response.on('error', fail);
      });
      let settled = false;
      const timer = setTimeout(() => {
        fail(new ProbeTimeout());
        request.destroy();
      }, timeoutMs);
      function finish(answer: PlainAnswer): void {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          resolve(answer);
        }
      }
      function fail(error: Error): void {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          reject(error);
        }
      }
      request.on('error', fail);
    });
}
