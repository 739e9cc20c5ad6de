import { createHash } from 'node:crypto';
import { HttpError } from './errors';
import type { Reply } from './routing';
import { headOf, repoByName, type Simulation } from './state';
import { fileTextAt, patchBetween } from './workflowFiles';
import type { WorldCommit, WorldRepo } from './world';

/**
 * Admin routes that change a repository's files, as the infrastructure runbooks do (openverse-facts §5:
 * `just bump production airflow` changes the recorded image tag, then an infrastructure pull request):
 * - `POST /_admin/commit {repo, message, author?, contents: {path: text}}`: a commit on the default branch;
 * - `POST /_admin/pull {repo, title, branch, author?, contents}`: an open pull request changing those files;
 * - `POST /_admin/pull/merge {repo, number}`: merges it (a commit with its files; the pull request closed).
 * Undefined for any other route.
 */
export function adminFiles(sim: Simulation, method: string, path: string, fields: Record<string, unknown>): Reply | undefined {
  if (method !== 'POST' || !['/_admin/commit', '/_admin/pull', '/_admin/pull/merge'].includes(path)) {
    return undefined;
  }
  const repo = repoByName(sim.world, typeof fields.repo === 'string' ? fields.repo : '');
  if (repo === undefined) {
    throw new HttpError(404, 'no such repository');
  }
  const author = typeof fields.author === 'string' ? fields.author : 'colleague';
  if (path === '/_admin/pull/merge') {
    const pull = repo.pulls.find((candidate) => candidate.number === Number(fields.number));
    if (pull === undefined || pull.state !== 'open') {
      throw new HttpError(404, 'no such open pull request');
    }
    pull.state = 'closed';
    return { status: 201, body: commit(sim, repo, `${pull.title} (#${pull.number})`, pull.author, pull.contents ?? {}) };
  }
  const contents = asContents(fields.contents);
  if (path === '/_admin/commit') {
    return { status: 201, body: commit(sim, repo, typeof fields.message === 'string' ? fields.message : 'Update files', author, contents) };
  }
  const number = Math.max(0, ...repo.pulls.map((pull) => pull.number)) + 1;
  const title = typeof fields.title === 'string' ? fields.title : 'Update files';
  const pull = { number, title, head: typeof fields.branch === 'string' ? fields.branch : `update-${number}`, base: repo.defaultBranch, state: 'open' as const, body: '', author, createdAt: sim.clock.iso(), contents };
  repo.pulls.push(pull);
  return { status: 201, body: pull };
}

function commit(sim: Simulation, repo: WorldRepo, message: string, author: string, contents: Readonly<Record<string, string>>): WorldCommit {
  const files = Object.entries(contents).map(([filename, text]) => ({ filename, patch: patchBetween(fileTextAt(repo, filename, repo.defaultBranch) ?? '', text) }));
  const sha = createHash('sha1').update(`${headOf(repo).sha}\n${message}\n${JSON.stringify(contents)}`).digest('hex');
  const created: WorldCommit = { sha, message, author, date: sim.clock.iso(), files, contents };
  repo.commits.push(created);
  return created;
}

function asContents(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Object.values(value).some((text) => typeof text !== 'string')) {
    throw new HttpError(422, 'contents must map paths to texts');
  }
  return value as Record<string, string>;
}
