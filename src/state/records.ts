import { versionKey, type RecordFact } from '../domain/facts';
import type { Profile, RecordedIn } from '../domain/profileTypes';
import type { GitHubClient } from '../github/client';
import { listCommits } from '../github/commits';
import { readFileText } from '../github/contents';
import { describeError, ENGLISH, isGitHubError, type Language } from '../github/errors';
import { headCommitSha, listOpenPulls, pullFilePaths, type OpenPull } from '../github/recordFiles';
import { captureAll } from './patternGuard';

/**
 * Reads, for every manual environment with `recordedIn`, the file its procedure records the image tag in
 * (recordedVersion.ts). Per repository and refresh: its newest commit and its open pull requests, two
 * conditional requests in parallel (free when nothing changed). Only when they changed: the file at that
 * commit and the last commit that changed it, and the files of a new or updated pull request, each
 * remembered by the commit it was read at (what a commit holds never changes). Never throws: why something
 * could not be read is the fact's `problem`, said in `language` (the deck's; only the deck shows it).
 * Each environment's pattern runs here, on the texts read, under a time limit (patternGuard.ts): the fact
 * holds what it captured, not the texts.
 */

/** A record file as read, before an environment's pattern runs on its texts. */
interface ReadRecord {
  readonly repo: string;
  readonly path: string;
  readonly file?: { readonly text: string; readonly commit: NonNullable<RecordFact['file']>['commit'] };
  readonly pulls: ReadonlyArray<{ readonly number: number; readonly htmlUrl: string; readonly author: string; readonly text?: string }>;
  readonly problem?: string;
}

const remembered = new Map<string, Promise<unknown>>();
const MAX_REMEMBERED = 200;

function once<T>(key: string, read: () => Promise<T>): Promise<T> {
  const known = remembered.get(key) as Promise<T> | undefined;
  if (known !== undefined) {
    return known;
  }
  // Full: forget the oldest only (a Map keeps insertion order), not what was just read.
  for (const oldest of remembered.keys()) {
    if (remembered.size < MAX_REMEMBERED) {
      break;
    }
    remembered.delete(oldest);
  }
  const reading = read();
  remembered.set(key, reading);
  reading.catch(() => remembered.delete(key));
  return reading;
}

export async function gatherRecords(client: GitHubClient, profile: Profile, language: Language = ENGLISH): Promise<Record<string, RecordFact>> {
  const wanted = profile.apps.flatMap((app) =>
    app.environments.flatMap((environment) => (environment.deploy.kind === 'manual' && environment.deploy.recordedIn !== undefined ? [{ key: versionKey(app.id, environment.id), recordedIn: environment.deploy.recordedIn }] : [])),
  );
  const repos = [...new Set(wanted.map((entry) => entry.recordedIn.repo))];
  const perRepo = await Promise.all(repos.map(async (repo) => [repo, await readRepo(client, repo, wanted.filter((entry) => entry.recordedIn.repo === repo).map((entry) => entry.recordedIn), language)] as const));
  const byFile = new Map(perRepo.flatMap(([, facts]) => facts.map((fact) => [`${fact.repo} ${fact.path}`, fact] as const)));
  return Object.fromEntries(wanted.flatMap(({ key, recordedIn }) => {
    const read = byFile.get(`${recordedIn.repo} ${recordedIn.path}`);
    return read !== undefined ? [[key, captured(read, recordedIn.pattern)]] : [];
  }));
}

/** The fact for one environment: what its pattern captures in the file and in each pull request's copy. */
function captured(read: ReadRecord, pattern: string): RecordFact {
  const { file, pulls, ...rest } = read;
  const texts = [...(file !== undefined ? [file.text] : []), ...pulls.flatMap((pull) => (pull.text !== undefined ? [pull.text] : []))];
  const captures = captureAll(pattern, texts);
  let next = 0;
  const take = (): NonNullable<RecordFact['file']>['capture'] => captures[next++] ?? {};
  return {
    ...rest,
    ...(file !== undefined ? { file: { capture: take(), commit: file.commit } } : {}),
    pulls: pulls.map(({ text, ...pull }) => (text !== undefined ? { ...pull, capture: take() } : pull)),
  };
}

async function readRepo(client: GitHubClient, repo: string, records: readonly RecordedIn[], language: Language): Promise<ReadRecord[]> {
  const paths = [...new Set(records.map((record) => record.path))];
  const [head, pulls] = await Promise.allSettled([headCommitSha(client, repo), listOpenPulls(client, repo)]);
  // The deck says it mid-sentence ("… could not be read: {problem}, so …"): without the error's closing full stop.
  const said = (error: unknown): string => describeError(error, language).replace(/\.$/, '');
  const pullsProblem = pulls.status === 'rejected' ? language.l10n.t('its open pull requests could not be listed ({0})', describeError(pulls.reason, language)) : undefined;
  const pending = pulls.status === 'fulfilled' ? await pullsChanging(client, repo, pulls.value, paths) : new Map<string, ReadRecord['pulls']>();
  return Promise.all(
    paths.map(async (path): Promise<ReadRecord> => {
      const base = { repo, path, pulls: pending.get(path) ?? [], ...(pullsProblem !== undefined ? { problem: pullsProblem } : {}) };
      if (head.status === 'rejected') {
        return { ...base, problem: said(head.reason) };
      }
      const at = `${client.apiUrl} ${repo}@${head.value}`;
      try {
        // No such file at that commit is an answer too (remembered like the others), not a failure.
        const [text, commits] = await Promise.all([
          once(`${at} ${path}`, () => fileOrNothing(client, repo, path, head.value)),
          once(`${at} ${path} last`, () => listCommits(client, repo, head.value, { path, perPage: 1 })),
        ]);
        const [last] = commits;
        return last === undefined || text === undefined ? base : { ...base, file: { text: text.text, commit: { sha: last.sha, author: last.author, date: last.date, htmlUrl: last.htmlUrl } } };
      } catch (error) {
        return { ...base, problem: said(error) };
      }
    }),
  );
}

/** Per recorded path, the open pull requests that change it, with its text on their head commit. */
async function pullsChanging(client: GitHubClient, repo: string, pulls: readonly OpenPull[], paths: readonly string[]): Promise<Map<string, ReadRecord['pulls']>> {
  const found = new Map<string, Array<ReadRecord['pulls'][number]>>();
  await Promise.all(
    pulls.map(async (pull) => {
      const at = `${client.apiUrl} ${repo}#${pull.number}@${pull.headSha}`;
      const changed: string[] = await once(`${at} files`, () => pullFilePaths(client, repo, pull.number)).catch(() => []);
      for (const path of paths.filter((candidate) => changed.includes(candidate))) {
        const text = await once(`${at} ${path}`, () => readFileText(client, repo, path, pull.headSha)).then((file) => file.text, () => undefined);
        found.set(path, [...(found.get(path) ?? []), { number: pull.number, htmlUrl: pull.htmlUrl, author: pull.author, ...(text !== undefined ? { text } : {}) }]);
      }
    }),
  );
  return found;
}

/** The file's text at a commit, or undefined when it has no such file (404). */
async function fileOrNothing(client: GitHubClient, repo: string, path: string, ref: string): Promise<{ text: string } | undefined> {
  try {
    return await readFileText(client, repo, path, ref);
  } catch (error) {
    if (isGitHubError(error) && error.status === 404) {
      return undefined;
    }
    throw error;
  }
}
