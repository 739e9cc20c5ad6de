import type { L10n } from '../domain/l10n';
import { isFullSha } from '../domain/tags';
import type { GitHubClient } from './client';
import { asArray, asObject, parseOrThrow } from './parse';

/**
 * The image tags of a container package's newest versions (`GET /orgs/{org}/packages/container/{name}/versions`,
 * one page of 100, newest first; scope read:packages): each release image tag (`isReleaseTag`: the app's image
 * template, `rel-…` for Openverse) mapped to the 40-character commit SHA tag the same version (digest) carries,
 * the commit CI built it from (openverse-facts §1.3, §1.4, §2).
 */
export async function readReleaseBuilds(client: GitHubClient, registry: { readonly org: string; readonly package: string }, isReleaseTag: (tag: string) => boolean): Promise<Record<string, string>> {
  const context = { action: (l10n: L10n) => l10n.t('read the versions of the container package {0}/{1}', registry.org, registry.package), profileField: 'registry' };
  const response = await client.request('GET /orgs/{org}/packages/{package_type}/{package_name}/versions', { org: registry.org, package_type: 'container', package_name: registry.package, per_page: 100 }, context);
  return parseOrThrow(response.data, context, (data) => {
    const builds: Record<string, string> = {};
    for (const value of asArray(data, 'package versions')) {
      const metadata = asObject(value, 'package version').metadata;
      const container = metadata !== undefined && metadata !== null ? asObject(metadata, 'metadata').container : undefined;
      const tags = container !== undefined && container !== null ? asArray(asObject(container, 'metadata.container').tags, 'metadata.container.tags').filter((tag): tag is string => typeof tag === 'string') : [];
      const sha = tags.find((tag) => isFullSha(tag));
      for (const tag of tags) {
        if (sha !== undefined && tag !== sha && isReleaseTag(tag)) {
          builds[tag] = sha;
        }
      }
    }
    return builds;
  });
}
