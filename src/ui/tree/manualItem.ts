import * as vscode from 'vscode';
import { fillManualPlaceholders } from '../../domain/profileQueries';
import { md } from '../presentation';
import type { NodeOf } from './nodes';
import { counts, placeLabel } from '../../domain/words';

/** The manual procedure of an environment deployed by hand, with the draft's tags filled in. */
export function manualItem(node: NodeOf<'manual'>): vscode.TreeItem {
  const { app, environment } = node;
  const deploy = environment.environment.deploy;
  const item = new vscode.TreeItem(deploy.kind === 'manual' ? vscode.l10n.t('Manual deployment with {0}', deploy.tool) : vscode.l10n.t('Manual deployment with a manual procedure'), vscode.TreeItemCollapsibleState.None);
  item.id = `manual:${app.app.id}/${environment.environment.id}`;
  item.iconPath = new vscode.ThemeIcon('checklist');
  const target = app.draft ?? app.releases[0];
  const steps = deploy.kind === 'manual' ? counts.step(deploy.steps.length, vscode.l10n) : '';
  item.description = steps;
  if (deploy.kind === 'manual') {
    const values = { imageTag: target?.imageTag ?? '{imageTag}', gitTag: target?.gitTag ?? '{gitTag}', environment: environment.environment.id };
    const tooltip = new vscode.MarkdownString(`${target !== undefined ? vscode.l10n.t('**Deploying {0} is done by hand** with {1}, here for `{2}`:', md(placeLabel(app.app, environment.environment)), md(deploy.tool), target.imageTag) : vscode.l10n.t('**Deploying {0} is done by hand** with {1}:', md(placeLabel(app.app, environment.environment)), md(deploy.tool))}\n\n`);
    deploy.steps.forEach((step, index) => {
      tooltip.appendMarkdown(`${index + 1}. ${md(fillManualPlaceholders(step.title, values))}${step.command !== undefined ? `  \n   \`${fillManualPlaceholders(step.command, values)}\`` : ''}\n`);
    });
    item.tooltip = tooltip;
  }
  item.accessibilityInformation = { label: deploy.kind === 'manual' ? vscode.l10n.t('{0} {1} is deployed by hand with {2}: {3}', app.app.label, environment.environment.label, deploy.tool, steps) : vscode.l10n.t('{0} {1} is deployed by hand with a manual procedure', app.app.label, environment.environment.label), role: 'treeitem' };
  item.contextValue = 'manual';
  return item;
}
