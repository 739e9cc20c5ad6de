import type { DeckFacts } from './facts';
import { english, type L10n } from './l10n';
import type { AppProfile } from './profileTypes';
import { buildAt } from './sameBuild';
import type { DraftRelease, PublishedRelease } from './snapshot';
import { imageTagOfRelease, mayBeGitTagOf, readGitTag, tagSchemeOf } from './tagScheme';
import { isPrereleaseVersion, newestVersionFirst } from './releaseVersion';

/**
 * An app's GitHub Releases as the deck shows them: its published releases (with the image tag, git tag commit
 * and build each stands for) and its drafts (with how many changes their notes list), newest first.
 */

/** What reading releases needs of a refresh: its facts, the git tags' commits, main's commits in order. */
export interface ReleasesContext {
  readonly facts: DeckFacts;
  readonly tagCommits: ReadonlyMap<string, string>;
  readonly commitIndex: ReadonlyMap<string, number>;
}

/** An app's published releases and drafts, newest first, from a refresh's facts. */
export function releasesOf(app: AppProfile, context: ReleasesContext): { releases: PublishedRelease[]; drafts: DraftRelease[] } {
  const releases: PublishedRelease[] = [];
  const drafts: DraftRelease[] = [];
  const builds = { histories: context.facts.appHistories ?? {}, commitIndex: context.commitIndex };
  const registry = context.facts.registries?.[app.id];
  const scheme = tagSchemeOf(app);
  for (const fact of context.facts.releases) {
    // GitHub's own pre-release flag: a release not meant to be deployed (under the date scheme, the only kind of pre-release).
    if ((fact.prerelease && scheme.git.value === 'date') || !mayBeGitTagOf(scheme, fact.tagName)) {
      continue;
    }
    const tag = readGitTag(scheme, fact.tagName);
    if (!tag.ok) {
      continue;
    }
    const prerelease = fact.prerelease || isPrereleaseVersion(tag.value.version);
    if (fact.draft) {
      // A commit-SHA image tag is known only once the git tag names a commit: until then, the template.
      const imageTag = imageTagOfRelease(scheme, tag.value.version) ?? scheme.image.text;
      drafts.push({
        id: fact.id,
        name: fact.name,
        gitTag: fact.tagName,
        imageTag,
        version: tag.value.version,
        createdAt: fact.createdAt,
        body: fact.body,
        targetCommitish: fact.targetCommitish,
        htmlUrl: fact.htmlUrl,
        changeCount: countChanges(fact.body),
      });
    } else if (fact.publishedAt !== null) {
      const commitSha = context.tagCommits.get(fact.tagName);
      const imageTag = imageTagOfRelease(scheme, tag.value.version, commitSha);
      if (imageTag === undefined) {
        // No image tag can be written for it (its commit is not listed, or its version has build metadata): nothing to deploy or compare.
        continue;
      }
      const exact = registry?.kind === 'read' ? registry.builds[imageTag] : undefined;
      const buildSha = exact ?? (commitSha !== undefined ? buildAt(app, commitSha, builds) : undefined);
      // Publishing starts the release workflow as the person who published (`on: release`, openverse-facts §1.3).
      const publishedBy = context.facts.releaseRuns.find((run) => run.event === 'release' && run.headBranch === fact.tagName)?.actor;
      releases.push({
        id: fact.id,
        name: fact.name,
        gitTag: fact.tagName,
        imageTag,
        version: tag.value.version,
        prerelease,
        publishedAt: fact.publishedAt,
        htmlUrl: fact.htmlUrl,
        body: fact.body,
        ...(commitSha !== undefined ? { commitSha } : {}),
        ...(buildSha !== undefined ? { buildSha, buildFrom: exact !== undefined ? 'registry' as const : 'commits' as const } : {}),
        ...(publishedBy !== undefined ? { publishedBy } : {}),
      });
    }
  }
  return { releases: releases.sort(newestVersionFirst), drafts: drafts.sort(newestVersionFirst) };
}

/** Why builds are inferred although the profile names a registry package. */
export function registryFallback(app: AppProfile, reason: string, l10n: L10n = english): string {
  return l10n.t(
    'The container package {0} could not be read ({1}), so which commit each release of {2} was built from is inferred from the commits that change its source folders.',
    `${app.registry?.org ?? ''}/${app.registry?.package ?? ''}`,
    reason,
    app.label,
  );
}

/** Release notes list one change per bullet line (release-drafter's change template). */
export function countChanges(body: string): number {
  return body.split(/\r?\n/).filter((line) => /^\s*[-*]\s+\S/.test(line)).length;
}
