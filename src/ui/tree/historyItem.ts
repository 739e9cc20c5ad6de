import * as vscode from 'vscode';
import { GLOSSARY } from '../../domain/glossary';
import { md } from '../presentation';
import type { NodeOf } from './nodes';
import { placeLabel, plural } from '../../domain/words';
import { runFailed } from '../../domain/runWords';

/** "Production history": every deployment run of the environment, newest first, whoever started it. */
export function historyItem(node: NodeOf<'history'>): vscode.TreeItem {
  const { environment, app } = node;
  const item = new vscode.TreeItem(`${environment.environment.label} history`, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `history:${app.app.id}/${environment.environment.id}`;
  const failed = environment.runs.filter(runFailed).length;
  item.description = [plural(environment.runs.length, 'deployment'), failed > 0 ? `${failed} failed` : undefined].filter((part) => part !== undefined).join(' · ');
  item.iconPath = new vscode.ThemeIcon('history');
  item.tooltip = new vscode.MarkdownString(`The deployments of ${md(placeLabel(app.app, environment.environment))}, newest first: every run of its deployment workflow, whoever started it (this window, a colleague, CI), with how it ended and how long it took. What each deployed is read from the run's title.\n\n${md(GLOSSARY.lastKnownWorkingTag)}`);
  item.accessibilityInformation = { label: `${app.app.label} ${environment.environment.label} history, ${plural(environment.runs.length, 'deployment')}${failed > 0 ? `, ${failed} failed` : ''}`, role: 'treeitem' };
  item.contextValue = 'history';
  return item;
}
