import * as vscode from 'vscode';
import { NEEDS_YOU_VIEW_ID } from '../../commandIds';
import { Disposable } from '../../disposable';
import { needsYou, needsYouSummary, type NeedsYouEntry } from '../../domain/needsYou';
import type { DeckSnapshot } from '../../domain/snapshot';
import { plural } from '../../domain/words';
import type { DeckState, DeckStore } from '../../state/deckStore';
import { needsYouItem, needsYouNode, type NeedsYouNode } from './needsYouItem';

/**
 * The Needs You view: what waits on a person, read from the store's snapshot (no request of its own),
 * counted by the view's badge (on the Release Deck icon of the activity bar too).
 */
export class NeedsYouView extends Disposable implements vscode.TreeDataProvider<NeedsYouNode> {
  private readonly emitter = this.register(new vscode.EventEmitter<undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly view: vscode.TreeView<NeedsYouNode>;
  private nodes: NeedsYouNode[] = [];
  private shownFor: { readonly snapshot: DeckSnapshot | undefined; readonly draftAgeDays: number } | undefined;

  constructor(
    private readonly store: DeckStore,
    private readonly draftAgeDays: () => number,
  ) {
    super();
    this.view = this.register(vscode.window.createTreeView(NEEDS_YOU_VIEW_ID, { treeDataProvider: this }));
    // Its badge matters even when the deck is hidden: while it is visible, the deck keeps polling.
    store.setVisible('needsYou', this.view.visible);
    this.register(
      this.view.onDidChangeVisibility((event) => {
        store.setVisible('needsYou', event.visible);
      }),
    );
    this.register(
      store.onDidChange((state) => {
        this.update(state);
      }),
    );
    this.update(store.state);
  }

  /** The entries as the view lists them, and its badge: what the integration tests read. */
  get shown(): { readonly entries: readonly NeedsYouEntry[]; readonly badge: vscode.ViewBadge | undefined; readonly message: string | undefined } {
    return { entries: this.nodes.map((node) => node.entry), badge: this.view.badge, message: this.view.message !== '' ? this.view.message : undefined };
  }

  /** Recomputes the entries when the snapshot or the setting changed. */
  update(state: DeckState = this.store.state): void {
    const draftAgeDays = this.draftAgeDays();
    if (this.shownFor !== undefined && this.shownFor.snapshot === state.snapshot && this.shownFor.draftAgeDays === draftAgeDays) {
      this.view.message = messageFor(state, this.nodes.length, draftAgeDays) ?? '';
      return;
    }
    this.shownFor = { snapshot: state.snapshot, draftAgeDays };
    const snapshot = state.snapshot;
    const entries = snapshot !== undefined ? needsYou(snapshot, { draftAgeDays }) : [];
    this.nodes = entries.flatMap((entry) => {
      const app = snapshot?.apps.find((candidate) => candidate.app.id === entry.appId);
      const node = app !== undefined ? needsYouNode(entry, app) : undefined;
      return node !== undefined ? [node] : [];
    });
    this.view.badge = this.nodes.length > 0 ? { value: this.nodes.length, tooltip: needsYouSummary(entries) } : undefined;
    this.view.message = messageFor(state, this.nodes.length, draftAgeDays) ?? '';
    this.emitter.fire(undefined);
  }

  getTreeItem(node: NeedsYouNode): vscode.TreeItem {
    return needsYouItem(node);
  }

  getChildren(node?: NeedsYouNode): NeedsYouNode[] {
    return node === undefined ? this.nodes : [];
  }
}

function messageFor(state: DeckState, count: number, draftAgeDays: number): string | undefined {
  if (state.snapshot === undefined) {
    if (state.profile.kind === 'broken' || state.credential === undefined) {
      return 'Sign in (in the Deck view) to see what waits on you: reviews, failed deployments, changelog PRs and old drafts.';
    }
    return state.error !== undefined ? `The deck could not be loaded, so what needs you is not known: ${state.error.message}` : 'Loading the deck…';
  }
  if (count > 0) {
    return undefined;
  }
  const drafts = draftAgeDays > 0 ? `, and no draft with changes has waited more than ${plural(draftAgeDays, 'day')}` : '';
  return `Nothing needs you: no deployment waits for review, none failed without a success since, no changelog PR is open${drafts}.`;
}
