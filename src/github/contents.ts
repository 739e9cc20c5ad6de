import type { L10n } from '../domain/l10n';
import type { GitHubClient } from './client';
import { asObject, parseOrThrow, splitRepo, str } from './parse';

/**
 * A file's text at a ref: `GET /repos/{owner}/{repo}/contents/{path}` (conditional: a 304 when unchanged),
 * its base64 content decoded, with its blob SHA. Throws a GitHubError (404: no such file at that ref).
 */
export async function readFileText(client: GitHubClient, repo: string, path: string, ref: string | undefined, profileField?: string): Promise<{ sha: string; text: string }> {
  const context = { action: (l10n: L10n) => l10n.t('read {0} in {1}', path, repo), ...(profileField !== undefined ? { profileField } : {}) };
  const response = await client.request('GET /repos/{owner}/{repo}/contents/{path}', { ...splitRepo(repo), path, ...(ref !== undefined ? { ref } : {}) }, context);
  const file = parseOrThrow(response.data, context, (data) => {
    const fields = asObject(data, 'content');
    return { sha: str(fields, 'sha'), content: str(fields, 'content'), encoding: str(fields, 'encoding') };
  });
  if (file.encoding !== 'base64') {
    throw new Error(`GitHub sent ${path} encoded as "${file.encoding}", not base64`);
  }
  return { sha: file.sha, text: Buffer.from(file.content, 'base64').toString('utf8') };
}
