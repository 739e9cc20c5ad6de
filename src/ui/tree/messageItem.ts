import * as vscode from 'vscode';
import type { NodeOf } from './nodes';

/** A line of explanation in the deck: loading, a stale-data warning, an error with its retry. */
export function messageItem(node: NodeOf<'message'>): vscode.TreeItem {
  const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
  item.id = `message:${node.id}`;
  item.iconPath = new vscode.ThemeIcon(node.icon);
  item.contextValue = 'message';
  if (node.detail !== undefined) {
    item.tooltip = node.detail;
  }
  if (node.command !== undefined) {
    item.command = { command: node.command.id, title: node.command.title };
    item.description = node.command.title;
  }
  // A string tooltip is what a screen reader says for a row without a spoken label: the detail alone, without
  // the row's own words (stale, could not load) nor its action.
  item.accessibilityInformation = { label: [spokenKind(node.icon), node.text, node.command !== undefined ? vscode.l10n.t('{0}: press Enter.', node.command.title) : undefined].filter((part) => part !== undefined).join(' '), role: 'treeitem' };
  return item;
}

/** What a message's icon says, in words. */
function spokenKind(icon: string): string | undefined {
  return icon === 'error' ? vscode.l10n.t('Error.') : icon === 'warning' ? vscode.l10n.t('Warning.') : undefined;
}
