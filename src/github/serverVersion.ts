import { isEnterpriseApi } from '../domain/endpoint';
import type { L10n } from '../domain/l10n';
import type { GitHubClient } from './client';
import { ImmutableAnswers } from './immutableAnswers';
import { asObject, parseOrThrow, strOrNull } from './parse';

/**
 * What the GitHub a client talks to supports, where it depends on its version. github.com (and any API root that is not
 * a GitHub Enterprise Server's /api/v3) has everything; a GitHub Enterprise Server says its version in `GET /meta`
 * (`installed_version`, as GitHub CLI reads it for its feature detection), read once per client.
 */
const versions = new ImmutableAnswers<string | null>(1);

/** A GitHub Enterprise Server's version ("3.20.0"), or null when it does not say. */
function enterpriseVersion(client: GitHubClient): Promise<string | null> {
  const context = { action: (l10n: L10n) => l10n.t('read the version of the GitHub Enterprise Server at {0}', client.apiUrl) };
  return versions.get(client, 'installed_version', async () => {
    const response = await client.request('GET /meta', {}, context);
    return parseOrThrow(response.data, context, (data) => strOrNull(asObject(data, 'meta'), 'installed_version'));
  });
}

/** Whether `version` ("major.minor[.patch]") is `wanted` or later. */
function atLeast(version: string, wanted: readonly number[]): boolean {
  const have = version.split('.').map((part) => parseInt(part, 10));
  for (const [index, need] of wanted.entries()) {
    const part = have[index];
    if (part === undefined || Number.isNaN(part) || part !== need) {
      return part !== undefined && !Number.isNaN(part) && part > need;
    }
  }
  return true;
}

/**
 * Whether a workflow dispatch may ask for its run's id (`return_run_details`, github.com since 2026-02-19). A GitHub
 * Enterprise Server before 3.21 refuses the dispatch (400) when it is sent (GitHub CLI's feature detection); when its
 * version cannot be read, it is not sent either: the run is then matched, as for any answer without its id.
 */
export async function dispatchReturnsRunDetails(client: GitHubClient): Promise<boolean> {
  if (!isEnterpriseApi(client.apiUrl)) {
    return true;
  }
  try {
    const version = await enterpriseVersion(client);
    return version !== null && atLeast(version, [3, 21]);
  } catch {
    return false;
  }
}
