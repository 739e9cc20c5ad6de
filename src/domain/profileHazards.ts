import { english, type L10n } from './l10n';
import { problemCollector } from './profileProblems';
import type { Profile, ProfileProblem } from './profileTypes';
import { recordPatternProblem } from './recordedVersion';

/**
 * Checks of a profile against input that is hostile or careless rather than merely misspelt: each would
 * otherwise reach a terminal, a dispatch or an API address in a form nobody meant.
 */

/** Caps what one refresh reads: every environment costs a /version probe and a share of the run listings. */
export const MAX_ENVIRONMENTS = 500;

/**
 * Control characters (C0, DEL, C1) and the Unicode line and paragraph separators, as a JSON schema
 * pattern a command must match: schemas/profile.schema.json uses this very string.
 */
export const NO_CONTROL_CHARACTERS_PATTERN = String.raw`^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]+$`;
// Finding control characters is this expression's purpose.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/** Names a plain JavaScript object treats specially: an input by such a name would be lost or change the object. */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** Why a command must not be typed into a terminal, if it must not: the rest of a sentence that names the command. */
export function controlCharacterProblem(command: string, l10n: L10n = english): string | undefined {
  return CONTROL_CHARACTER.test(command) ? controlCharacterWords(l10n) : undefined;
}

function controlCharacterWords(l10n: L10n): string {
  return l10n.t('contains a control character (a line break, tab, escape…): typed into a terminal, what follows it would run unseen. Put each command in its own step, on one line.');
}

/** The profile problem of a command with a control character, as a sentence. */
export function commandControlCharacterSentence(l10n: L10n): string {
  return l10n.t('The command {0}', controlCharacterWords(l10n));
}

export function hazardProblems(profile: Profile, l10n: L10n = english): ProfileProblem[] {
  const { problems, add } = problemCollector(l10n);
  for (const [field, repo] of [['monorepo', profile.monorepo], ['infrastructureRepo', profile.infrastructureRepo]] as const) {
    if (repo.split('/').some((segment) => segment === '.' || segment === '..')) {
      add(`$.${field}`, (l10n) => l10n.t('"{0}" has a "." or ".." segment: no GitHub repository is named so, and it would change the API address requests go to. Write owner/name.', repo));
    }
  }

  const workflows = new Map<string, string>();
  let environments = 0;
  profile.apps.forEach((app, appIndex) => {
    app.environments.forEach((environment, environmentIndex) => {
      const path = `$.apps[${appIndex}].environments[${environmentIndex}]`;
      environments += 1;
      if (environments === MAX_ENVIRONMENTS + 1) {
        const total = profile.apps.reduce((sum, each) => sum + each.environments.length, 0);
        add(path, (l10n) => l10n.t("The profile declares {0} environments; Release Deck follows at most {1} environments (a refresh reads every one). Remove environments, or split the monorepo's apps across profiles.", total, MAX_ENVIRONMENTS));
      }
      const deploy = environment.deploy;
      if (deploy.kind === 'workflow') {
        const key = `${deploy.repo.toLowerCase()} ${deploy.workflow}`;
        const first = workflows.get(key);
        if (first !== undefined) {
          add(`${path}.deploy.workflow`, (l10n) => l10n.t('{0} in {1} already deploys {2}; each environment needs its own workflow, or Release Deck cannot tell their deployments apart.', deploy.workflow, deploy.repo, first));
        } else {
          workflows.set(key, path);
        }
        for (const field of ['tagInput', 'reasonInput'] as const) {
          const name = deploy[field];
          if (name !== undefined && RESERVED_NAMES.has(name)) {
            add(`${path}.deploy.${field}`, (l10n) => l10n.t('"{0}" is a name JavaScript objects reserve, so Release Deck cannot send an input by that name. Rename the workflow\'s input.', name));
          }
        }
        const reasonInput = deploy.reasonInput;
        if (reasonInput !== undefined && reasonInput === deploy.tagInput) {
          add(`${path}.deploy.reasonInput`, (l10n) => l10n.t('"{0}" is the same input as "tagInput": the reason would replace the image tag in the dispatch. Name the workflow\'s reason input, or leave "reasonInput" out.', reasonInput));
        }
      }
      if (deploy.kind === 'manual') {
        const recordedIn = deploy.recordedIn;
        if (recordedIn !== undefined) {
          add(`${path}.deploy.recordedIn.pattern`, (l10n) => recordPatternProblem(recordedIn.pattern, l10n));
        }
        deploy.steps.forEach((step, index) => {
          if (step.command !== undefined && controlCharacterProblem(step.command) !== undefined) {
            add(`${path}.deploy.steps[${index}].command`, commandControlCharacterSentence);
          }
        });
      }
    });
  });
  return problems;
}
