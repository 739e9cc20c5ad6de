/**
 * Environment variables a release or deployment brings, read from the diff of the app's env files
 * (`envFiles` of the profile), classified as the release process says (release-process.md,
 * "Environment variables"; openverse-facts §5): their values live in the infrastructure configuration
 * (Terraform or Ansible), which must change first. Only variable names are ever shown, never values.
 */

import { english, type L10n } from './l10n';
import type { AppProfile } from './profileTypes';
import { placeLabel } from './words';

/** One env file of the app that the changes touch, with the variables per kind of change. */
export interface EnvironmentFileChange {
  readonly file: string;
  /** New variables: they must be added in the infrastructure before the code that reads them runs. */
  readonly added: readonly string[];
  /** Variables whose line changed: update them in the infrastructure before the deployment, which applies them. */
  readonly changed: readonly string[];
  /** Variables gone: they can be cleaned up from the infrastructure afterwards. */
  readonly removed: readonly string[];
  /** GitHub sent no diff for the file (too large or binary): which variables change cannot be read. */
  readonly unreadable: boolean;
}


const ASSIGNMENT = /^([+-])\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/;

/** The app's env files among the changed files, each with its new, changed and removed variables. */
export function environmentVariableChanges(envFiles: readonly string[], changedFiles: readonly string[], patches: Readonly<Record<string, string>>): EnvironmentFileChange[] {
  return envFiles
    .filter((file) => changedFiles.includes(file))
    .flatMap((file) => {
      const patch = patches[file];
      if (patch === undefined) {
        return [{ file, added: [], changed: [], removed: [], unreadable: true }];
      }
      const plus = new Set<string>();
      const minus = new Set<string>();
      for (const line of patch.split('\n')) {
        if (line.startsWith('+++') || line.startsWith('---')) {
          continue;
        }
        const match = ASSIGNMENT.exec(line);
        if (match?.[2] !== undefined) {
          (match[1] === '+' ? plus : minus).add(match[2]);
        }
      }
      const change = {
        file,
        added: [...plus].filter((name) => !minus.has(name)),
        changed: [...plus].filter((name) => minus.has(name)),
        removed: [...minus].filter((name) => !plus.has(name)),
        unreadable: false,
      };
      // Comments and blank lines only: nothing to do in the infrastructure.
      return change.added.length + change.changed.length + change.removed.length > 0 ? [change] : [];
    });
}

/**
 * What to do about each change, one sentence a line, in the language of `l10n`. `before` says what must wait
 * for the infrastructure (beforeReleaseRuns, or "before this deployment"), in the same language.
 */
export function environmentVariableAdvice(changes: readonly EnvironmentFileChange[], before: string, l10n: L10n = english): string[] {
  return changes.flatMap((change) => {
    if (change.unreadable) {
      return [l10n.t('{0} changes, but GitHub sent no diff for it: open the comparison to see which variables change, and set them in the infrastructure {1}.', change.file, before)];
    }
    const lines: string[] = [];
    if (change.added.length > 0) {
      const names = change.added.join(', ');
      lines.push(change.added.length === 1
        ? l10n.t('New in {0}: {1}. Add it in the infrastructure configuration {2}.', change.file, names, before)
        : l10n.t('New in {0}: {1}. Add them in the infrastructure configuration {2}.', change.file, names, before));
    }
    if (change.changed.length > 0) {
      // Both sources say the infrastructure changes first; "redeploy the current version" is for a value
      // changed without a release (openverse-facts §5, release-process.md "Environment variables"). Here a
      // deployment of the new version follows, and it applies the value.
      const names = change.changed.join(', ');
      lines.push(change.changed.length === 1
        ? l10n.t('Changed in {0}: {1}. Update it in the infrastructure configuration {2}; that deployment applies the new value, so no separate redeploy is needed.', change.file, names, before)
        : l10n.t('Changed in {0}: {1}. Update them in the infrastructure configuration {2}; that deployment applies the new value, so no separate redeploy is needed.', change.file, names, before));
    }
    if (change.removed.length > 0) {
      const names = change.removed.join(', ');
      lines.push(change.removed.length === 1
        ? l10n.t('Removed from {0}: {1}. It can be cleaned up from the infrastructure configuration after the new version runs.', change.file, names)
        : l10n.t('Removed from {0}: {1}. They can be cleaned up from the infrastructure configuration after the new version runs.', change.file, names));
    }
    return lines;
  });
}

/** When the infrastructure must be ready for a release of the app: before publishing when publishing deploys it. */
export function beforeReleaseRuns(app: AppProfile, l10n: L10n = english): string {
  const deployed = app.environments.find((environment) => environment.deployedOnPublish);
  return deployed !== undefined ? l10n.t('before publishing (publishing deploys {0})', placeLabel(app, deployed)) : l10n.t('before the release is deployed');
}
