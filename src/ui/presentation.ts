import * as vscode from 'vscode';
import type { EnvironmentDeck, EnvironmentState } from '../domain/snapshot';
import { waitingWords } from '../domain/deploymentReview';
import { plural } from '../domain/words';
import { isSafeLink } from '../domain/links';
import { shortSha } from '../domain/tags';

export { isSafeLink };

/** How each environment state looks, in the tree and the status bar. */
export const STATE_LOOK: Record<EnvironmentState, { readonly icon: string; readonly color: string; readonly words: string }> = {
  inSync: { icon: 'pass-filled', color: 'testing.iconPassed', words: 'in sync' },
  behind: { icon: 'arrow-circle-down', color: 'list.warningForeground', words: 'behind' },
  deploying: { icon: 'sync~spin', color: 'charts.blue', words: 'deploying' },
  awaitingReview: { icon: 'eye', color: 'charts.yellow', words: 'waiting for review' },
  failed: { icon: 'error', color: 'testing.iconFailed', words: 'last deployment failed' },
  unreachable: { icon: 'debug-disconnect', color: 'list.warningForeground', words: 'unreachable' },
  unknown: { icon: 'question', color: 'descriptionForeground', words: 'unknown' },
  alwaysLatest: { icon: 'package', color: 'descriptionForeground', words: 'always runs latest' },
};

export function stateIcon(state: EnvironmentState): vscode.ThemeIcon {
  const look = STATE_LOOK[state];
  return new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color));
}

/** What runs there, as short as it can be said: the image tag of its release, else the short SHA. */
export function runningLabel(environment: EnvironmentDeck): string | undefined {
  const running = environment.running;
  if (running === undefined) {
    return undefined;
  }
  if (running.release !== undefined) {
    return running.release.prerelease ? `${running.release.imageTag} (pre-release)` : running.release.imageTag;
  }
  if (running.sha !== undefined) {
    const ahead = environment.state === 'inSync' && environment.aheadBy !== undefined && environment.aheadBy > 0 ? ` (${environment.aheadBy} ahead)` : '';
    return `${shortSha(running.sha)}${ahead}${running.commitTitle !== undefined ? ` ${running.commitTitle}` : ''}`;
  }
  return running.imageTag;
}

/** The state in a few words, with the count when there is one. */
export function stateWords(environment: EnvironmentDeck): string {
  switch (environment.state) {
    case 'behind':
      return environment.behindBy !== undefined ? `${plural(environment.behindBy, 'commit')} behind` : 'behind the newest release';
    case 'inSync':
      return environment.aheadBy !== undefined && environment.aheadBy > 0 ? `${environment.aheadBy} ahead of the newest release` : 'in sync';
    case 'awaitingReview':
      return environment.activeDeployment?.review !== undefined ? `${environment.activeDeployment.imageTag ?? 'a deployment'} ${waitingWords(environment.activeDeployment.review)}` : STATE_LOOK.awaitingReview.words;
    default:
      return STATE_LOOK[environment.state].words;
  }
}


/**
 * An environment as a screen reader says it: app, environment, state in words, what runs there. The tree shows the
 * state by the icon's shape and colour, and "in sync" by no words at all; the spoken label always says it.
 */
export function spokenEnvironment(appLabel: string, environment: EnvironmentDeck, as: 'environment' | 'app' = 'environment'): string {
  const running = runningLabel(environment);
  // An app row shows its production environment: said as the app, so it is never heard as that environment's own row.
  const parts = as === 'app' ? [`${appLabel} app`, `${environment.environment.label.toLowerCase()} ${stateWords(environment)}`] : [`${appLabel} ${environment.environment.label}`, stateWords(environment)];
  if (environment.state !== 'alwaysLatest') {
    parts.push(running !== undefined ? `runs ${running}${environment.running?.source === 'recorded' ? ' (recorded)' : ''}` : 'version not known');
  }
  if (environment.versionWarning !== undefined) {
    parts.push('its /version names another environment');
  }
  return parts.join(', ');
}

/** Escapes the characters that would turn text into Markdown or HTML in a tooltip. */
export function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (character) => `\\${character}`);
}

/** A Markdown link when the URL is one Release Deck opens (https, or http on this machine), else the text. */
export function mdLink(text: string, url: string): string {
  if (!isSafeLink(url)) {
    return md(text);
  }
  // The parser's own form of the URL, with the characters that would end a Markdown link escaped.
  const href = new URL(url).href.replace(/[()<> ]/g, (character) => encodeURIComponent(character).replace('(', '%28').replace(')', '%29'));
  return `[${md(text)}](${href})`;
}
