import { HttpError } from '../errors';
import { paginate, type Router } from '../routing';
import type { Shapes } from '../shapes';
import type { Simulation } from '../state';
import { blobSha, fileTextAt, patchBetween, pullHeadSha } from '../workflowFiles';

/**
 * `GET /repos/{owner}/{repo}/contents/{path}` (`ref`: branch, tag or SHA; the default branch without it),
 * for a file: GitHub's "Get repository content" answer, `content` in base64 with a line break every 60
 * characters as GitHub sends it (https://docs.github.com/rest/repos/contents#get-repository-content).
 * A path that is no file at that ref: 404.
 */
export function contentsRoutes({ repoRoute }: Router, _sim: Simulation, shapes: Shapes): void {
  // GET …/pulls/{pull_number}/files: the files a pull request changes, with their patches against the
  // default branch (https://docs.github.com/rest/pulls/pulls#list-pull-requests-files).
  repoRoute('GET', '/pulls/{number}/files', (context, repo, match) => {
    const pull = repo.pulls.find((candidate) => String(candidate.number) === match[3]);
    if (pull === undefined) {
      throw new HttpError(404, 'Not Found');
    }
    const files = Object.entries(pull.contents ?? {}).map(([filename, text]) => shapes.fileJson({ filename, patch: patchBetween(fileTextAt(repo, filename, repo.defaultBranch) ?? '', text) }));
    const { page, headers } = paginate(files, context);
    return { status: 200, headers, body: page };
  });
  repoRoute('GET', '/contents/{rest}', (context, repo, match) => {
    const path = decodeURIComponent(match[3] ?? '');
    const ref = context.query.get('ref') ?? repo.defaultBranch;
    // A pull request's head commit holds its changes (its branch name works as the ref too).
    const pull = repo.pulls.find((candidate) => candidate.contents?.[path] !== undefined && (candidate.head === ref || pullHeadSha(candidate) === ref));
    const text = pull?.contents?.[path] ?? fileTextAt(repo, path, ref);
    if (text === undefined) {
      throw new HttpError(404, 'Not Found');
    }
    const sha = blobSha(text);
    const base64 = Buffer.from(text, 'utf8').toString('base64');
    const url = `${context.baseUrl}/repos/${repo.fullName}/contents/${path}?ref=${encodeURIComponent(ref)}`;
    const gitUrl = `${context.baseUrl}/repos/${repo.fullName}/git/blobs/${sha}`;
    const htmlUrl = `https://github.com/${repo.fullName}/blob/${ref}/${path}`;
    return {
      status: 200,
      body: {
        type: 'file',
        encoding: 'base64',
        size: Buffer.byteLength(text, 'utf8'),
        name: path.slice(path.lastIndexOf('/') + 1),
        path,
        content: `${base64.replace(/(.{60})/g, '$1\n')}\n`,
        sha,
        url,
        git_url: gitUrl,
        html_url: htmlUrl,
        download_url: `https://raw.githubusercontent.com/${repo.fullName}/${ref}/${path}`,
        _links: { self: url, git: gitUrl, html: htmlUrl },
      },
    };
  });
}
