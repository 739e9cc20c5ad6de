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
  return item;
}
