import { createHash } from 'node:crypto';
import type { Clock } from './clock';
import { renderMarkdown } from './markdown';
import { runStatus } from './runs';
import { commitsByShaOf, runNumbersOf } from './state';
import type { WorldCommit, WorldRelease, WorldRepo, WorldRun } from './world';
import type { WorldWorkflow } from './worldWorkflows';

/** GitHub's JSON shapes for what the world holds, as the REST API answers them. */
export type Shapes = ReturnType<typeof createShapes>;

export function createShapes(clock: Clock) {

  // Pure functions of their arguments, asked for hundreds of times by a page of runs: computed once each.
  const userJsonMemo = new Map<string, Record<string, unknown>>();
  const repoJsonMemo = new Map<string, Record<string, unknown>>();

  function userJson(login: string): Record<string, unknown> {
    const known = userJsonMemo.get(login);
    if (known !== undefined) {
      return known;
    }
    const json = userJsonUncached(login);
    userJsonMemo.set(login, json);
    return json;
  }

  function userJsonUncached(login: string): Record<string, unknown> {
    const id = parseInt(createHash('sha1').update(login).digest('hex').slice(0, 7), 16);
    const url = `https://api.github.com/users/${login}`;
    return {
      login,
      id,
      node_id: Buffer.from(`U_${login}`).toString('base64'),
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: '',
      url,
      html_url: `https://github.com/${login}`,
      followers_url: `${url}/followers`,
      following_url: `${url}/following{/other_user}`,
      gists_url: `${url}/gists{/gist_id}`,
      starred_url: `${url}/starred{/owner}{/repo}`,
      subscriptions_url: `${url}/subscriptions`,
      organizations_url: `${url}/orgs`,
      repos_url: `${url}/repos`,
      events_url: `${url}/events{/privacy}`,
      received_events_url: `${url}/received_events`,
      type: login.endsWith('[bot]') ? 'Bot' : 'User',
      site_admin: false,
    };
  }

  function repoJson(repo: WorldRepo, base: string, full = false): Record<string, unknown> {
    if (full) {
      return repoJsonUncached(repo, base, true);
    }
    const key = `${repo.fullName}|${String(repo.private)}|${repo.defaultBranch}|${base}`;
    const known = repoJsonMemo.get(key);
    if (known !== undefined) {
      return known;
    }
    const json = repoJsonUncached(repo, base, false);
    repoJsonMemo.set(key, json);
    return json;
  }

  function repoJsonUncached(repo: WorldRepo, base: string, full: boolean): Record<string, unknown> {
    const [owner = ''] = repo.fullName.split('/');
    const url = `${base}/repos/${repo.fullName}`;
    const templates = Object.fromEntries(
      (
        [
          ['archive_url', '/{archive_format}{/ref}'], ['assignees_url', '/assignees{/user}'], ['blobs_url', '/git/blobs{/sha}'], ['branches_url', '/branches{/branch}'],
          ['collaborators_url', '/collaborators{/collaborator}'], ['comments_url', '/comments{/number}'], ['commits_url', '/commits{/sha}'], ['compare_url', '/compare/{base}...{head}'],
          ['contents_url', '/contents/{+path}'], ['contributors_url', '/contributors'], ['deployments_url', '/deployments'], ['downloads_url', '/downloads'], ['events_url', '/events'],
          ['forks_url', '/forks'], ['git_commits_url', '/git/commits{/sha}'], ['git_refs_url', '/git/refs{/sha}'], ['git_tags_url', '/git/tags{/sha}'], ['hooks_url', '/hooks'],
          ['issue_comment_url', '/issues/comments{/number}'], ['issue_events_url', '/issues/events{/number}'], ['issues_url', '/issues{/number}'], ['keys_url', '/keys{/key_id}'],
          ['labels_url', '/labels{/name}'], ['languages_url', '/languages'], ['merges_url', '/merges'], ['milestones_url', '/milestones{/number}'],
          ['notifications_url', '/notifications{?since,all,participating}'], ['pulls_url', '/pulls{/number}'], ['releases_url', '/releases{/id}'], ['stargazers_url', '/stargazers'],
          ['statuses_url', '/statuses/{sha}'], ['subscribers_url', '/subscribers'], ['subscription_url', '/subscription'], ['tags_url', '/tags'], ['teams_url', '/teams'], ['trees_url', '/git/trees{/sha}'],
        ] as const
      ).map(([key, suffix]) => [key, `${url}${suffix}`]),
    );
    const minimal = {
      id: parseInt(createHash('sha1').update(repo.fullName).digest('hex').slice(0, 7), 16),
      node_id: Buffer.from(`R_${repo.fullName}`).toString('base64'),
      name: repo.fullName.split('/')[1],
      full_name: repo.fullName,
      private: repo.private,
      owner: userJson(owner),
      html_url: `https://github.com/${repo.fullName}`,
      description: null,
      fork: false,
      url,
      ...templates,
      default_branch: repo.defaultBranch,
      visibility: repo.private ? 'private' : 'public',
      archived: false,
      disabled: false,
    };
    if (!full) {
      return minimal;
    }
    const head = repo.commits[repo.commits.length - 1];
    return {
      ...minimal,
      clone_url: `https://github.com/${repo.fullName}.git`,
      git_url: `git://github.com/${repo.fullName}.git`,
      ssh_url: `git@github.com:${repo.fullName}.git`,
      svn_url: `https://github.com/${repo.fullName}`,
      mirror_url: null,
      homepage: null,
      language: 'Python',
      forks: 0,
      forks_count: 0,
      stargazers_count: 0,
      watchers: 0,
      watchers_count: 0,
      size: 1024,
      open_issues: 0,
      open_issues_count: 0,
      has_issues: true,
      has_projects: true,
      has_wiki: false,
      has_pages: false,
      has_discussions: false,
      has_downloads: true,
      license: null,
      pushed_at: head?.date ?? '2026-01-01T00:00:00Z',
      created_at: '2020-01-01T00:00:00Z',
      updated_at: head?.date ?? '2026-01-01T00:00:00Z',
      network_count: 0,
      subscribers_count: 0,
      // Fields a full repository carries in GitHub's answer recorded by @octokit/fixtures
      // (scenarios/api.github.com/get-repository, 2022) and in its description ("full-repository").
      // `permissions` are the signed-in account's: the world's tokens publish and dispatch, so push.
      // `organization` is left out: GitHub sends it only for a repository an organization owns, and
      // the world does not say who owns what.
      allow_forking: true,
      is_template: false,
      web_commit_signoff_required: false,
      topics: [],
      permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
      temp_clone_token: '',
      allow_squash_merge: true,
      allow_merge_commit: true,
      allow_rebase_merge: true,
      allow_auto_merge: false,
      delete_branch_on_merge: false,
      allow_update_branch: false,
      use_squash_pr_title_as_default: false,
    };
  }

  function releaseJson(repo: WorldRepo, release: WorldRelease, base: string, html: boolean): Record<string, unknown> {
    const url = `${base}/repos/${repo.fullName}/releases/${release.id}`;
    const tagPath = release.draft ? `untagged-${createHash('sha1').update(String(release.id)).digest('hex').slice(0, 20)}` : `tag/${release.tagName}`;
    return {
      url,
      html_url: `https://github.com/${repo.fullName}/releases/${tagPath}`,
      assets_url: `${url}/assets`,
      upload_url: `https://uploads.github.com/repos/${repo.fullName}/releases/${release.id}/assets{?name,label}`,
      tarball_url: release.draft ? null : `${base}/repos/${repo.fullName}/tarball/${release.tagName}`,
      zipball_url: release.draft ? null : `${base}/repos/${repo.fullName}/zipball/${release.tagName}`,
      id: release.id,
      node_id: Buffer.from(`RE_${release.id}`).toString('base64'),
      tag_name: release.tagName,
      target_commitish: release.targetCommitish,
      name: release.name,
      draft: release.draft,
      prerelease: release.prerelease,
      immutable: false,
      created_at: release.createdAt,
      updated_at: release.publishedAt ?? release.createdAt,
      published_at: release.publishedAt,
      author: userJson(release.author),
      assets: [],
      body: release.body,
      ...(html ? { body_html: renderMarkdown(release.body) } : {}),
    };
  }

  function commitJson(repo: WorldRepo, commit: WorldCommit, parent: WorldCommit | undefined, base: string): Record<string, unknown> {
    const url = `${base}/repos/${repo.fullName}/commits/${commit.sha}`;
    const person = { name: commit.author, email: `${commit.author}@users.noreply.github.com`, date: commit.date };
    return {
      url,
      sha: commit.sha,
      node_id: Buffer.from(`C_${commit.sha}`).toString('base64'),
      html_url: `https://github.com/${repo.fullName}/commit/${commit.sha}`,
      comments_url: `${url}/comments`,
      commit: {
        url: `${base}/repos/${repo.fullName}/git/commits/${commit.sha}`,
        author: person,
        committer: person,
        message: commit.message,
        comment_count: 0,
        tree: { sha: createHash('sha1').update(`tree-${commit.sha}`).digest('hex'), url: `${base}/repos/${repo.fullName}/git/trees/${commit.sha}` },
      },
      author: userJson(commit.author),
      committer: userJson(commit.author),
      parents: parent !== undefined ? [{ sha: parent.sha, url: `${base}/repos/${repo.fullName}/commits/${parent.sha}`, html_url: `https://github.com/${repo.fullName}/commit/${parent.sha}` }] : [],
    };
  }

  function workflowJson(repo: WorldRepo, workflow: WorldWorkflow, base: string): Record<string, unknown> {
    return {
      id: workflow.id,
      node_id: Buffer.from(`W_${workflow.id}`).toString('base64'),
      name: workflow.name,
      path: workflow.path,
      state: 'active',
      created_at: '2023-01-01T00:00:00Z',
      updated_at: '2025-01-01T00:00:00Z',
      url: `${base}/repos/${repo.fullName}/actions/workflows/${workflow.id}`,
      html_url: `https://github.com/${repo.fullName}/blob/${repo.defaultBranch}/${workflow.path}`,
      badge_url: `https://github.com/${repo.fullName}/workflows/${encodeURIComponent(workflow.name)}/badge.svg`,
    };
  }

  function runJson(repo: WorldRepo, run: WorldRun, base: string): Record<string, unknown> {
    const workflow = repo.workflows.find((candidate) => candidate.path === run.workflowPath);
    const state = runStatus(run, clock.nowMs());
    const url = `${base}/repos/${repo.fullName}/actions/runs/${run.id}`;
    const sameWorkflow = runNumbersOf(repo.runs).get(run.id) ?? 0;
    const head = commitsByShaOf(repo.commits).get(run.headSha);
    return {
      id: run.id,
      name: workflow?.name ?? run.workflowPath,
      node_id: Buffer.from(`WFR_${run.id}`).toString('base64'),
      check_suite_id: run.id * 10,
      check_suite_node_id: Buffer.from(`CS_${run.id}`).toString('base64'),
      head_branch: run.headBranch,
      head_sha: run.headSha,
      path: run.workflowPath,
      display_title: run.displayTitle,
      run_number: sameWorkflow,
      event: run.event,
      status: state.status,
      conclusion: state.conclusion,
      workflow_id: workflow?.id ?? 0,
      url,
      html_url: `https://github.com/${repo.fullName}/actions/runs/${run.id}`,
      pull_requests: [],
      created_at: run.createdAt,
      updated_at: clock.iso(state.updatedMs),
      run_started_at: clock.iso(state.startedMs),
      run_attempt: run.attempt ?? 1,
      actor: userJson(run.actor),
      triggering_actor: userJson(run.actor),
      jobs_url: `${url}/jobs`,
      logs_url: `${url}/logs`,
      check_suite_url: `${base}/repos/${repo.fullName}/check-suites/${run.id * 10}`,
      artifacts_url: `${url}/artifacts`,
      cancel_url: `${url}/cancel`,
      rerun_url: `${url}/rerun`,
      previous_attempt_url: (run.attempt ?? 1) > 1 ? `${url}/attempts/${(run.attempt ?? 1) - 1}` : null,
      workflow_url: `${base}/repos/${repo.fullName}/actions/workflows/${workflow?.id ?? 0}`,
      head_commit: head !== undefined
        ? { id: head.sha, tree_id: createHash('sha1').update(`tree-${head.sha}`).digest('hex'), message: head.message, timestamp: head.date, author: { name: head.author, email: `${head.author}@users.noreply.github.com` }, committer: { name: head.author, email: `${head.author}@users.noreply.github.com` } }
        : null,
      repository: repoJson(repo, base),
      head_repository: repoJson(repo, base),
    };
  }

  function fileJson(file: { filename: string; patch?: string }): Record<string, unknown> {
    const additions = (file.patch ?? '').split('\n').filter((line) => line.startsWith('+')).length;
    const deletions = (file.patch ?? '').split('\n').filter((line) => line.startsWith('-')).length;
    const sha = createHash('sha1').update(file.filename + (file.patch ?? '')).digest('hex');
    return {
      sha,
      filename: file.filename,
      status: 'modified',
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: `https://github.com/blob/${sha}/${file.filename}`,
      raw_url: `https://github.com/raw/${sha}/${file.filename}`,
      contents_url: `https://api.github.com/contents/${file.filename}`,
      ...(file.patch !== undefined ? { patch: file.patch } : {}),
    };
  }

  return { userJson, repoJson, releaseJson, commitJson, workflowJson, runJson, fileJson };
}
