import * as vscode from 'vscode';
import type { AppDeck, EnvironmentDeck } from '../domain/snapshot';
import { environmentKey, publishKey, reviewKey, type Refused } from '../operations/inFlight';
import type { Services } from '../services';

/**
 * What a command claims in the window's one-operation-at-a-time guard (operations/inFlight.ts), from its
 * section's profile, and how a refusal says what holds it.
 */

/** The monorepo of the section's profile; without one (nothing can be acted on then), the folder itself. */
function monorepoOf(services: Services): string {
  return services.profiles.profile?.monorepo ?? services.section;
}

/** The key a deployment of the environment claims: its workflow at GitHub (environmentKey). */
export function deploymentClaim(services: Services, app: AppDeck, environment: EnvironmentDeck): string {
  return environmentKey(monorepoOf(services), app.app.id, environment.environment);
}

/** The key a publish of the app claims. */
export function publishClaim(services: Services, appId: string): string {
  return publishKey(monorepoOf(services), appId);
}

/** The key a review of a deployment run claims: the run, in the repository of the environment's workflow. */
export function reviewClaim(services: Services, environment: EnvironmentDeck, runId: number): string {
  const { deploy } = environment.environment;
  return reviewKey(deploy.kind === 'workflow' ? deploy.repo : monorepoOf(services), runId);
}

/** What holds a key a command wanted, naming the workspace folder it was started from when that is another one. */
export function heldWords(refused: Refused<{ readonly what: string }>): string {
  return refused.heldIn !== undefined && refused.heldIn !== '' ? vscode.l10n.t('{0}, started from the folder {1}', refused.running.what, refused.heldIn) : refused.running.what;
}
