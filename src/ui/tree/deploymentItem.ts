import * as vscode from 'vscode';
import { md, mdLink } from '../presentation';
import type { NodeOf } from './nodes';
import { ago, dateTime, placeLabel } from '../../domain/words';
import { standingWords } from '../../domain/rollback';
import { runsNow } from '../../domain/runningVersion';
import { outcomeWords, runDuration, runFailed } from '../../domain/runWords';

/**
 * One deployment run in the environment's history, from any source (this window, a colleague, CI),
 * however it ended: who, what, when, how it ended and how long it took. The version running now and
 * the last known working one are marked.
 */
export function deploymentItem(node: NodeOf<'deployment'>): vscode.TreeItem {
  const { record, environment, app } = node;
  const succeeded = record.status === 'completed' && record.conclusion === 'success';
  const running = succeeded && runsNow(record, environment.running, app.app);
  const rollbackTarget = environment.rollback.ok && environment.rollback.deployment.runId === record.runId;
  const item = new vscode.TreeItem(record.imageTag ?? record.title, vscode.TreeItemCollapsibleState.None);
  item.id = `deployment:${app.app.id}/${environment.environment.id}/${record.runId}`;
  const took = runDuration(record);
  const outcome = succeeded ? took : `${outcomeWords(record)}${took !== undefined ? ` after ${took}` : ''}`;
  const flags = [running ? 'runs now' : undefined, rollbackTarget ? 'last known working' : undefined, standingWords(record), record.tagUnknown !== undefined ? 'version not known' : undefined].filter((mark) => mark !== undefined);
  const byWhom = vscode.l10n.t('{0} by {1}', ago(record.status === 'completed' ? record.updatedAt : record.startedAt, undefined, vscode.env.language), record.actor);
  item.description = [...flags, ...(outcome !== undefined ? [outcome] : []), byWhom].join(' · ');
  // The icon marks what runs now, the rollback target and a success; the spoken label says them in words.
  item.accessibilityInformation = { label: [`${app.app.label} ${environment.environment.label} deployment of ${record.imageTag ?? record.title} ${succeeded ? `succeeded${took !== undefined ? ` in ${took}` : ''}` : outcome}`, ...flags, byWhom].join(', '), role: 'treeitem' };
  item.iconPath = succeeded ? new vscode.ThemeIcon(running ? 'debug-stackframe-dot' : rollbackTarget ? 'discard' : 'circle-small') : outcomeIcon(record);
  const when = (iso: string): string => md(dateTime(iso, vscode.env.language));
  const ended = record.status === 'completed' ? `, ended ${when(record.updatedAt)}${took !== undefined ? ` (${took})` : ''}` : '';
  item.tooltip = new vscode.MarkdownString(
    `**${md(record.imageTag ?? record.title)}** to ${md(placeLabel(app.app, environment.environment))} ${md(outcomeWords(record))}\n\nStarted by ${md(record.actor)} (${md(record.event)}) on ${when(record.startedAt)}${ended}.\n\nRun: ${mdLink(record.title, record.runUrl)}${standingNote(record)}`,
  );
  const tokens = ['deployment', 'hasRun', `outcome-${record.status === 'completed' ? (record.conclusion ?? 'unknown') : record.status}`];
  if (runFailed(record)) {
    tokens.push('failed');
  }
  if (succeeded && record.imageTag !== undefined) {
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

function outcomeIcon(record: NodeOf<'deployment'>['record']): vscode.ThemeIcon {
  if (runFailed(record)) {
    return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  }
  if (record.status === 'completed') {
    return new vscode.ThemeIcon('circle-slash');
  }
  return new vscode.ThemeIcon(record.status === 'waiting' ? 'watch' : 'sync~spin');
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
