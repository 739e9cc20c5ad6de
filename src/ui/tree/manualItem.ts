import * as vscode from 'vscode';
import { fillManualPlaceholders } from '../../domain/profileQueries';
import { md } from '../presentation';
import type { NodeOf } from './nodes';
import { placeLabel, plural } from '../../domain/words';

/** The manual procedure of an environment deployed by hand, with the draft's tags filled in. */
export function manualItem(node: NodeOf<'manual'>): vscode.TreeItem {
  const { app, environment } = node;
  const deploy = environment.environment.deploy;
  const item = new vscode.TreeItem(`Manual deployment with ${deploy.kind === 'manual' ? deploy.tool : 'a manual procedure'}`, vscode.TreeItemCollapsibleState.None);
  item.id = `manual:${app.app.id}/${environment.environment.id}`;
  item.iconPath = new vscode.ThemeIcon('checklist');
  const target = app.draft ?? app.releases[0];
  item.description = deploy.kind === 'manual' ? `${deploy.steps.length} steps` : '';
  if (deploy.kind === 'manual') {
    const values = { imageTag: target?.imageTag ?? '{imageTag}', gitTag: target?.gitTag ?? '{gitTag}', environment: environment.environment.id };
    const tooltip = new vscode.MarkdownString(`**Deploying ${md(placeLabel(app.app, environment.environment))} is done by hand** with ${md(deploy.tool)}${target !== undefined ? `, here for \`${target.imageTag}\`` : ''}:\n\n`);
    deploy.steps.forEach((step, index) => {
      tooltip.appendMarkdown(`${index + 1}. ${md(fillManualPlaceholders(step.title, values))}${step.command !== undefined ? `  \n   \`${fillManualPlaceholders(step.command, values)}\`` : ''}\n`);
    });
    item.tooltip = tooltip;
  }
  item.accessibilityInformation = { label: `${app.app.label} ${environment.environment.label} is deployed by hand with ${deploy.kind === 'manual' ? `${deploy.tool}: ${plural(deploy.steps.length, 'step')}` : 'a manual procedure'}`, role: 'treeitem' };
  item.contextValue = 'manual';
  return item;
}
