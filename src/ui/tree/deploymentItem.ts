import * as vscode from 'vscode';
import { md, mdLink } from '../presentation';
import type { NodeOf } from './nodes';
import { ago, placeLabel } from '../../domain/words';
import { standingWords } from '../../domain/rollback';

/** One successful deployment in the history; the last known working one is marked. */
export function deploymentItem(node: NodeOf<'deployment'>): vscode.TreeItem {
  const { record, environment, app } = node;
  const running = environment.running?.imageTag !== undefined && record.imageTag === environment.running.imageTag;
  const rollbackTarget = environment.rollback.ok && environment.rollback.deployment.runId === record.runId;
  const item = new vscode.TreeItem(record.imageTag ?? record.title, vscode.TreeItemCollapsibleState.None);
  item.id = `deployment:${app.app.id}/${environment.environment.id}/${record.runId}`;
  const marks = [running ? 'runs now' : undefined, rollbackTarget ? 'last known working' : undefined, standingWords(record), record.tagUnknown !== undefined ? 'version not known' : undefined].filter((mark) => mark !== undefined);
  item.description = [...marks, `${ago(record.updatedAt)} by ${record.actor}`].join(' · ');
  item.iconPath = new vscode.ThemeIcon(running ? 'debug-stackframe-dot' : rollbackTarget ? 'discard' : 'circle-small');
  item.tooltip = new vscode.MarkdownString(
    `**${md(record.imageTag ?? record.title)}**\n\nDeployed to ${md(placeLabel(app.app, environment.environment))} on ${md(record.updatedAt.replace('T', ' ').replace('Z', ' UTC'))} by ${md(record.actor)} (${md(record.event)}).\n\nRun: ${mdLink(record.title, record.runUrl)}${standingNote(record)}`,
  );
  const tokens = ['deployment', 'hasRun'];
  if (record.imageTag !== undefined) {
    tokens.push('hasTag');
    if (!running && environment.environment.deploy.kind === 'workflow') {
      tokens.push('deployable');
    }
  }
  if (rollbackTarget) {
    tokens.push('rollbackTarget');
  }
  item.contextValue = tokens.join(' ');
  return item;
}

function standingNote(record: NodeOf<'deployment'>['record']): string {
  if (record.tagUnknown !== undefined) {
    return `\n\nWhat it deployed is not known: ${md(record.tagUnknown)}`;
  }
  if (record.rolledAwayFrom !== undefined) {
    return `\n\nRolled away from on ${md(record.rolledAwayFrom.on)}: replaced by the older ${md(record.rolledAwayFrom.toImageTag)}, so it is not offered as last known working.`;
  }
  return record.rollbackOrderUnknown !== undefined ? `\n\n${md(record.rollbackOrderUnknown)}` : '';
}
