import * as vscode from 'vscode';
import { md, isSafeLink } from '../presentation';
import type { NodeOf } from './nodes';

/** An app's changelog pull request, opened by the release workflow after a publish, until merged or closed. */
export function changelogPullItem(node: NodeOf<'changelogPull'>): vscode.TreeItem {
  const { pull, app } = node;
  const item = new vscode.TreeItem(`Changelog PR #${pull.number} to review`, vscode.TreeItemCollapsibleState.None);
  item.id = `changelogPull:${app.app.id}:${pull.number}`;
  item.description = pull.gitTag ?? pull.branch;
  item.iconPath = new vscode.ThemeIcon('git-pull-request');
  item.tooltip = new vscode.MarkdownString(
    `**${md(pull.title)}** (#${pull.number}, branch \`${md(pull.branch)}\`)\n\nThe release workflow opened it after ${md(pull.gitTag ?? `a release of ${app.app.label}`)} was published: review and merge it to add the changelog. It stays here until it is merged or closed.`,
  );
  if (isSafeLink(pull.htmlUrl)) {
    item.command = { command: 'vscode.open', title: 'Open the Pull Request', arguments: [vscode.Uri.parse(pull.htmlUrl, true)] };
  }
  item.accessibilityInformation = { label: `${app.app.label} changelog pull request #${pull.number} to review${pull.gitTag !== undefined ? `, opened after ${pull.gitTag} was published` : ''}`, role: 'treeitem' };
  item.contextValue = 'changelogPull';
  return item;
}
