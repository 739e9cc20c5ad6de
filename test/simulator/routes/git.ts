import { HttpError } from '../errors';
import { paginate, type Router } from '../routing';
import type { Shapes } from '../shapes';
import { headOf, resolveRef, type Simulation } from '../state';
import type { WorldCommit, WorldRepo } from '../world';

/** "Compare two commits": the commits of an answer without paging parameters, and the changed files of any answer. */
const MAX_UNPAGED_COMPARE_COMMITS = 250;
const MAX_COMPARE_FILES = 300;

/** Git data: tags, refs, commits (with `sha` and `path`) and compare. */
export function gitRoutes({ repoRoute }: Router, _sim: Simulation, shapes: Shapes): void {
  const { commitJson, fileJson } = shapes;
  repoRoute('GET', '/tags', (context, repo) => {
    const sorted = [...repo.tags].sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    const { page, headers } = paginate(sorted, context);
    return {
      status: 200,
      headers,
      body: page.map((tag) => ({
        name: tag.name,
        commit: { sha: tag.sha, url: `${context.baseUrl}/repos/${repo.fullName}/commits/${tag.sha}` },
        zipball_url: `${context.baseUrl}/repos/${repo.fullName}/zipball/refs/tags/${tag.name}`,
        tarball_url: `${context.baseUrl}/repos/${repo.fullName}/tarball/refs/tags/${tag.name}`,
        node_id: Buffer.from(`T_${tag.name}`).toString('base64'),
      })),
    };
  });
  const refJson = (repo: WorldRepo, ref: string, sha: string, base: string): Record<string, unknown> => ({
    ref,
    node_id: Buffer.from(`REF_${ref}`).toString('base64'),
    url: `${base}/repos/${repo.fullName}/git/${ref}`,
    object: { type: 'commit', sha, url: `${base}/repos/${repo.fullName}/git/commits/${sha}` },
  });
  const allRefs = (repo: WorldRepo): Array<[string, string]> => [
    [`refs/heads/${repo.defaultBranch}`, headOf(repo).sha],
    ...repo.tags.map((tag): [string, string] => [`refs/tags/${tag.name}`, tag.sha]),
  ];
  repoRoute('GET', '/git/matching-refs/{rest}', (context, repo, match) => {
    const prefix = `refs/${decodeURIComponent(match[3] ?? '')}`;
    return { status: 200, body: allRefs(repo).filter(([ref]) => ref.startsWith(prefix)).map(([ref, sha]) => refJson(repo, ref, sha, context.baseUrl)) };
  });
  repoRoute('GET', '/git/ref/{rest}', (context, repo, match) => {
    const wanted = `refs/${decodeURIComponent(match[3] ?? '')}`;
    const found = allRefs(repo).find(([ref]) => ref === wanted);
    if (found === undefined) {
      throw new HttpError(404, 'Not Found');
    }
    return { status: 200, body: refJson(repo, found[0], found[1], context.baseUrl) };
  });

  repoRoute('GET', '/commits', (context, repo) => {
    const start = resolveRef(repo, context.query.get('sha') ?? repo.defaultBranch);
    if (start === undefined) {
      throw new HttpError(404, `No commit found for SHA: ${context.query.get('sha') ?? ''}`);
    }
    // `path`: only the commits that changed that file, or a file under that folder.
    const path = context.query.get('path')?.replace(/\/+$/, '');
    const touches = (commit: WorldCommit): boolean => path === undefined || path === '' || (commit.files ?? []).some((file) => file.filename === path || file.filename.startsWith(`${path}/`));
    const history = repo.commits.slice(0, start + 1).reverse().filter(touches);
    const { page, headers } = paginate(history, context);
    return { status: 200, headers, body: page.map((commit) => commitJson(repo, commit, repo.commits[repo.commits.indexOf(commit) - 1], context.baseUrl)) };
  });
  repoRoute('GET', '/commits/{ref}', (context, repo, match) => {
    const index = resolveRef(repo, decodeURIComponent(match[3] ?? ''));
    const commit = index !== undefined ? repo.commits[index] : undefined;
    if (index === undefined || commit === undefined) {
      throw new HttpError(422, `No commit found for SHA: ${match[3] ?? ''}`);
    }
    return { status: 200, body: { ...commitJson(repo, commit, repo.commits[index - 1], context.baseUrl), files: (commit.files ?? []).map((file) => fileJson(file)) } };
  });
  repoRoute('GET', '/compare/{rest}', (context, repo, match) => {
    const [baseRef = '', headRef = ''] = decodeURIComponent(match[3] ?? '').split('...');
    const baseIndex = resolveRef(repo, baseRef);
    const headIndex = resolveRef(repo, headRef);
    if (baseIndex === undefined || headIndex === undefined) {
      throw new HttpError(404, `Not Found`);
    }
    const aheadBy = Math.max(headIndex - baseIndex, 0);
    const behindBy = Math.max(baseIndex - headIndex, 0);
    const compared = repo.commits.slice(baseIndex + 1, headIndex + 1);
    const files = new Map<string, { filename: string; patch?: string }>();
    for (const commit of compared) {
      for (const file of commit.files ?? []) {
        files.set(file.filename, file);
      }
    }
    // GitHub's "Compare two commits" (docs.github.com/rest/commits/commits#compare-two-commits): the commits in
    // chronological order. "When calling this endpoint without any paging parameter (`per_page` or `page`), the
    // returned list is limited to 250 commits, and the last commit in the list is the most recent of the entire
    // comparison"; with one, pages of that chronological list (per_page default 30, max 100: the first page holds
    // the OLDEST commits), and "the list of changed files is only shown on the first page of results, and it
    // includes up to 300 changed files for the entire comparison". `total_commits` counts them all.
    const paged = context.query.has('per_page') || context.query.has('page');
    const { page: commits, headers } = paged ? paginate(compared, context) : { page: compared.slice(-MAX_UNPAGED_COMPARE_COMMITS), headers: {} };
    const firstPage = !paged || Math.max(parseInt(context.query.get('page') ?? '1', 10) || 1, 1) === 1;
    const mergeBase = repo.commits[Math.min(baseIndex, headIndex)];
    const baseCommit = repo.commits[baseIndex];
    if (mergeBase === undefined || baseCommit === undefined) {
      throw new HttpError(404, 'Not Found');
    }
    return {
      status: 200,
      headers,
      body: {
        url: `${context.baseUrl}/repos/${repo.fullName}/compare/${baseRef}...${headRef}`,
        html_url: `https://github.com/${repo.fullName}/compare/${baseRef}...${headRef}`,
        permalink_url: `https://github.com/${repo.fullName}/compare/${baseCommit.sha}...${repo.commits[headIndex]?.sha ?? ''}`,
        diff_url: `https://github.com/${repo.fullName}/compare/${baseRef}...${headRef}.diff`,
        patch_url: `https://github.com/${repo.fullName}/compare/${baseRef}...${headRef}.patch`,
        base_commit: commitJson(repo, baseCommit, repo.commits[baseIndex - 1], context.baseUrl),
        merge_base_commit: commitJson(repo, mergeBase, repo.commits[repo.commits.indexOf(mergeBase) - 1], context.baseUrl),
        status: aheadBy > 0 ? 'ahead' : behindBy > 0 ? 'behind' : 'identical',
        ahead_by: aheadBy,
        behind_by: behindBy,
        total_commits: compared.length,
        commits: commits.map((commit) => commitJson(repo, commit, repo.commits[repo.commits.indexOf(commit) - 1], context.baseUrl)),
        ...(firstPage ? { files: [...files.values()].slice(0, MAX_COMPARE_FILES).map((file) => fileJson(file)) } : {}),
      },
    };
  });
}
