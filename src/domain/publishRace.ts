import type { DeckSnapshot, EnvironmentDeck } from './snapshot';

/**
 * The dispatch-and-wait race (openverse-facts §1.3): the release workflow sends a repository_dispatch,
 * then follows the newest repository_dispatch run of the infrastructure repository created in the last
 * 10 s. Two publishes close together can each follow the other's deployment run. Publishing within a
 * minute of another publish (of any app) deserves a warning; the person may still go ahead.
 */
export const RACE_WINDOW_MS = 60_000;

/** The other publishes the deck shows within the last minute, newest first: git tag and seconds ago. */
export function recentPublishes(snapshot: DeckSnapshot, nowMs: number, exceptGitTag: string): Array<{ gitTag: string; secondsAgo: number }> {
  const seen = new Map<string, number>();
  const note = (gitTag: string, at: string): void => {
    const ms = Date.parse(at);
    if (gitTag === exceptGitTag || Number.isNaN(ms) || nowMs - ms > RACE_WINDOW_MS || ms - nowMs > RACE_WINDOW_MS) {
      return;
    }
    seen.set(gitTag, Math.max(seen.get(gitTag) ?? Number.NEGATIVE_INFINITY, ms));
  };
  for (const app of snapshot.apps) {
    const before = seen.size;
    for (const release of app.releases) {
      note(release.gitTag, release.publishedAt);
    }
    // A release run of the app started by a publish the deck's release list does not show yet.
    const run = app.environments.find((environment) => environment.publishingRun !== undefined)?.publishingRun;
    if (seen.size === before && run !== undefined) {
      // Its latest attempt's start: a re-run of the release run dispatches its deployment again then.
      note(run.title, run.startedAt);
    }
  }
  return [...seen.entries()].sort((a, b) => b[1] - a[1]).map(([gitTag, ms]) => ({ gitTag, secondsAgo: Math.max(0, Math.round((nowMs - ms) / 1000)) }));
}

/** The confirmation's warning for those publishes, or undefined when there is none. */
export function raceWarning(recent: ReadonlyArray<{ gitTag: string; secondsAgo: number }>): string | undefined {
  const newest = recent[0];
  if (newest === undefined) {
    return undefined;
  }
  const others = recent.length > 1 ? ` (and ${recent.length - 1} more)` : '';
  return `${newest.gitTag} was published ${newest.secondsAgo} s ago${others}: the release workflow's dispatch-and-wait follows the newest deployment run created in the last 10 s, so it may follow the other release's deployment run. Waiting a minute avoids it; you can still publish now, then check the deployment runs.`;
}

/**
 * Other deployment runs started by a repository_dispatch in the repository that the publish's deployment is
 * dispatched to, within the last minute: CI's staging deployments are repository_dispatch runs too
 * (openverse-facts §1.4, `deploy_staging_*`), so dispatch-and-wait may follow one of them. Label and seconds ago.
 */
export function recentDispatches(snapshot: DeckSnapshot, nowMs: number, target: { readonly appId: string; readonly environmentId: string; readonly repo: string }): Array<{ label: string; secondsAgo: number }> {
  const found: Array<{ label: string; ms: number }> = [];
  for (const app of snapshot.apps) {
    for (const environment of app.environments) {
      const deploy = environment.environment.deploy;
      if (deploy.kind !== 'workflow' || deploy.repo !== target.repo || (app.app.id === target.appId && environment.environment.id === target.environmentId)) {
        continue;
      }
      const runs = [environment.activeDeployment, environment.lastDeployment].filter((run) => run !== undefined && run.event === 'repository_dispatch');
      // By creation: dispatch-and-wait looks for a run created in its window, and a re-run creates none (it keeps its created_at).
      const newest = Math.max(...runs.map((run) => Date.parse(run?.createdAt ?? run?.startedAt ?? '')).filter((ms) => !Number.isNaN(ms)));
      if (Number.isFinite(newest) && Math.abs(nowMs - newest) <= RACE_WINDOW_MS) {
        found.push({ label: `${app.app.label} ${environment.environment.label}`, ms: newest });
      }
    }
  }
  return found.sort((a, b) => b.ms - a.ms).map(({ label, ms }) => ({ label, secondsAgo: Math.max(0, Math.round((nowMs - ms) / 1000)) }));
}

/** The confirmation's warning for those deployment runs, or undefined when there is none. */
export function dispatchRaceWarning(recent: ReadonlyArray<{ label: string; secondsAgo: number }>): string | undefined {
  const newest = recent[0];
  if (newest === undefined) {
    return undefined;
  }
  const others = recent.length > 1 ? ` (and ${recent.length - 1} more)` : '';
  return `A deployment run of ${newest.label} started by a repository dispatch (CI's staging deployments are) ${newest.secondsAgo} s ago${others}: the release workflow's dispatch-and-wait follows the newest such run created in the last 10 s, so it may follow that run instead of the production deployment. Waiting a minute avoids it; you can still publish now, then check the deployment runs.`;
}

/** The one race warning for a publish of `gitTag` whose deployment (if any) is `deployed`: other publishes first, else other dispatches. */
export function publishRaceWarning(snapshot: DeckSnapshot, nowMs: number, gitTag: string, deployed: EnvironmentDeck | undefined): string | undefined {
  const deploy = deployed?.environment.deploy;
  return raceWarning(recentPublishes(snapshot, nowMs, gitTag))
    ?? (deployed !== undefined && deploy?.kind === 'workflow' ? dispatchRaceWarning(recentDispatches(snapshot, nowMs, { appId: deployed.appId, environmentId: deployed.environment.id, repo: deploy.repo })) : undefined);
}
