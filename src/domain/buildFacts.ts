import { releasesOf } from './deckReleases';
import { versionKey, type DeckFacts } from './facts';
import type { Profile } from './profileTypes';
import { buildPathsOf } from './buildPaths';
import { normalFolder } from './sameBuild';
import { isFullSha } from './tags';

/**
 * Which apps' histories a refresh must read to tell builds apart (sameBuild.ts): for each app whose
 * environment's /version reports another commit than the app's newest release's git tag names, the
 * history of each source folder at the newest of those commits when all are among main's newest commits
 * (it answers for the older ones too), else at each. None when every environment runs the tag's commit.
 */
export function historiesToRead(profile: Profile, facts: DeckFacts): Array<{ sha: string; folder: string }> {
  const tagCommits = new Map(facts.tags.map((tag) => [tag.name, tag.sha]));
  const commitIndex = new Map(facts.mainCommits.map((commit, index) => [commit.sha, index]));
  const wanted = new Map<string, { sha: string; folder: string }>();
  for (const app of profile.apps) {
    if (!app.usesReleases || buildPathsOf(app).length === 0) {
      continue;
    }
    const newest = releasesOf(app, { facts, tagCommits, commitIndex }).releases[0];
    const tagCommit = newest?.commitSha;
    if (tagCommit === undefined) {
      continue;
    }
    const running = app.environments.flatMap((environment) => {
      const answer = facts.versions[versionKey(app.id, environment.id)];
      return answer?.kind === 'answered' && isFullSha(answer.release) && answer.release !== tagCommit && answer.release !== newest?.buildSha ? [answer.release] : [];
    });
    const commits = running.length > 0 ? [tagCommit, ...running] : [];
    const positions = commits.flatMap((sha) => {
      const position = commitIndex.get(sha);
      return position !== undefined ? [position] : [];
    });
    const latest = positions.length === commits.length ? commits[positions.indexOf(Math.min(...positions))] : undefined;
    for (const sha of latest !== undefined ? [latest] : commits) {
      for (const folder of buildPathsOf(app)) {
        wanted.set(`${sha} ${normalFolder(folder)}`, { sha, folder: normalFolder(folder) });
      }
    }
  }
  return [...wanted.values()];
}
