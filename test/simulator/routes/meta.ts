import type { Context, Router } from '../routing';
import type { Shapes } from '../shapes';
import type { Simulation } from '../state';

/**
 * `GET /meta`. A GitHub Enterprise Server says its version there (`installed_version`, e.g. "3.20.0"; GitHub CLI reads
 * it to know what the server supports, cli/cli internal/featuredetection); api.github.com's answer has none.
 * The version served under /api/v3 is the world's `enterpriseVersion`, by default the last one GitHub CLI names as not
 * knowing a dispatch's `return_run_details` ("On GHES (current latest at 3.20), this new field is not available, and
 * setting it will cause a 400 response"; supported from 3.21.0).
 */
export const ENTERPRISE_VERSION = '3.20.0';

/** Whether the request came to the simulator's GitHub Enterprise Server (/api/v3). */
export const onEnterpriseServer = (context: Context): boolean => context.baseUrl.endsWith('/api/v3');

/** Whether the Enterprise Server's version is at least `wanted` ("major.minor.patch"). */
export function enterpriseAtLeast(sim: Simulation, wanted: string): boolean {
  const parts = (version: string): number[] => version.split('.').map((part) => parseInt(part, 10) || 0);
  const have = parts(sim.world.enterpriseVersion ?? ENTERPRISE_VERSION);
  const need = parts(wanted);
  for (let index = 0; index < Math.max(have.length, need.length); index += 1) {
    const difference = (have[index] ?? 0) - (need[index] ?? 0);
    if (difference !== 0) {
      return difference > 0;
    }
  }
  return true;
}

export function metaRoutes({ route }: Router, sim: Simulation, _shapes: Shapes): void {
  route('GET', '/meta', (context) => ({
    status: 200,
    body: { verifiable_password_authentication: false, ...(onEnterpriseServer(context) ? { installed_version: sim.world.enterpriseVersion ?? ENTERPRISE_VERSION } : {}) },
  }));
}
