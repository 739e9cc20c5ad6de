import * as vscode from 'vscode';
import { COMMANDS } from '../../commandIds';
import { Disposable } from '../../disposable';
import { productionOf } from '../../domain/snapshot';
import { ago, clockTime } from '../../domain/words';
import type { DeckState } from '../../state/deckStore';
import { repositoryOf, type Section, type Sections } from '../../state/sections';
import { appItem } from './appItem';
import { changelogPullItem } from './changelogPullItem';
import { deploymentItem } from './deploymentItem';
import { draftItem } from './draftItem';
import { environmentItem } from './environmentItem';
import { historyItem } from './historyItem';
import { manualItem } from './manualItem';
import { messageItem } from './messageItem';
import type { DeckNode } from './nodes';
import { sectionItem } from './sectionItem';

const HISTORY_SHOWN = 15;

/**
 * Renders the stores' state as the deck tree; never calls GitHub itself. One folder with a profile: its
 * apps are the roots. Several (a multi-root workspace): one section per folder, its apps below.
 */
export class DeckTreeProvider extends Disposable implements vscode.TreeDataProvider<DeckNode> {
  private readonly emitter = new vscode.EventEmitter<DeckNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly sections: Sections) {
    super();
    for (const event of [sections.onDidChangeState, sections.onDidChange]) {
      this.register(
        event(() => {
          this.emitter.fire(undefined);
        }),
      );
    }
    this.register(this.emitter);
  }

  getTreeItem(node: DeckNode): vscode.TreeItem {
    const item = this.itemOf(node);
    // The same app id may be in two folders: with sections shown, an item's id names its section.
    if (node.kind !== 'section' && node.section !== undefined && item.id !== undefined && this.sections.shown.length > 1) {
      item.id = `${node.section}|${item.id}`;
    }
    return item;
  }

  private itemOf(node: DeckNode): vscode.TreeItem {
    switch (node.kind) {
      case 'section':
        return sectionItem(node);
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
    if (node === undefined) {
      return this.roots();
    }
    const section = node.section !== undefined ? { section: node.section } : {};
    switch (node.kind) {
      case 'section': {
        const owner = this.sections.byKey(node.section ?? '');
        return owner !== undefined ? rootNodes(owner.store.state, owner.key) : [];
      }
      case 'app': {
        const children: DeckNode[] = node.app.environments.map((environment) => ({ kind: 'environment', app: node.app, environment, ...section }));
        if (node.app.draft !== undefined) {
          children.push({ kind: 'draft', app: node.app, draft: node.app.draft, ...section });
        }
        for (const pull of node.app.changelogPulls) {
          children.push({ kind: 'changelogPull', app: node.app, pull, ...section });
        }
        // Each deployed-by-workflow environment's history: production first, then the others (staging's runs
        // are read from their titles as the profile's runTitle says, so its history is as real as production's).
        const production = productionOf(node.app);
        const histories = [production, ...node.app.environments.filter((environment) => environment !== production)];
        for (const environment of histories) {
          if (environment !== undefined && environment.environment.deploy.kind === 'workflow' && environment.runs.length > 0) {
            children.push({ kind: 'history', app: node.app, environment, ...section });
          }
        }
        return children;
      }
      case 'environment':
        return node.environment.environment.deploy.kind === 'manual' ? [{ kind: 'manual', app: node.app, environment: node.environment, ...section }] : [];
      case 'history':
        return node.environment.runs.slice(0, HISTORY_SHOWN).map((record) => ({ kind: 'deployment', app: node.app, environment: node.environment, record, ...section }));
      default:
        return [];
    }
  }

  getParent(node: DeckNode): DeckNode | undefined {
    const section = node.section !== undefined ? { section: node.section } : {};
    switch (node.kind) {
      case 'environment':
      case 'draft':
      case 'changelogPull':
      case 'history':
        return { kind: 'app', app: node.app, ...section };
      case 'deployment':
        return { kind: 'history', app: node.app, environment: node.environment, ...section };
      case 'manual':
        return { kind: 'environment', app: node.app, environment: node.environment, ...section };
      case 'app':
      case 'message': {
        const owner = this.sections.shown.length > 1 && node.section !== undefined ? this.sections.byKey(node.section) : undefined;
        return owner !== undefined ? sectionNode(owner) : undefined;
      }
      default:
        return undefined;
    }
  }

  /** One folder with a profile (or none): today's deck. Several: a section each, unless signed out (the welcome view says so). */
  private roots(): DeckNode[] {
    const shown = this.sections.shown;
    if (shown.length <= 1) {
      const only = shown[0] ?? this.sections.primary;
      return only !== undefined ? rootNodes(only.store.state, only.key) : [];
    }
    return shown.some((section) => section.store.state.credential !== undefined) ? shown.map(sectionNode) : [];
  }
}

function sectionNode(section: Section): DeckNode {
  const state = section.store.state;
  const problem = state.profile.kind === 'broken' ? vscode.l10n.t('its profile has problems (see the Problems panel)') : undefined;
  return { kind: 'section', section: section.key, name: section.name, repository: repositoryOf(section), ...(problem !== undefined ? { problem } : {}) };
}

function rootNodes(state: DeckState, section: string): DeckNode[] {
  // Signed out, a broken profile or none: the welcome view says what to do.
  if (state.profile.kind === 'broken' || state.profile.kind === 'none' || state.credential === undefined) {
    return [];
  }
  const nodes: DeckNode[] = [];
  if (state.snapshot === undefined) {
    if (state.error !== undefined) {
      nodes.push({ kind: 'message', id: 'error', text: vscode.l10n.t('Could not load the deck: {0}', state.error.message), detail: state.error.message, icon: 'error', command: { id: COMMANDS.refresh, title: vscode.l10n.t('Retry') }, section });
    } else {
      nodes.push({ kind: 'message', id: 'loading', text: vscode.l10n.t('Loading the deck…'), icon: 'loading~spin', section });
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
      section,
    });
  }
  for (const app of state.snapshot.apps) {
    nodes.push({ kind: 'app', app, section });
  }
  return nodes;
}
