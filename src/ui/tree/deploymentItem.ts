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
  const language = vscode.env.language;
  const took = runDuration(record, vscode.l10n);
  const ends = outcomeWords(record, vscode.l10n, language);
  const outcome = succeeded ? took : took !== undefined ? vscode.l10n.t('{0} after {1}', ends, took) : ends;
  const flags = [running ? vscode.l10n.t('runs now') : undefined, rollbackTarget ? vscode.l10n.t('last known working') : undefined, standingWords(record, vscode.l10n), record.tagUnknown !== undefined ? vscode.l10n.t('version not known') : undefined].filter((mark) => mark !== undefined);
  const byWhom = vscode.l10n.t('{0} by {1}', ago(record.status === 'completed' ? record.updatedAt : record.startedAt, undefined, language, vscode.l10n), record.actor);
  item.description = [...flags, ...(outcome !== undefined ? [outcome] : []), byWhom].join(' · ');
  // The icon marks what runs now, the rollback target and a success; the spoken label says them in words.
  item.accessibilityInformation = { label: [vscode.l10n.t('{0} {1} deployment of {2} {3}', app.app.label, environment.environment.label, record.imageTag ?? record.title, succeeded ? (took !== undefined ? vscode.l10n.t('succeeded in {0}', took) : ends) : (outcome ?? ends)), ...flags, byWhom].join(', '), role: 'treeitem' };
  item.iconPath = succeeded ? new vscode.ThemeIcon(running ? 'debug-stackframe-dot' : rollbackTarget ? 'discard' : 'circle-small') : outcomeIcon(record);
  const when = (iso: string): string => md(dateTime(iso, language));
  const started = record.status !== 'completed'
    ? vscode.l10n.t('Started by {0} ({1}) on {2}.', md(record.actor), md(record.event), when(record.startedAt))
    : took !== undefined
      ? vscode.l10n.t('Started by {0} ({1}) on {2}, ended {3} ({4}).', md(record.actor), md(record.event), when(record.startedAt), when(record.updatedAt), took)
      : vscode.l10n.t('Started by {0} ({1}) on {2}, ended {3}.', md(record.actor), md(record.event), when(record.startedAt), when(record.updatedAt));
  item.tooltip = new vscode.MarkdownString(
    `${vscode.l10n.t('**{0}** to {1} {2}', md(record.imageTag ?? record.title), md(placeLabel(app.app, environment.environment)), md(ends))}\n\n${started}\n\n${vscode.l10n.t('Run: {0}', mdLink(record.title, record.runUrl))}${standingNote(record)}`,
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
    return `\n\n${vscode.l10n.t('What it deployed is not known: {0}', md(record.tagUnknown))}`;
  }
  if (record.rolledAwayFrom !== undefined) {
    return `\n\n${vscode.l10n.t('Rolled away from on {0}: replaced by the older {1}, so it is not offered as last known working.', md(record.rolledAwayFrom.on), md(record.rolledAwayFrom.toImageTag))}`;
  }
  return record.rollbackOrderUnknown !== undefined ? `\n\n${md(record.rollbackOrderUnknown)}` : '';
}
