import type { DiscoveryInput } from '../domain/profileDiscovery';
import type { GitHubClient } from '../github/client';
import { describeError } from '../github/errors';
import { listReleases } from '../github/releases';
import { readWorkflowFile } from '../github/workflowFile';
import { listWorkflowFiles } from '../github/workflowListing';
import { shortReason } from './profileCheckFacts';

/** At most this many workflow files are read per repository. */
export const MAX_DISCOVERED_WORKFLOWS = 40;

export type GitHubDiscovery = Pick<DiscoveryInput, 'releaseTags' | 'workflows' | 'unreadable'>;

/**
 * What Create Profile reads on GitHub, bounded whatever the repositories hold: one page of the monorepo's
 * GitHub Releases (their git tags: thousands of tags cost one request), each repository's workflow list
 * (one page) and at most MAX_DISCOVERED_WORKFLOWS workflow files each, in parallel. Never throws: what
 * cannot be read is said in the result.
 */
export async function discoverOnGitHub(client: GitHubClient, repos: readonly string[]): Promise<GitHubDiscovery> {
  const [monorepo] = repos;
  const releaseTags: Promise<DiscoveryInput['releaseTags']> =
    monorepo === undefined
      ? Promise.resolve({ ok: true, names: [] })
      : listReleases(client, monorepo, 1).then(
          (releases) => ({ ok: true, names: releases.map((release) => release.tagName) }),
          (error: unknown) => ({ ok: false, why: shortReason(error) }),
        );
  const perRepo = await Promise.all(
    [...new Set(repos)].map(async (repo) => {
      let files: string[];
      try {
        files = (await listWorkflowFiles(client, repo)).map((workflow) => workflow.file).slice(0, MAX_DISCOVERED_WORKFLOWS);
      } catch (error) {
        return { workflows: [], unreadable: [{ repo, why: shortReason(error) }] };
      }
      const workflows = await Promise.all(
        files.map(async (file): Promise<DiscoveryInput['workflows'][number]> => {
          try {
            return { repo, file, document: await readWorkflowFile(client, { repo, workflow: file }) };
          } catch (error) {
            return { repo, file, error: describeError(error).split('\n', 1)[0] ?? 'it could not be read' };
          }
        }),
      );
      return { workflows, unreadable: [] };
    }),
  );
  return { releaseTags: await releaseTags, workflows: perRepo.flatMap((each) => each.workflows), unreadable: perRepo.flatMap((each) => each.unreadable) };
}
