import type { VersionFact } from '../domain/facts';

/**
 * Asks an environment's /version endpoint what runs there. It answers `{"release": "<sha>",
 * "environment": "<name>"}` (served by nginx in Openverse). Every failure becomes a VersionFact that says
 * what went wrong; nothing here throws.
 */

export interface VersionProbeOptions {
  readonly timeoutMs?: number;
  readonly fetchImpl?: (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;
}

const MAX_BODY = 4096;

export async function probeVersion(url: string, options: VersionProbeOptions = {}): Promise<VersionFact> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const fetchImpl = options.fetchImpl ?? (await defaultFetch());
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort();
  }, timeoutMs);
  let text: string;
  try {
    const response = await fetchImpl(url, { signal: controller.signal, headers: { accept: 'application/json' } });
    if (!response.ok) {
      return { kind: 'unreachable', reason: `it answered HTTP ${response.status}` };
    }
    text = await response.text();
  } catch (error) {
    if (controller.signal.aborted) {
      return { kind: 'unreachable', reason: `no answer within ${timeoutMs / 1000} s` };
    }
    return { kind: 'unreachable', reason: networkReason(error) };
  } finally {
    clearTimeout(timer);
  }
  return parseVersionAnswer(text);
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

/**
 * A plain GET through Node's http/https modules (the ones VS Code configures for the user's proxy),
 * lighter than a full fetch: a refresh of a large monorepo asks hundreds of /version endpoints at once.
 */
let plainGet: Promise<NonNullable<VersionProbeOptions['fetchImpl']>> | undefined;

function defaultFetch(): Promise<NonNullable<VersionProbeOptions['fetchImpl']>> {
  plainGet ??= loadPlainGet();
  return plainGet;
}

async function loadPlainGet(): Promise<NonNullable<VersionProbeOptions['fetchImpl']>> {
  const [http, https] = await Promise.all([import('node:http'), import('node:https')]);
  return (url, init) =>
    new Promise((resolve, reject) => {
      const parsed = new URL(url);
      const request = (parsed.protocol === 'https:' ? https : http).get(parsed, { headers: init.headers, signal: init.signal }, (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_BODY * 2) {
            chunks.push(chunk);
          }
        });
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ ok: status >= 200 && status < 300, status, text: () => Promise.resolve(text) });
        });
        response.on('error', reject);
      });
      request.on('error', reject);
    });
}
