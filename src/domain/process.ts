import type { AppDeck, DraftRelease } from './snapshot';
import type { Profile } from './profileTypes';
import { placeLabel } from './words';
import { english, type L10n } from './l10n';

/** What publishing a draft sets off for an app, one sentence each, in the process's words (in the language of `l10n`). */
export function publishEffects(profile: Profile, app: AppDeck, draft: Pick<DraftRelease, 'imageTag'>, l10n: L10n = english): string[] {
  const effects: string[] = [];
  if (profile.releaseWorkflow !== undefined) {
    effects.push(l10n.t("{0} tags {1}'s latest image {2}.", profile.releaseWorkflow, app.app.label, draft.imageTag));
  }
  for (const environment of app.environments) {
    const label = placeLabel(app.app, environment.environment);
    if (environment.environment.deployedOnPublish) {
      effects.push(l10n.t('Then {0} is deployed automatically: {1} → {2}.', label, environment.running?.imageTag ?? l10n.t('what runs now'), draft.imageTag));
    } else if (environment.environment.deploy.kind === 'manual') {
      effects.push(l10n.t('{0} is then deployed by hand with {1}; the steps are in the deck.', label, environment.environment.deploy.tool));
    }
  }
  effects.push(l10n.t('A changelog pull request is opened for you to review.'));
  return effects;
}
