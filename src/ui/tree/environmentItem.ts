import * as vscode from 'vscode';
import { glossary } from '../../domain/glossary';
import { canCancel, canRerunFailed } from '../../domain/runFailure';
import { ago } from '../../domain/words';
import { isSafeLink, md, mdLink, runningLabel, spokenEnvironment, stateIcon, stateWords, STATE_LOOK } from '../presentation';
import type { NodeOf } from './nodes';

/** An environment: the version running there now and its state. */
export function environmentItem(node: NodeOf<'environment'>): vscode.TreeItem {
  const { app, environment } = node;
  const profile = environment.environment;
  const manual = profile.deploy.kind === 'manual';
  const item = new vscode.TreeItem(profile.label, manual ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = `environment:${app.app.id}/${profile.id}`;
  item.iconPath = environment.versionWarning !== undefined ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : stateIcon(environment.state);
  const running = runningLabel(environment);
  const words = stateWords(environment);
  if (environment.state === 'alwaysLatest') {
    item.description = vscode.l10n.t('always runs latest');
  } else if (environment.versionWarning !== undefined) {
    const named = vscode.l10n.t('/version names another environment');
    item.description = running !== undefined ? `${vscode.l10n.t('{0} (last deployment)', running)} · ${named}` : named;
  } else if (running !== undefined) {
    // In sync needs no words; "ahead" is already in the running label.
    const shown = environment.running?.source === 'recorded' ? vscode.l10n.t('{0} (recorded)', running) : running;
    // The state's words first: a narrow side bar cuts the end of a description, and the state must not be only an icon.
    item.description = environment.state === 'inSync' ? shown : `${words} · ${shown}`;
  } else {
    item.description = profile.deploy.kind === 'manual'
      ? `${vscode.l10n.t('deployed by hand with {0}', profile.deploy.tool)} · ${profile.deploy.recordedIn !== undefined ? vscode.l10n.t('version not recorded') : vscode.l10n.t('version not reported')}`
      : words;
  }
  if (environment.recordPending !== undefined) {
    item.description = `${item.description ?? ''} · ${environment.recordPending}`;
  }
  item.tooltip = environmentTooltip(node);
  item.accessibilityInformation = { label: spokenEnvironment(app.app.label, environment), role: 'treeitem' };
  item.contextValue = contextTokens(node).join(' ');
  return item;
}

export function contextTokens(node: NodeOf<'environment'>): string[] {
  const { environment } = node;
  const profile = environment.environment;
  const tokens = ['environment', `env-${profile.id}`, `state-${environment.state}`];
  tokens.push(profile.production ? 'production' : 'nonProduction');
  tokens.push(profile.deploy.kind === 'workflow' ? 'workflowDeploy' : profile.deploy.kind === 'manual' ? 'manualDeploy' : 'alwaysLatest');
  if (profile.versionUrl !== undefined) {
    tokens.push('hasVersionUrl');
  }
  if (environment.running?.imageTag !== undefined) {
    tokens.push('hasTag');
  }
  if (environment.running?.sha !== undefined) {
    tokens.push('hasSha');
  }
  if (environment.running?.release !== undefined) {
    tokens.push('hasRelease');
  }
  if ((environment.activeDeployment ?? environment.lastDeployment) !== undefined) {
    tokens.push('hasRun');
  }
  if (environment.state === 'failed') {
    tokens.push('failed');
  }
  // Cancel and re-run act on the environment's deployment runs only, never on the release workflow's run.
  if (profile.deploy.kind === 'workflow' && canCancel(environment.activeDeployment)) {
    tokens.push('canCancel');
  }
  if (profile.deploy.kind === 'workflow' && canRerunFailed(environment.lastDeployment) && environment.activeDeployment === undefined) {
    tokens.push('canRerun');
  }
  const review = environment.activeDeployment?.review;
  if (review !== undefined) {
    tokens.push('awaitingReview');
    if (review.canReview) {
      tokens.push('canReview');
    }
  }
  if (environment.versionWarning !== undefined) {
    tokens.push('versionWarning');
  }
  if (profile.consoleLinks.length > 0) {
    tokens.push('hasConsole');
  }
  if (profile.production && environment.rollback.ok) {
    tokens.push('canRollBack');
  }
  return tokens;
}

function environmentTooltip(node: NodeOf<'environment'>): vscode.MarkdownString {
  const { app, environment } = node;
  const profile = environment.environment;
  const tooltip = new vscode.MarkdownString('', true);
  tooltip.appendMarkdown(`**${md(app.app.label)} · ${md(profile.label)}** — $(${STATE_LOOK[environment.state].icon.replace('~spin', '')}) ${md(stateWords(environment))}\n\n`);
  tooltip.appendMarkdown(`${md(environment.stateDetail)}\n\n`);
  if (app.buildNote !== undefined) {
    tooltip.appendMarkdown(`${md(app.buildNote)}\n\n`);
  }
  const running = environment.running;
  if (running !== undefined) {
    const lines: string[] = [];
    if (running.imageTag !== undefined) {
      lines.push(vscode.l10n.t('Image tag: `{0}`', running.imageTag));
    }
    if (running.release !== undefined) {
      lines.push(vscode.l10n.t('GitHub Release: {0} (git tag `{1}`)', mdLink(running.release.gitTag, running.release.htmlUrl), running.release.gitTag));
    }
    if (running.sha !== undefined) {
      lines.push(running.commitTitle !== undefined ? vscode.l10n.t('Commit: `{0}` — {1}', running.sha, md(running.commitTitle)) : vscode.l10n.t('Commit: `{0}`', running.sha));
    }
    lines.push(
      running.source === 'version endpoint'
        ? vscode.l10n.t('Learned from: its /version endpoint')
        : running.source === 'recorded'
          ? vscode.l10n.t('Learned from: the file its deployment procedure records it in')
          : vscode.l10n.t('Learned from: its last successful deployment'),
    );
    tooltip.appendMarkdown(lines.join('  \n') + '\n\n');
  }
  const deployed = environment.lastSuccessfulDeployment;
  if (deployed !== undefined) {
    tooltip.appendMarkdown(`${vscode.l10n.t('Deployed {0} by {1}: {2}', md(ago(deployed.updatedAt, undefined, vscode.env.language, vscode.l10n)), md(deployed.actor), mdLink(deployed.title, deployed.runUrl))}\n\n`);
  }
  const active = environment.activeDeployment ?? environment.publishingRun;
  if (active !== undefined) {
    const run = mdLink(active.title, active.runUrl);
    tooltip.appendMarkdown(`${active.review !== undefined ? vscode.l10n.t('Waiting for review (started by {0}): {1}', md(active.actor), run) : vscode.l10n.t('In progress: {0}', run)}\n\n`);
  }
  if (environment.state === 'failed' && environment.lastDeployment !== undefined) {
    tooltip.appendMarkdown(`${vscode.l10n.t('Failed run: {0}', mdLink(environment.lastDeployment.title, environment.lastDeployment.runUrl))}\n\n`);
  }
  const links: string[] = [];
  if (profile.versionUrl !== undefined && isSafeLink(profile.versionUrl)) {
    links.push(mdLink('/version', profile.versionUrl));
  }
  for (const link of profile.consoleLinks) {
    if (isSafeLink(link.url)) {
      links.push(mdLink(link.label, link.url));
    }
  }
  if (links.length > 0) {
    tooltip.appendMarkdown(links.join(' · ') + '\n\n');
  }
  if (profile.deploy.kind === 'latest') {
    tooltip.appendMarkdown(md(glossary(vscode.l10n).imageTag));
  } else {
    tooltip.appendMarkdown(md(glossary(vscode.l10n).deploy));
  }
  return tooltip;
}
