import * as vscode from 'vscode';
import { md, isSafeLink } from '../presentation';
import type { NodeOf } from './nodes';

/** An app's changelog pull request, opened by the release workflow after a publish, until merged or closed. */
export function changelogPullItem(node: NodeOf<'changelogPull'>): vscode.TreeItem {
  const { pull, app } = node;
  const item = new vscode.TreeItem(vscode.l10n.t('Changelog PR #{0} to review', pull.number), vscode.TreeItemCollapsibleState.None);
  item.id = `changelogPull:${app.app.id}:${pull.number}`;
  item.description = pull.gitTag ?? pull.branch;
  item.iconPath = new vscode.ThemeIcon('git-pull-request');
  item.tooltip = new vscode.MarkdownString(
    `${vscode.l10n.t('**{0}** (#{1}, branch `{2}`)', md(pull.title), pull.number, md(pull.branch))}\n\n${vscode.l10n.t('The release workflow opened it after {0} was published: review and merge it to add the changelog. It stays here until it is merged or closed.', md(pull.gitTag ?? vscode.l10n.t('a release of {0}', app.app.label)))}`,
  );
  if (isSafeLink(pull.htmlUrl)) {
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open the Pull Request'), arguments: [vscode.Uri.parse(pull.htmlUrl, true)] };
  }
  item.accessibilityInformation = { label: pull.gitTag !== undefined ? vscode.l10n.t('{0} changelog pull request #{1} to review, opened after {2} was published', app.app.label, pull.number, pull.gitTag) : vscode.l10n.t('{0} changelog pull request #{1} to review', app.app.label, pull.number), role: 'treeitem' };
  item.contextValue = 'changelogPull';
  return item;
}
