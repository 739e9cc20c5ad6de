import * as vscode from 'vscode';
import { COMMANDS } from '../../commandIds';
import { Disposable } from '../../disposable';
import { productionOf } from '../../domain/snapshot';
import { ago, clockTime } from '../../domain/words';
import type { DeckState, DeckStore } from '../../state/deckStore';
import { appItem } from './appItem';
import { changelogPullItem } from './changelogPullItem';
import { deploymentItem } from './deploymentItem';
import { draftItem } from './draftItem';
import { environmentItem } from './environmentItem';
import { historyItem } from './historyItem';
import { manualItem } from './manualItem';
import { messageItem } from './messageItem';
import type { DeckNode } from './nodes';

const HISTORY_SHOWN = 15;

/** Renders the store's state as the deck tree; never calls GitHub itself. */
export class DeckTreeProvider extends Disposable implements vscode.TreeDataProvider<DeckNode> {
  private readonly emitter = new vscode.EventEmitter<DeckNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly store: DeckStore) {
    super();
    this.register(
      store.onDidChange(() => {
        this.emitter.fire(undefined);
      }),
    );
    this.register(this.emitter);
  }

  getTreeItem(node: DeckNode): vscode.TreeItem {
    switch (node.kind) {
      case 'message':
        return messageItem(node);
      case 'app':
        return appItem(node);
      case 'environment':
        return environmentItem(node);
      case 'draft':
        return draftItem(node);
      case 'changelogPull':
        return changelogPullItem(node);
      case 'history':
        return historyItem(node);
      case 'deployment':
        return deploymentItem(node);
      case 'manual':
        return manualItem(node);
    }
  }

  getChildren(node?: DeckNode): DeckNode[] {
    const state = this.store.state;
    if (node === undefined) {
      return rootNodes(state);
    }
    switch (node.kind) {
      case 'app': {
        const children: DeckNode[] = node.app.environments.map((environment) => ({ kind: 'environment', app: node.app, environment }));
        if (node.app.draft !== undefined) {
          children.push({ kind: 'draft', app: node.app, draft: node.app.draft });
        }
        for (const pull of node.app.changelogPulls) {
          children.push({ kind: 'changelogPull', app: node.app, pull });
        }
        // Each deployed-by-workflow environment's history: production first, then the others (staging's runs
        // are read from their titles as the profile's runTitle says, so its history is as real as production's).
        const production = productionOf(node.app);
        const histories = [production, ...node.app.environments.filter((environment) => environment !== production)];
        for (const environment of histories) {
          if (environment !== undefined && environment.environment.deploy.kind === 'workflow' && environment.runs.length > 0) {
            children.push({ kind: 'history', app: node.app, environment });
          }
        }
        return children;
      }
      case 'environment':
        return node.environment.environment.deploy.kind === 'manual' ? [{ kind: 'manual', app: node.app, environment: node.environment }] : [];
      case 'history':
        return node.environment.runs.slice(0, HISTORY_SHOWN).map((record) => ({ kind: 'deployment', app: node.app, environment: node.environment, record }));
      default:
        return [];
    }
  }

  getParent(node: DeckNode): DeckNode | undefined {
    switch (node.kind) {
      case 'environment':
      case 'draft':
      case 'changelogPull':
      case 'history':
        return { kind: 'app', app: node.app };
      case 'deployment':
        return { kind: 'history', app: node.app, environment: node.environment };
      case 'manual':
        return { kind: 'environment', app: node.app, environment: node.environment };
      default:
        return undefined;
    }
  }

}

function rootNodes(state: DeckState): DeckNode[] {
  // Signed out, a broken profile or none: the welcome view says what to do.
  if (state.profile.kind === 'broken' || state.profile.kind === 'none' || state.credential === undefined) {
    return [];
  }
  const nodes: DeckNode[] = [];
  if (state.snapshot === undefined) {
    if (state.error !== undefined) {
      nodes.push({ kind: 'message', id: 'error', text: vscode.l10n.t('Could not load the deck: {0}', state.error.message), detail: state.error.message, icon: 'error', command: { id: COMMANDS.refresh, title: vscode.l10n.t('Retry') } });
    } else {
      nodes.push({ kind: 'message', id: 'loading', text: vscode.l10n.t('Loading the deck…'), icon: 'loading~spin' });
    }
    return nodes;
  }
  if (state.error !== undefined) {
    const age = state.lastSuccessAt !== undefined ? ago(state.lastSuccessAt.toISOString(), undefined, vscode.env.language) : vscode.l10n.t('earlier');
    nodes.push({
      kind: 'message',
      id: 'stale',
      text: vscode.l10n.t('Stale: data from {0}. {1}', age, state.error.message),
      detail: vscode.l10n.t('The last refresh failed at {0}: {1}', clockTime(state.error.at, vscode.env.language), state.error.message),
      icon: 'warning',
      command: { id: COMMANDS.refresh, title: vscode.l10n.t('Retry') },
    });
  }
  for (const app of state.snapshot.apps) {
    nodes.push({ kind: 'app', app });
  }
  return nodes;
}
