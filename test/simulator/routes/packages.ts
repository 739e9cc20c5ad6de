import { createHash } from 'node:crypto';
import { HttpError } from '../errors';
import { paginate, type Router } from '../routing';
import type { Shapes } from '../shapes';
import type { Simulation } from '../state';

/**
 * `GET /orgs/{org}/packages/container/{package_name}/versions`: the container images of `world.images`
 * (app → image tag → commit), as GitHub Packages lists them ("List package versions for a package owned by an
 * organization", docs.github.com/rest/packages/packages). One version per image (digest); its
 * `metadata.container.tags` hold every tag of that image: `latest`, the 40-character commit SHA CI tags it
 * with, and the `rel-…` tags the release workflow adds with `docker buildx imagetools create` (openverse-facts
 * §1.3, §1.4, §2). Images are `ghcr.io/<org>/openverse-<app>`, and `…_nginx` for the API and frontend.
 * Classic tokens need the read:packages scope; GitHub Packages takes no fine-grained token.
 */
const NGINX_APPS: readonly string[] = ['api', 'frontend'];

export function packagesRoutes({ route }: Router, sim: Simulation, _shapes: Shapes): void {
  route('GET', '/orgs/{org}/packages/container/{package_name}/versions', (context, match) => {
    const org = decodeURIComponent(match[1] ?? '');
    const name = decodeURIComponent(match[2] ?? '');
    if (context.token.scopes === null || !context.token.scopes.includes('read:packages')) {
      throw new HttpError(403, 'You need at least read:packages scope to list packages.');
    }
    const owner = sim.world.repos[0]?.fullName.split('/')[0] ?? '';
    const [, app, nginx] = /^openverse-(.+?)(_nginx)?$/.exec(name) ?? [];
    // Only the API and the frontend have an nginx image: CI publishes api → {api, api_nginx} and frontend →
    // {frontend, frontend_nginx}, and the release run re-tags both (openverse-facts §1.3, §1.4). It is built and
    // tagged with the app's image, so it carries the same tags.
    const openverse = org.toLowerCase() === owner.toLowerCase() && app !== undefined && (nginx === undefined || NGINX_APPS.includes(app)) ? sim.world.images[app] : undefined;
    // Another world's package (an organization's packages are listed by name whatever their image naming).
    const other = Object.entries(sim.world.containerPackages ?? {}).find(([fullName]) => fullName.toLowerCase() === `${org}/${name}`.toLowerCase())?.[1];
    const images = openverse ?? (other !== undefined ? sim.world.images[other] : undefined);
    if (images === undefined) {
      throw new HttpError(404, 'Package not found.');
    }
    // One version per image built: the commit it was built from, and every tag that points at it.
    const byCommit = new Map<string, string[]>();
    for (const [tag, commit] of Object.entries(images)) {
      const tags = byCommit.get(commit) ?? [commit];
      if (!tags.includes(tag)) {
        tags.push(tag);
      }
      byCommit.set(commit, tags);
    }
    const at = sim.clock.iso();
    const login = openverse !== undefined ? owner : org;
    const base = `${context.baseUrl}/orgs/${login}/packages/container/${name}`;
    const versions = [...byCommit].reverse().map(([commit, tags]) => {
      const id = parseInt(createHash('sha1').update(`${name}:${commit}`).digest('hex').slice(0, 8), 16);
      return {
        id,
        name: `sha256:${createHash('sha256').update(`${name}:${commit}`).digest('hex')}`,
        url: `${base}/versions/${String(id)}`,
        package_html_url: `https://github.com/orgs/${login}/packages/container/package/${name}`,
        html_url: `https://github.com/orgs/${login}/packages/container/${name}/${String(id)}`,
        created_at: at,
        updated_at: at,
        metadata: { package_type: 'container', container: { tags } },
      };
    });
    // Paged as GitHub documents the route (`page`, `per_page` default 30, max 100).
    const { page, headers } = paginate(versions, context);
    return { status: 200, headers, body: page };
  });
}
