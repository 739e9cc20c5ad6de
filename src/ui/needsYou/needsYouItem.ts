import * as vscode from 'vscode';
import { COMMANDS } from '../../commandIds';
import type { NeedsYouEntry } from '../../domain/needsYou';
import type { AppDeck, DeploymentRecord, DraftRelease, EnvironmentDeck } from '../../domain/snapshot';
import { md, mdLink } from '../presentation';

/**
 * A node of the Needs You view. It has the shape of the deck's own node for the same thing (a deployment,
 * a draft, an app), so the deck's commands (Open Run, Open Release Notes, Publish…) accept it as they
 * accept a deck item; `entry` says why it is listed.
 */
export type NeedsYouNode = (
  | { readonly kind: 'deployment'; readonly app: AppDeck; readonly environment: EnvironmentDeck; readonly record: DeploymentRecord; readonly entry: NeedsYouEntry }
  | { readonly kind: 'draft'; readonly app: AppDeck; readonly draft: DraftRelease; readonly entry: NeedsYouEntry }
  | { readonly kind: 'app'; readonly app: AppDeck; readonly entry: NeedsYouEntry }
  // The section (workspace folder) of the entry, and its folder's name when the workspace shows several.
) & { readonly section?: string; readonly folder?: string };

/** The node of an entry, found in the same snapshot. */
export function needsYouNode(entry: NeedsYouEntry, app: AppDeck): NeedsYouNode | undefined {
  switch (entry.kind) {
    case 'waitingReview':
    case 'failedDeployment': {
      const environment = app.environments.find((candidate) => candidate.environment.id === entry.environmentId);
      return environment !== undefined ? { kind: 'deployment', app, environment, record: entry.record, entry } : undefined;
    }
    case 'staleDraft':
      return { kind: 'draft', app, draft: entry.draft, entry };
    case 'changelogPull':
      return { kind: 'app', app, entry };
  }
}

const LOOK: Record<NeedsYouEntry['kind'], { readonly icon: string; readonly color?: string; readonly command: string; readonly title: () => string }> = {
  waitingReview: { icon: 'watch', color: 'list.warningForeground', command: COMMANDS.openRun, title: () => vscode.l10n.t('Open Run on GitHub') },
  failedDeployment: { icon: 'error', color: 'list.errorForeground', command: COMMANDS.showFailure, title: () => vscode.l10n.t('Show Failure…') },
  changelogPull: { icon: 'git-pull-request', command: COMMANDS.openNeedsYouItem, title: () => vscode.l10n.t('Open on GitHub') },
  staleDraft: { icon: 'git-pull-request-draft', command: COMMANDS.openReleaseNotes, title: () => vscode.l10n.t('Open Release Notes') },
};

export function needsYouItem(node: NeedsYouNode): vscode.TreeItem {
  const { entry } = node;
  const look = LOOK[entry.kind];
  const item = new vscode.TreeItem(node.folder !== undefined ? `${node.folder}: ${entry.label}` : entry.label, vscode.TreeItemCollapsibleState.None);
  item.id = node.section !== undefined ? `needsYou:${node.section}|${entry.id}` : `needsYou:${entry.id}`;
  item.description = entry.description;
  item.iconPath = new vscode.ThemeIcon(look.icon, look.color !== undefined ? new vscode.ThemeColor(look.color) : undefined);
  item.tooltip = new vscode.MarkdownString(`**${md(entry.label)}**\n\n${md(entry.detail)}\n\n${mdLink(vscode.l10n.t('Open on GitHub'), entry.url)}`);
  // Clicking it does what it waits for; the inline buttons offer the rest. A deployment the user may review: Review Deployment….
  const canReview = entry.kind === 'waitingReview' && entry.record.review?.canReview === true;
  item.command = canReview ? { command: COMMANDS.reviewDeployment, title: vscode.l10n.t('Review Deployment…'), arguments: [node] } : { command: look.command, title: look.title(), arguments: [node] };
  item.contextValue = ['needsYou', `needsYou-${entry.kind}`, ...(canReview ? ['canReview'] : [])].join(' ');
  return item;
}
