/**
 * Environment variables a release or deployment brings, read from the diff of the app's env files
 * (`envFiles` of the profile), classified as the release process says (release-process.md,
 * "Environment variables"; openverse-facts §5): their values live in the infrastructure configuration
 * (Terraform or Ansible), which must change first. Only variable names are ever shown, never values.
 */

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
 * What to do about each change, one sentence a line. `before` says what must wait for the
 * infrastructure, e.g. "before publishing (it deploys API production)" or "before this deployment".
 */
export function environmentVariableAdvice(changes: readonly EnvironmentFileChange[], before: string): string[] {
  return changes.flatMap((change) => {
    if (change.unreadable) {
      return [`${change.file} changes, but GitHub sent no diff for it: open the comparison to see which variables change, and set them in the infrastructure ${before}.`];
    }
    const lines: string[] = [];
    if (change.added.length > 0) {
      lines.push(`New in ${change.file}: ${change.added.join(', ')}. Add ${them(change.added)} in the infrastructure configuration ${before}.`);
    }
    if (change.changed.length > 0) {
      // Both sources say the infrastructure changes first; "redeploy the current version" is for a value
      // changed without a release (openverse-facts §5, release-process.md "Environment variables"). Here a
      // deployment of the new version follows, and it applies the value.
      lines.push(`Changed in ${change.file}: ${change.changed.join(', ')}. Update ${them(change.changed)} in the infrastructure configuration ${before}; that deployment applies the new value, so no separate redeploy is needed.`);
    }
    if (change.removed.length > 0) {
      lines.push(`Removed from ${change.file}: ${change.removed.join(', ')}. ${change.removed.length === 1 ? 'It' : 'They'} can be cleaned up from the infrastructure configuration after the new version runs.`);
    }
    return lines;
  });
}

function them(names: readonly string[]): string {
  return names.length === 1 ? 'it' : 'them';
}

/** When the infrastructure must be ready for a release of the app: before publishing when publishing deploys it. */
export function beforeReleaseRuns(app: AppProfile): string {
  const deployed = app.environments.find((environment) => environment.deployedOnPublish);
  return deployed !== undefined ? `before publishing (publishing deploys ${placeLabel(app, deployed)})` : 'before the release is deployed';
}
