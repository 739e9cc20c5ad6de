import type { World, WorldEnvironment } from '../world';

/**
 * The apps' `GET /live/{app}/{env}/version` endpoints: nginx's `{"release", "environment"}` (openverse-facts §3),
 * and nginx's own 404 page for any other path.
 */

export const NGINX_NOT_FOUND = '<html><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>';

/** Environments by their /version path (the list is replaced, never edited in place, when the world is). */
const environmentsByPath = new WeakMap<readonly WorldEnvironment[], Map<string, WorldEnvironment>>();
export function environmentAt(world: World, path: string): WorldEnvironment | undefined {
  let byPath = environmentsByPath.get(world.environments);
  if (byPath === undefined || byPath.size !== world.environments.length) {
    byPath = new Map(world.environments.map((environment) => [environment.path, environment]));
    environmentsByPath.set(world.environments, byPath);
  }
  return byPath.get(path);
}

export function versionAnswer(environment: WorldEnvironment): Record<string, string> {
  return { release: environment.release, environment: environment.environmentName };
}
