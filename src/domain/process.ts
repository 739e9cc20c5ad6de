import type { AppDeck, DraftRelease } from './snapshot';
import type { Profile } from './profileTypes';
import { placeLabel } from './words';

/** What publishing a draft sets off for an app, one sentence each, in the process's words. */
export function publishEffects(profile: Profile, app: AppDeck, draft: Pick<DraftRelease, 'imageTag'>): string[] {
  const effects: string[] = [];
  if (profile.releaseWorkflow !== undefined) {
    effects.push(`${profile.releaseWorkflow} tags ${app.app.label}'s latest image ${draft.imageTag}.`);
  }
  for (const environment of app.environments) {
    const label = placeLabel(app.app, environment.environment);
    if (environment.environment.deployedOnPublish) {
      effects.push(`Then ${label} is deployed automatically: ${environment.running?.imageTag ?? 'what runs now'} → ${draft.imageTag}.`);
    } else if (environment.environment.deploy.kind === 'manual') {
      effects.push(`${label} is then deployed by hand with ${environment.environment.deploy.tool}; the steps are in the deck.`);
    }
  }
  effects.push('A changelog pull request is opened for you to review.');
  return effects;
}
