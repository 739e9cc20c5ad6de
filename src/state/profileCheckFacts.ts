import type { VersionFact } from '../domain/facts';
import type { L10n, Words } from '../domain/l10n';
import { workflowKey, workflowsToRead, type CheckFacts, type RepoFact, type WorkflowFileFact } from '../domain/profileCheck';
import type { Profile } from '../domain/profileTypes';
import type { GitHubClient } from '../github/client';
import { describeError, ENGLISH, isGitHubError, type Language } from '../github/errors';
import { canPushTo } from '../github/repos';
import { getSignedInUser } from '../github/users';
import { readWorkflowFile } from '../github/workflowFile';
import { listWorkflowFiles } from '../github/workflowListing';
import { probeVersion } from '../live/versionProbe';

/** At most this many workflow files and /version endpoints are read per check, however large the profile. */
export const MAX_CHECKED_WORKFLOWS = 60;
export const MAX_CHECKED_ENDPOINTS = 100;

/**
 * What Check Profile needs to know, read in parallel and bounded: who the token is (`GET /user`: its
 * scopes), each repository the profile names (`GET /repos/…`), each workflow file it names (the contents
 * API, conditional), a repository's workflow list only when one of its files is missing (for the quick
 * fixes), and each /version endpoint through the live probe the deck uses. Every answer is conditional,
 * so checking an unchanged profile again costs no rate limit. Never throws: a failure is a fact, whose words
 * checkProfile says in its language (the Problems panel's; the log's English), with times in `locale`.
 */
export async function gatherCheckFacts(client: GitHubClient, profile: Profile, probe: (url: string) => Promise<VersionFact> = (url) => probeVersion(url), locale = 'en'): Promise<CheckFacts> {
  const why = (error: unknown): Words => (l10n: L10n) => shortReason(error, { l10n, locale });
  const repoNames = new Map<string, [string, string]>([[profile.monorepo.toLowerCase(), [profile.monorepo, 'monorepo']]]);
  if (!repoNames.has(profile.infrastructureRepo.toLowerCase())) {
    repoNames.set(profile.infrastructureRepo.toLowerCase(), [profile.infrastructureRepo, 'infrastructureRepo']);
  }
  const scopesPromise = getSignedInUser(client).then(
    (user) => ({ scopes: user.scopes, scopesUnreadable: undefined }),
    (error: unknown) => ({ scopes: undefined, scopesUnreadable: why(error) }),
  );
  const reposPromise = Promise.all(
    [...repoNames].map(async ([key, [repo, field]]): Promise<[string, RepoFact]> => {
      try {
        return [key, { ok: true, push: await canPushTo(client, repo, field) }];
      } catch (error) {
        return [key, { ok: false, why: why(error) }];
      }
    }),
  );
  const listings = new Map<string, Promise<string[]>>();
  const othersIn = (repo: string): Promise<string[]> => {
    const key = repo.toLowerCase();
    const known = listings.get(key) ?? listWorkflowFiles(client, repo).then((listed) => listed.map((workflow) => workflow.file), () => []);
    listings.set(key, known);
    return known;
  };
  const toRead = workflowsToRead(profile);
  const workflowsPromise = Promise.all(
    toRead.slice(0, MAX_CHECKED_WORKFLOWS).map(async ({ repo, file, ref }): Promise<[string, WorkflowFileFact]> => {
      const key = workflowKey(repo, file, ref);
      try {
        return [key, { kind: 'file', document: await readWorkflowFile(client, { repo, workflow: file, ...(ref !== undefined ? { ref } : {}) }) }];
      } catch (error) {
        if (isGitHubError(error) && error.kind === 'notFound') {
          return [key, { kind: 'missing', others: (await othersIn(repo)).filter((other) => other !== file) }];
        }
        return [key, { kind: 'unreadable', why: why(error) }];
      }
    }),
  );
  const allUrls = [...new Set(profile.apps.flatMap((app) => app.environments.flatMap((environment) => (environment.versionUrl !== undefined ? [environment.versionUrl] : []))))];
  const urls = allUrls.slice(0, MAX_CHECKED_ENDPOINTS);
  const versionsPromise = Promise.all(urls.map(async (url): Promise<[string, VersionFact]> => [url, await probe(url)]));
  const [user, repos, workflows, versions] = await Promise.all([scopesPromise, reposPromise, workflowsPromise, versionsPromise]);
  return {
    repos: new Map(repos),
    workflows: new Map(workflows),
    versions: new Map(versions),
    ...user,
    notChecked: { workflows: toRead.length - workflows.length, endpoints: allUrls.length - urls.length },
  };
}

/** A failure in a few words for a finding's message, in `language` (English: the log's). */
export function shortReason(error: unknown, language: Language = ENGLISH): string {
  const { l10n } = language;
  if (isGitHubError(error)) {
    switch (error.kind) {
      case 'notFound':
        return l10n.t('GitHub answers 404 Not Found: it does not exist, or your token cannot see it');
      case 'forbidden':
        return l10n.t('GitHub answers 403 Forbidden: your token lacks the permission');
      case 'ssoRequired':
        return l10n.t('its organisation enforces SAML single sign-on and this sign-in is not authorized for it');
      default:
        break;
    }
  }
  return describeError(error, language).replace(/\.$/, '');
}
