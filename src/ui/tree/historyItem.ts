import * as vscode from 'vscode';
import { GLOSSARY } from '../../domain/glossary';
import { md } from '../presentation';
import type { NodeOf } from './nodes';
import { placeLabel, plural } from '../../domain/words';

/** "Production history": the environment's successful deployments, newest first. */
export function historyItem(node: NodeOf<'history'>): vscode.TreeItem {
  const { environment, app } = node;
  const item = new vscode.TreeItem(`${environment.environment.label} history`, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `history:${app.app.id}/${environment.environment.id}`;
  item.description = plural(environment.history.length, 'deployment');
  item.iconPath = new vscode.ThemeIcon('history');
  item.tooltip = new vscode.MarkdownString(`Successful deployments of ${md(placeLabel(app.app, environment.environment))}, newest first, read from the titles of its deployment workflow runs.\n\n${md(GLOSSARY.lastKnownWorkingTag)}`);
  item.contextValue = 'history';
  return item;
}
