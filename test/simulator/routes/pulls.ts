import { HttpError } from '../errors';
import { asRecord, paginate, requireScope, type Router } from '../routing';
import type { Shapes } from '../shapes';
import { headOf, type Simulation } from '../state';
import type { WorldPull, WorldRepo } from '../world';
import { pullHeadSha } from '../workflowFiles';

/** `GET …/pulls` (`head`, `state`), `PATCH …/pulls/{number}` (`state`, `title`, `body`). */
export function pullsRoutes({ repoRoute }: Router, sim: Simulation, shapes: Shapes): void {
  const { userJson, repoJson } = shapes;

  function pullJson(repo: WorldRepo, pull: WorldPull, base: string): Record<string, unknown> {
    const url = `${base}/repos/${repo.fullName}/pulls/${pull.number}`;
    const [owner = ''] = repo.fullName.split('/');
    const head = headOf(repo);
    const branch = (ref: string, sha = head.sha) => ({ label: `${owner}:${ref}`, ref, sha, user: userJson(owner), repo: repoJson(repo, base, true) });
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
      updated_at: pull.closedAt ?? pull.createdAt,
      closed_at: pull.closedAt ?? null,
      merged_at: null,
      merge_commit_sha: null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: branch(pull.head, pullHeadSha(pull)),
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

  // "Update a pull request" (https://docs.github.com/en/rest/pulls/pulls#update-a-pull-request): `state`
  // open or closed, `title`, `body`; answers 200 with the pull request; 422 for another state.
  repoRoute('PATCH', '/pulls/{number}', (context, repo, match) => {
    requireScope(context, 'repo');
    const pull = repo.pulls.find((candidate) => String(candidate.number) === match[3]);
    if (pull === undefined) {
      throw new HttpError(404, 'Not Found');
    }
    const body = asRecord(context.body);
    if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed') {
      throw new HttpError(422, 'Validation Failed', { errors: [{ resource: 'PullRequest', code: 'invalid', field: 'state' }] });
    }
    if (typeof body.title === 'string') {
      pull.title = body.title;
    }
    if (typeof body.body === 'string') {
      pull.body = body.body;
    }
    if (body.state === 'closed' && pull.state === 'open') {
      pull.state = 'closed';
      pull.closedAt = sim.clock.iso();
    } else if (body.state === 'open' && pull.state === 'closed') {
      pull.state = 'open';
      delete pull.closedAt;
    }
    return { status: 200, body: pullJson(repo, pull, context.baseUrl) };
  });
}
