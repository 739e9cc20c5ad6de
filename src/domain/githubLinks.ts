import type { DeckFacts } from './facts';
import { isSafeLink } from './links';
import type { NotesView } from './releaseNotes';

/**
 * A link from one of GitHub's answers (a run's, a release's, a comparison's `html_url`): kept only when
 * it is safe and on the web host in force (github.com, or the GitHub Enterprise server), else ''.
 */
export function checkedGitHubLink(url: string, webUrl: string): string {
  if (!isSafeLink(url)) {
    return '';
  }
  try {
    return new URL(url).origin === new URL(webUrl).origin ? url : '';
  } catch {
    return '';
  }
}

/** The facts with every link from GitHub's answers checked: a refused one becomes '' (no link shown). */
export function withCheckedLinks(facts: DeckFacts, webUrl: string): DeckFacts {
  const check = <T extends { readonly htmlUrl: string }>(item: T): T => {
    const htmlUrl = checkedGitHubLink(item.htmlUrl, webUrl);
    return htmlUrl === item.htmlUrl ? item : { ...item, htmlUrl };
  };
  return {
    ...facts,
    releases: facts.releases.map(check),
    mainCommits: facts.mainCommits.map(check),
    deploymentRuns: facts.deploymentRuns.map(check),
    releaseRuns: facts.releaseRuns.map(check),
  };
}

/** The release notes with every link from GitHub's answers checked: a refused one becomes '' (or is left out). */
export function withCheckedNotesLinks(view: NotesView, webUrl: string): NotesView {
  const { compareUrl, ...rest } = view;
  const checkedCompare = compareUrl !== undefined ? checkedGitHubLink(compareUrl, webUrl) : '';
  return {
    ...rest,
    htmlUrl: checkedGitHubLink(view.htmlUrl, webUrl),
    commits: view.commits.map((commit) => ({ ...commit, url: checkedGitHubLink(commit.url, webUrl) })),
    ...(checkedCompare !== '' ? { compareUrl: checkedCompare } : {}),
  };
}
