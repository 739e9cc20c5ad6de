import type { Router } from '../routing';
import type { Shapes } from '../shapes';
import type { Simulation } from '../state';

/** `GET /user` (the token's user) and `GET /repos/{owner}/{repo}`. */
export function reposRoutes({ route, repoRoute }: Router, _sim: Simulation, shapes: Shapes): void {
  const { userJson, repoJson } = shapes;
  route('GET', '/user', (context) => ({
    status: 200,
    body: {
      ...userJson(context.token.login),
      user_view_type: 'private',
      name: context.token.login,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      public_repos: 0,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: '2020-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      private_gists: 0,
      total_private_repos: 0,
      owned_private_repos: 0,
      disk_usage: 0,
      collaborators: 0,
      two_factor_authentication: true,
    },
  }));
  repoRoute('GET', '', (context, repo) => ({ status: 200, body: repoJson(repo, context.baseUrl, true) }));
}
