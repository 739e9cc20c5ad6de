import * as vscode from 'vscode';
import { counts } from '../../domain/words';
import { glossary } from '../../domain/glossary';
import { md } from '../presentation';
import type { NodeOf } from './nodes';

/** The app's drafted GitHub Release: what publishing would release. */
export function draftItem(node: NodeOf<'draft'>): vscode.TreeItem {
  const { draft, app } = node;
  const item = new vscode.TreeItem(vscode.l10n.t('Draft {0}', draft.gitTag), vscode.TreeItemCollapsibleState.None);
  item.id = `draft:${app.app.id}:${draft.id}`;
  item.description = draft.changeCount === 0 ? vscode.l10n.t('no changes') : counts.change(draft.changeCount, vscode.l10n);
  item.iconPath = new vscode.ThemeIcon('git-pull-request-draft');
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`${vscode.l10n.t('**Drafted GitHub Release {0}**', md(draft.gitTag))}\n\n`);
  tooltip.appendMarkdown(`${vscode.l10n.t("Publishing it creates the git tag `{0}` and tags {1}'s images `{2}`.", draft.gitTag, md(app.app.label), draft.imageTag)}\n\n`);
  tooltip.appendMarkdown(md(glossary(vscode.l10n).draft));
  item.tooltip = tooltip;
  item.accessibilityInformation = { label: vscode.l10n.t('{0} draft GitHub Release {1}, not published, {2}', app.app.label, draft.gitTag, item.description), role: 'treeitem' };
  item.contextValue = ['draft', draft.changeCount === 0 ? 'empty' : 'hasChanges'].join(' ');
  return item;
}
