import { english, type L10n } from './l10n';
import type { AppProfile, EnvironmentProfile } from './profileTypes';

/**
 * The `environment` field of a /version answer. Openverse's nginx answers
 * `{"release": "<sha>", "environment": "<string>"}`; the image sets it to "local" by default, and the values
 * the infrastructure sets are not known (openverse-facts §3). So only one thing is read from it: an answer
 * naming *another* environment of the same app in the profile (by id or label, whatever the case) means the
 * URL may point at the wrong environment. Anything else (its own name, "local", nothing, an unknown value)
 * says nothing, and nothing is guessed from it.
 */

/** The image's default value: the environment never set it, which proves nothing either way. */
const IMAGE_DEFAULT = 'local';

/** The other environment of `app` that `answered` names, if it names one. */
export function otherEnvironmentNamed(app: AppProfile, environment: EnvironmentProfile, answered: string): EnvironmentProfile | undefined {
  const name = answered.trim().toLowerCase();
  if (name === '' || name === IMAGE_DEFAULT) {
    return undefined;
  }
  const names = (candidate: EnvironmentProfile): string[] => [candidate.id, candidate.label].map((text) => text.trim().toLowerCase());
  if (names(environment).includes(name)) {
    return undefined;
  }
  return app.environments.find((candidate) => candidate.id !== environment.id && names(candidate).includes(name));
}

/** What to say of an environment whose /version names another one, or undefined when there is nothing to say. */
export function wrongEnvironmentWarning(app: AppProfile, environment: EnvironmentProfile, answered: string, l10n: L10n = english): string | undefined {
  return otherEnvironmentNamed(app, environment, answered) !== undefined
    ? l10n.t('its /version says it is {0}: the URL may point at the wrong environment', answered.trim())
    : undefined;
}
