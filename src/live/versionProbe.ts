import type { VersionFact } from '../domain/facts';
import { versionFailureWords, type VersionFailure } from '../domain/versionFailure';
import { KEEP_ALIVE } from '../keepAlive';

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
      return failed('unreachable', { code: 'timeout', seconds: timeoutMs / 1000 });
    }
    return failed('unreachable', networkFailure(error));
  }
  if (answer.status < 200 || answer.status >= 300) {
    return failed('unreachable', { code: 'status', status: answer.status });
  }
  if (answer.cutShort) {
    return failed('malformed', { code: 'tooLong', bytes: MAX_BODY * 2, more: true });
  }
  return parseVersionAnswer(answer.text);
}

export function parseVersionAnswer(text: string): VersionFact {
  if (text.length > MAX_BODY) {
    return failed('malformed', { code: 'tooLong', bytes: text.length, more: false });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return failed('malformed', /^\s*</.test(text) ? { code: 'html' } : { code: 'notJson' });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return failed('malformed', { code: 'notObject' });
  }
  const { release, environment } = data as { release?: unknown; environment?: unknown };
  if (typeof release !== 'string' || release.trim() === '') {
    return failed('malformed', { code: 'noRelease' });
  }
  return { kind: 'answered', release: release.trim(), environment: typeof environment === 'string' ? environment : '' };
}

/** A fact that says why no version was read: the failure as data, and its English words (for the log). */
function failed(kind: 'unreachable' | 'malformed', failure: VersionFailure): VersionFact {
  return { kind, reason: versionFailureWords(failure), failure };
}

function networkFailure(error: unknown): VersionFailure {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ECONNREFUSED') {
    return { code: 'refused' };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return { code: 'unresolved' };
  }
  if (code === 'ECONNRESET') {
    return { code: 'reset' };
  }
  return { code: 'network', detail: error instanceof Error ? error.message : 'a network error' };
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
  // The modules themselves (`default`), not their ES module exports: VS Code's extension host assigns its
  // proxy and certificate patches onto the CommonJS module objects after its own `import` of them, so the
  // named exports `import()` hands back keep Node's unpatched `get` (no `syncBuiltinESMExports` call in
  // code-server 4.100.3's or 4.139.1's extensionHostProcess.js), past the user's proxy and certificates.
  const [{ default: http }, { default: https }] = await Promise.all([import('node:http'), import('node:https')]);
  return (url, timeoutMs) =>
    new Promise((resolve, reject) => {
      const parsed = new URL(url);
      const request = (parsed.protocol === 'https:' ? https : http).get(parsed, { headers: { accept: 'application/json', ...KEEP_ALIVE } }, (response) => {
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
