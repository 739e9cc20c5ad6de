import * as vscode from 'vscode';
import { glossary } from '../../domain/glossary';
import { md } from '../presentation';
import type { NodeOf } from './nodes';
import { counts, placeLabel } from '../../domain/words';
import { runFailed } from '../../domain/runWords';

/** "Production history": every deployment run of the environment, newest first, whoever started it. */
export function historyItem(node: NodeOf<'history'>): vscode.TreeItem {
  const { environment, app } = node;
  const item = new vscode.TreeItem(vscode.l10n.t('{0} history', environment.environment.label), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `history:${app.app.id}/${environment.environment.id}`;
  const failed = environment.runs.filter(runFailed).length;
  const count = counts.deployment(environment.runs.length, vscode.l10n);
  const failedWords = failed > 0 ? vscode.l10n.t('{0} failed', failed) : undefined;
  item.description = [count, failedWords].filter((part) => part !== undefined).join(' · ');
  item.iconPath = new vscode.ThemeIcon('history');
  item.tooltip = new vscode.MarkdownString(`${vscode.l10n.t("The deployments of {0}, newest first: every run of its deployment workflow, whoever started it (this window, a colleague, CI), with how it ended and how long it took. What each deployed is read from the run's title.", md(placeLabel(app.app, environment.environment)))}\n\n${md(glossary(vscode.l10n).lastKnownWorkingTag)}`);
  item.accessibilityInformation = { label: [vscode.l10n.t('{0} {1} history', app.app.label, environment.environment.label), count, failedWords].filter((part) => part !== undefined).join(', '), role: 'treeitem' };
  item.contextValue = 'history';
  return item;
}
