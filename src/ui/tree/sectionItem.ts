import * as vscode from 'vscode';
import type { NodeOf } from './nodes';

/** A workspace folder's section of the deck (multi-root workspaces with several profiles): its apps below. */
export function sectionItem(node: NodeOf<'section'>): vscode.TreeItem {
  const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `section:${node.section ?? ''}`;
  item.iconPath = new vscode.ThemeIcon(node.problem !== undefined ? 'warning' : 'root-folder');
  item.description = node.problem ?? node.repository;
  item.tooltip = node.problem ?? vscode.l10n.t('The deck of the folder {0} ({1})', node.name, node.repository);
  item.contextValue = 'section';
  item.accessibilityInformation = { label: node.problem !== undefined ? vscode.l10n.t('Folder {0}: {1}', node.name, node.problem) : vscode.l10n.t('Folder {0}, the deck of {1}', node.name, node.repository), role: 'treeitem' };
  return item;
}
