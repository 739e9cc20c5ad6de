import { paginate, type Router } from '../routing';
import type { Shapes } from '../shapes';
import { headOf, type Simulation } from '../state';
import type { WorldPull, WorldRepo } from '../world';

/** `GET …/pulls` (`head`, `state`). */
export function pullsRoutes({ repoRoute }: Router, _sim: Simulation, shapes: Shapes): void {
  const { userJson, repoJson } = shapes;

  function pullJson(repo: WorldRepo, pull: WorldPull, base: string): Record<string, unknown> {
    const url = `${base}/repos/${repo.fullName}/pulls/${pull.number}`;
    const [owner = ''] = repo.fullName.split('/');
    const head = headOf(repo);
    const branch = (ref: string) => ({ label: `${owner}:${ref}`, ref, sha: head.sha, user: userJson(owner), repo: repoJson(repo, base) });
    return {
      url,
      id: pull.number * 7,
      node_id: Buffer.from(`PR_${pull.number}`).toString('base64'),
      html_url: `https://github.com/${repo.fullName}/pull/${pull.number}`,
      diff_url: `https://github.com/${repo.fullName}/pull/${pull.number}.diff`,
      patch_url: `https://github.com/${repo.fullName}/pull/${pull.number}.patch`,
      issue_url: `${base}/repos/${repo.fullName}/issues/${pull.number}`,
      commits_url: `${url}/commits`,
      review_comments_url: `${url}/comments`,
      review_comment_url: `${base}/repos/${repo.fullName}/pulls/comments{/number}`,
      comments_url: `${base}/repos/${repo.fullName}/issues/${pull.number}/comments`,
      statuses_url: `${base}/repos/${repo.fullName}/statuses/${head.sha}`,
      number: pull.number,
      state: pull.state,
      locked: false,
      title: pull.title,
      user: userJson(pull.author),
      body: pull.body,
      labels: [],
      milestone: null,
      active_lock_reason: null,
      created_at: pull.createdAt,
      updated_at: pull.createdAt,
      closed_at: null,
      merged_at: null,
      merge_commit_sha: null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: branch(pull.head),
      base: branch(pull.base),
      _links: {
        self: { href: url },
        html: { href: `https://github.com/${repo.fullName}/pull/${pull.number}` },
        issue: { href: `${base}/repos/${repo.fullName}/issues/${pull.number}` },
        comments: { href: `${base}/repos/${repo.fullName}/issues/${pull.number}/comments` },
        review_comments: { href: `${url}/comments` },
        review_comment: { href: `${base}/repos/${repo.fullName}/pulls/comments{/number}` },
        commits: { href: `${url}/commits` },
        statuses: { href: `${base}/repos/${repo.fullName}/statuses/${head.sha}` },
      },
      author_association: 'MEMBER',
      auto_merge: null,
      draft: false,
    };
  }

  repoRoute('GET', '/pulls', (context, repo) => {
    const state = context.query.get('state') ?? 'open';
    const head = context.query.get('head');
    const pulls = repo.pulls
      .filter((pull) => state === 'all' || pull.state === state)
      .filter((pull) => head === null || head.split(':').pop() === pull.head)
      .sort((a, b) => b.number - a.number);
    const { page, headers } = paginate(pulls, context);
    return { status: 200, headers, body: page.map((pull) => pullJson(repo, pull, context.baseUrl)) };
  });
}
