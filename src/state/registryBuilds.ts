import type { RegistryFact, ReleaseFact, WorkflowRunFact } from '../domain/facts';
import type { AppProfile, Profile } from '../domain/profileTypes';
import { imageTagOfRelease, mayBeGitTagOf, readGitTag, readImageTag, tagSchemeOf } from '../domain/tagScheme';
import type { GitHubClient } from '../github/client';
import { describeError, ENGLISH, isGitHubError, type Language } from '../github/errors';
import { readReleaseBuilds } from '../github/packages';
import { PerClient } from '../github/perClient';

/**
 * Which commit each release's image was built from, per app whose profile names its container package
 * (`registry`). A release image tag (the app's image template: `rel-…`, `{version}`…) names one image for good (the release workflow tags it once, openverse-facts §1.3),
 * so what a listing said is kept per client and the package is listed again only when one of the app's
 * published releases has a tag not known yet: the first refresh lists each package once; later refreshes
 * send nothing until a release is published. A tag the listing does not hold is asked for again while its
 * release may still be being tagged (its release run not finished, and published less than an hour ago);
 * after that it is taken as not in the registry (the build is then inferred). A package that cannot be read
 * for want of permission or existence is not asked again until a new tag appears; other failures are.
 */

/** After this long, a published release's image is tagged if it ever will be (the release run tags it first). */
const TAGGING_WINDOW_MS = 3_600_000;

interface PackageMemo {
  readonly builds: Record<string, string>;
  /** Tags asked for and not to be asked again (found, or missing for good). */
  readonly settled: Set<string>;
  /** Why the package could not be read: the error itself, said in each refresh's language. */
  unavailable?: { readonly error: unknown };
}

const memos = new PerClient<PackageMemo>();

export interface RegistryInputs {
  readonly releases: Promise<readonly ReleaseFact[]>;
  readonly releaseRuns: Promise<readonly WorkflowRunFact[]>;
  readonly now: () => Date;
  /** The language an unreadable package's reason is said in (the deck's); the fact's `logged` keeps English. */
  readonly language?: Language;
}

export async function gatherRegistries(client: GitHubClient, profile: Profile, inputs: RegistryInputs): Promise<Record<string, RegistryFact>> {
  const packages = memos.of(client);
  const entries = await Promise.all(
    profile.apps.flatMap((app) => {
      const registry = app.registry;
      return registry !== undefined && app.usesReleases ? [readApp(client, app, registry, packages, inputs).then((fact) => [app.id, fact] as const)] : [];
    }),
  );
  return Object.fromEntries(entries);
}

async function readApp(client: GitHubClient, app: AppProfile, registry: NonNullable<AppProfile['registry']>, packages: Map<string, PackageMemo>, inputs: RegistryInputs): Promise<RegistryFact> {
  const scheme = tagSchemeOf(app);
  // Which tags are kept depends on the app's image template: two apps naming one package with different templates keep apart.
  const key = `${client.apiUrl} ${registry.org.toLowerCase()}/${registry.package} ${scheme.image.text}`;
  const known = packages.get(key);
  // First sight of the package: listed at once, in parallel with the refresh's other requests.
  const listing = known === undefined ? list(registry) : undefined;
  const [releases, runs] = await Promise.all([inputs.releases, inputs.releaseRuns]);
  const wanted = publishedTags(app, releases);
  const memo = known ?? { builds: {}, settled: new Set<string>() };
  packages.set(key, memo);
  const unknown = [...wanted.keys()].filter((tag) => memo.builds[tag] === undefined && !memo.settled.has(tag));
  if (listing === undefined && unknown.length === 0) {
    return factOf(memo, inputs.language);
  }
  const answer = await (listing ?? list(registry));
  if (answer.kind === 'failed') {
    if (!answer.lasting) {
      packages.delete(key);
    }
    memo.unavailable = { error: answer.error };
    // Not asked again for these tags (a lasting failure): a new release asks again.
    for (const tag of wanted.keys()) {
      memo.settled.add(tag);
    }
    return factOf(memo, inputs.language);
  }
  delete memo.unavailable;
  Object.assign(memo.builds, answer.builds);
  const now = inputs.now().getTime();
  for (const [tag, release] of wanted) {
    const found = memo.builds[tag] !== undefined;
    const runOver = runs.some((run) => run.event === 'release' && run.headBranch === release.tagName && run.status === 'completed');
    const old = release.publishedAt !== null && now - Date.parse(release.publishedAt) > TAGGING_WINDOW_MS;
    if (found || runOver || old) {
      memo.settled.add(tag);
    }
  }
  return factOf(memo, inputs.language);

  async function list(target: NonNullable<AppProfile['registry']>): Promise<{ kind: 'read'; builds: Record<string, string> } | { kind: 'failed'; error: unknown; lasting: boolean }> {
    try {
      return { kind: 'read', builds: await readReleaseBuilds(client, target, (tag) => {
        const read = readImageTag(scheme, tag);
        return read.ok && read.value.kind === 'release';
      }) };
    } catch (error) {
      // No read:packages, or no such package: asking again will not change it until something else does.
      const lasting = isGitHubError(error) && (error.status === 401 || error.status === 403 || error.status === 404);
      return { kind: 'failed', error, lasting };
    }
  }
}

function factOf(memo: PackageMemo, language: Language = ENGLISH): RegistryFact {
  return memo.unavailable !== undefined
    ? { kind: 'unavailable', reason: describeError(memo.unavailable.error, language), logged: describeError(memo.unavailable.error) }
    : { kind: 'read', builds: { ...memo.builds } };
}

/** The image tags of the app's published releases, each with its release. */
function publishedTags(app: AppProfile, releases: readonly ReleaseFact[]): Map<string, ReleaseFact> {
  const scheme = tagSchemeOf(app);
  const tags = new Map<string, ReleaseFact>();
  for (const release of releases) {
    // Another app's tag is passed over before it is parsed (readGitTag refuses it too): each app reads the whole
    // listing, so a 100-app monorepo would otherwise parse some 30,000 tags, and word as many refusals, per refresh.
    if (release.draft || release.prerelease || release.publishedAt === null || !mayBeGitTagOf(scheme, release.tagName)) {
      continue;
    }
    const gitTag = readGitTag(scheme, release.tagName);
    // A commit-SHA image template ({sha}, {sha7}) names the build itself: nothing to look up.
    const imageTag = gitTag.ok && (scheme.image.value === 'date' || scheme.image.value === 'version') ? imageTagOfRelease(scheme, gitTag.value.version) : undefined;
    if (imageTag !== undefined) {
      tags.set(imageTag, release);
    }
  }
  return tags;
}
