import { HttpError } from '../errors';
import { asRecord, paginate, requireScope, wantsHtml, type Router } from '../routing';
import { startRun } from '../runs';
import type { Shapes } from '../shapes';
import { resolveRef, type Simulation } from '../state';
import type { WorldRelease, WorldRepo } from '../world';

/** Releases: list, get by id or tag, update (publishing a draft tags its commit and starts the release workflows). */
export function releasesRoutes({ repoRoute }: Router, sim: Simulation, shapes: Shapes): void {
  const { releaseJson } = shapes;
  repoRoute('GET', '/releases', (context, repo) => {
    const sorted = [...repo.releases].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);
    const { page, headers } = paginate(sorted, context);
    return { status: 200, body: page.map((release) => releaseJson(repo, release, context.baseUrl, wantsHtml(context))), headers };
  });
  repoRoute('GET', '/releases/tags/{tag}', (context, repo, match) => {
    const release = repo.releases.find((candidate) => !candidate.draft && candidate.tagName === decodeURIComponent(match[3] ?? ''));
    if (release === undefined) {
      throw new HttpError(404, 'Not Found');
    }
    return { status: 200, body: releaseJson(repo, release, context.baseUrl, wantsHtml(context)) };
  });
  repoRoute('GET', '/releases/{id}', (context, repo, match) => ({ status: 200, body: releaseJson(repo, releaseById(repo, match[3]), context.baseUrl, wantsHtml(context)) }));
  repoRoute('POST', '/releases', (context, repo) => {
    // GitHub's "Create a release" (POST /repos/{owner}/{repo}/releases), as release-drafter calls it when an
    // app has no draft (openverse-facts §1.1): `tag_name` is required; `target_commitish` defaults to the
    // default branch; a release with the same tag answers 422 `already_exists`. 201 with the release.
    requireScope(context, 'repo');
    const body = asRecord(context.body);
    const tagName = typeof body.tag_name === 'string' ? body.tag_name : '';
    if (tagName === '') {
      throw new HttpError(422, 'Validation Failed', { errors: [{ resource: 'Release', code: 'missing_field', field: 'tag_name' }] });
    }
    if (repo.releases.some((release) => release.tagName === tagName)) {
      throw new HttpError(422, 'Validation Failed', { errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }] });
    }
    const release: WorldRelease = {
      id: sim.nextReleaseId++,
      tagName,
      name: typeof body.name === 'string' ? body.name : tagName,
      draft: body.draft === true,
      prerelease: body.prerelease === true,
      body: typeof body.body === 'string' ? body.body : '',
      targetCommitish: typeof body.target_commitish === 'string' && body.target_commitish !== '' ? body.target_commitish : repo.defaultBranch,
      createdAt: sim.clock.iso(),
      publishedAt: null,
      author: context.token.login,
    };
    if (!release.draft) {
      throw new HttpError(422, 'Validation Failed: the simulator creates drafts only (publish them with PATCH)');
    }
    repo.releases.push(release);
    return { status: 201, body: releaseJson(repo, release, context.baseUrl, false) };
  });
  repoRoute('PATCH', '/releases/{id}', (context, repo, match) => {
    requireScope(context, 'repo');
    const release = releaseById(repo, match[3]);
    const body = asRecord(context.body);
    if (typeof body.body === 'string') {
      release.body = body.body;
    }
    if (typeof body.name === 'string') {
      release.name = body.name;
    }
    // "Update a release" takes tag_name and target_commitish too, applied before the draft is published; a tag another
    // release has is refused as "Create a release" refuses it (422 already_exists).
    if (typeof body.tag_name === 'string' && body.tag_name !== '') {
      const tagName = body.tag_name;
      if (repo.releases.some((other) => other !== release && other.tagName === tagName)) {
        throw new HttpError(422, 'Validation Failed', { errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }] });
      }
      release.tagName = tagName;
    }
    if (typeof body.target_commitish === 'string' && body.target_commitish !== '') {
      release.targetCommitish = body.target_commitish;
    }
    if (body.draft === false && release.draft) {
      // target_commitish: "Specifies the commitish value that determines where the Git tag is created from ... Unused if
      // the Git tag already exists" (docs.github.com/rest/releases/releases, "Update a release"): a tag that exists is
      // published on as it is, wherever it points; otherwise it is created on the target.
      const existing = repo.tags.find((tag) => tag.name === release.tagName);
      const target = existing !== undefined ? resolveRef(repo, existing.sha) : resolveRef(repo, release.targetCommitish);
      if (target === undefined) {
        throw new HttpError(422, 'Validation Failed', { errors: [{ resource: 'Release', code: 'invalid', field: 'target_commitish' }] });
      }
      const commit = repo.commits[target];
      if (commit === undefined) {
        throw new HttpError(422, 'Validation Failed');
      }
      release.draft = false;
      release.publishedAt = sim.clock.iso();
      if (existing === undefined) {
        repo.tags.push({ name: release.tagName, sha: commit.sha });
      }
      for (const workflow of repo.workflows) {
        if (workflow.on.release?.includes('released') === true || workflow.on.release?.includes('published') === true) {
          startRun(sim, repo, workflow, { event: 'release', actor: context.token.login, headBranch: release.tagName, headSha: commit.sha, fallbackTitle: release.name, createdMs: sim.clock.nowMs() });
        }
      }
    }
    return { status: 200, body: releaseJson(repo, release, context.baseUrl, false) };
  });
}

function releaseById(repo: WorldRepo, id: string | undefined): WorldRelease {
  const release = repo.releases.find((candidate) => String(candidate.id) === id);
  if (release === undefined) {
    throw new HttpError(404, 'Not Found');
  }
  return release;
}
