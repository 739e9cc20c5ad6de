import * as vscode from 'vscode';
import type { EnvironmentDeck, EnvironmentState } from '../domain/snapshot';
import { waitingWords } from '../domain/deploymentReview';
import { isSafeLink } from '../domain/links';
import { shortSha } from '../domain/tags';
import { counts } from '../domain/words';

export { isSafeLink };

/** How each environment state looks, in the tree and the status bar. */
export const STATE_LOOK: Record<EnvironmentState, { readonly icon: string; readonly color: string }> = {
  inSync: { icon: 'pass-filled', color: 'testing.iconPassed' },
  behind: { icon: 'arrow-circle-down', color: 'list.warningForeground' },
  deploying: { icon: 'sync~spin', color: 'charts.blue' },
  awaitingReview: { icon: 'eye', color: 'charts.yellow' },
  failed: { icon: 'error', color: 'testing.iconFailed' },
  unreachable: { icon: 'debug-disconnect', color: 'list.warningForeground' },
  unknown: { icon: 'question', color: 'descriptionForeground' },
  alwaysLatest: { icon: 'package', color: 'descriptionForeground' },
};

/** Each state in a few words, in the editor's language. */
function stateName(state: EnvironmentState): string {
  switch (state) {
    case 'inSync':
      return vscode.l10n.t('in sync');
    case 'behind':
      return vscode.l10n.t('behind');
    case 'deploying':
      return vscode.l10n.t('deploying');
    case 'awaitingReview':
      return vscode.l10n.t('waiting for review');
    case 'failed':
      return vscode.l10n.t('last deployment failed');
    case 'unreachable':
      return vscode.l10n.t('unreachable');
    case 'unknown':
      return vscode.l10n.t('unknown');
    case 'alwaysLatest':
      return vscode.l10n.t('always runs latest');
  }
}

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
    return running.release.prerelease ? vscode.l10n.t('{0} (pre-release)', running.release.imageTag) : running.release.imageTag;
  }
  if (running.sha !== undefined) {
    const ahead = environment.state === 'inSync' && environment.aheadBy !== undefined && environment.aheadBy > 0 ? ` ${vscode.l10n.t('({0} ahead)', environment.aheadBy)}` : '';
    return `${shortSha(running.sha)}${ahead}${running.commitTitle !== undefined ? ` ${running.commitTitle}` : ''}`;
  }
  return running.imageTag;
}

/** The state in a few words, with the count when there is one. */
export function stateWords(environment: EnvironmentDeck): string {
  switch (environment.state) {
    case 'behind':
      return environment.behindBy !== undefined ? vscode.l10n.t('{0} behind', counts.commit(environment.behindBy, vscode.l10n)) : vscode.l10n.t('behind the newest release');
    case 'inSync':
      return environment.aheadBy !== undefined && environment.aheadBy > 0 ? vscode.l10n.t('{0} ahead of the newest release', environment.aheadBy) : stateName('inSync');
    case 'awaitingReview':
      return environment.activeDeployment?.review !== undefined
        ? `${environment.activeDeployment.imageTag ?? vscode.l10n.t('a deployment')} ${waitingWords(environment.activeDeployment.review, undefined, vscode.l10n, vscode.env.language)}`
        : stateName('awaitingReview');
    default:
      return stateName(environment.state);
  }
}

/**
 * An environment as a screen reader says it: app, environment, state in words, what runs there. The tree shows the
 * state by the icon's shape and colour, and "in sync" by no words at all; the spoken label always says it.
 */
export function spokenEnvironment(appLabel: string, environment: EnvironmentDeck, as: 'environment' | 'app' = 'environment'): string {
  const running = runningLabel(environment);
  // An app row shows its production environment: said as the app, so it is never heard as that environment's own row.
  const parts = as === 'app' ? [vscode.l10n.t('{0} app', appLabel), `${environment.environment.label.toLowerCase()} ${stateWords(environment)}`] : [`${appLabel} ${environment.environment.label}`, stateWords(environment)];
  if (environment.state !== 'alwaysLatest') {
    parts.push(running !== undefined ? (environment.running?.source === 'recorded' ? vscode.l10n.t('runs {0} (recorded)', running) : vscode.l10n.t('runs {0}', running)) : vscode.l10n.t('version not known'));
  }
  if (environment.versionWarning !== undefined) {
    parts.push(vscode.l10n.t('its /version names another environment'));
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
