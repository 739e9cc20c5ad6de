import { tagSchemeOf, templateHint } from '../../domain/tagScheme';
import * as vscode from 'vscode';
import { productionOf } from '../../domain/snapshot';
import { glossary } from '../../domain/glossary';
import { md, runningLabel, spokenEnvironment, stateIcon, stateWords } from '../presentation';
import type { NodeOf } from './nodes';

/** An app: its production version at a glance; expands into environments, draft and history. */
export function appItem(node: NodeOf<'app'>): vscode.TreeItem {
  const { app } = node;
  const item = new vscode.TreeItem(app.app.label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `app:${app.app.id}`;
  const production = productionOf(app) ?? app.environments[0];
  if (production !== undefined) {
    item.iconPath = stateIcon(production.state);
    const running = runningLabel(production);
    const deploy = production.environment.deploy;
    if (production.state === 'alwaysLatest') {
      item.description = vscode.l10n.t('always runs latest');
    } else if (deploy.kind === 'manual' && running === undefined) {
      item.description = vscode.l10n.t('deployed by hand with {0}', deploy.tool);
    } else {
      item.description = [production.state !== 'inSync' ? stateWords(production) : undefined, running?.split(' ')[0]].filter((part) => part !== undefined).join(' · ');
    }
  }
  if (production !== undefined) {
    item.accessibilityInformation = { label: spokenEnvironment(app.app.label, production, 'app'), role: 'treeitem' };
  }
  const tooltip = new vscode.MarkdownString(`**${md(app.app.label)}**\n\n`);
  if (app.app.usesReleases) {
    const scheme = tagSchemeOf(app.app);
    tooltip.appendMarkdown(`${vscode.l10n.t('Git tags: `{0}` · image tags: `{1}`', templateHint(scheme.git), templateHint(scheme.image))}\n\n`);
    tooltip.appendMarkdown(md(glossary(vscode.l10n).releaseTag));
  } else {
    tooltip.appendMarkdown(md(vscode.l10n.t('No GitHub Releases: it always runs the image tagged latest.')));
  }
  item.tooltip = tooltip;
  const tokens = ['app', `app-${app.app.id}`];
  if (app.draft !== undefined) {
    tokens.push('hasDraft');
  }
  if (app.app.usesReleases) {
    tokens.push('usesReleases');
  }
  item.contextValue = tokens.join(' ');
  return item;
}
