import * as vscode from 'vscode';
import { plural } from '../../domain/words';
import { GLOSSARY } from '../../domain/glossary';
import { md } from '../presentation';
import type { NodeOf } from './nodes';

/** The app's drafted GitHub Release: what publishing would release. */
export function draftItem(node: NodeOf<'draft'>): vscode.TreeItem {
  const { draft, app } = node;
  const item = new vscode.TreeItem(`Draft ${draft.gitTag}`, vscode.TreeItemCollapsibleState.None);
  item.id = `draft:${app.app.id}:${draft.id}`;
  item.description = draft.changeCount === 0 ? 'no changes' : plural(draft.changeCount, 'change');
  item.iconPath = new vscode.ThemeIcon('git-pull-request-draft');
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**Drafted GitHub Release ${md(draft.gitTag)}**\n\n`);
  tooltip.appendMarkdown(`Publishing it creates the git tag \`${draft.gitTag}\` and tags ${md(app.app.label)}'s images \`${draft.imageTag}\`.\n\n`);
  tooltip.appendMarkdown(md(GLOSSARY.draft));
  item.tooltip = tooltip;
  item.accessibilityInformation = { label: `${app.app.label} draft GitHub Release ${draft.gitTag}, not published, ${item.description}`, role: 'treeitem' };
  item.contextValue = ['draft', draft.changeCount === 0 ? 'empty' : 'hasChanges'].join(' ');
  return item;
}
