import * as vscode from 'vscode';
import { NEEDS_YOU_VIEW_ID } from '../../commandIds';
import { Disposable } from '../../disposable';
import { needsYou, needsYouSummary, type NeedsYouEntry } from '../../domain/needsYou';
import type { DeckSnapshot } from '../../domain/snapshot';
import { counts } from '../../domain/words';
import type { DeckState } from '../../state/deckStore';
import type { Sections } from '../../state/sections';
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
  private readonly visibleIn = new WeakSet();
  private shownFor: { readonly snapshots: ReadonlyArray<DeckSnapshot | undefined>; readonly draftAgeDays: number } | undefined;

  /** Every section's entries (a multi-root workspace's folders with a profile), each named by its folder when there are several. */
  constructor(
    private readonly sections: Sections,
    private readonly draftAgeDays: () => number,
  ) {
    super();
    this.view = this.register(vscode.window.createTreeView(NEEDS_YOU_VIEW_ID, { treeDataProvider: this }));
    // Its badge matters even when the deck is hidden: while it is visible, the decks keep polling.
    this.register(
      this.view.onDidChangeVisibility(() => {
        this.update();
      }),
    );
    for (const event of [sections.onDidChangeState, sections.onDidChange]) {
      this.register(
        event(() => {
          this.update();
        }),
      );
    }
    this.update();
  }

  /** The entries as the view lists them, and its badge: what the integration tests read. */
  get shown(): { readonly entries: readonly NeedsYouEntry[]; readonly badge: vscode.ViewBadge | undefined; readonly message: string | undefined } {
    return { entries: this.nodes.map((node) => node.entry), badge: this.view.badge, message: this.view.message !== '' ? this.view.message : undefined };
  }

  /** Recomputes the entries when the snapshot or the setting changed. */
  update(): void {
    const draftAgeDays = this.draftAgeDays();
    const shown = this.sections.shown;
    for (const section of this.sections.all) {
      // Told only when it changes: each telling reschedules the section's polling.
      const visible = this.view.visible && shown.includes(section);
      if (visible !== this.visibleIn.has(section.store)) {
        section.store.setVisible('needsYou', visible);
        if (visible) {
          this.visibleIn.add(section.store);
        } else {
          this.visibleIn.delete(section.store);
        }
      }
    }
    const snapshots = shown.map((section) => section.store.state.snapshot);
    if (this.shownFor !== undefined && sameItems(this.shownFor.snapshots, snapshots) && this.shownFor.draftAgeDays === draftAgeDays) {
      this.view.message = this.message(draftAgeDays);
      return;
    }
    this.shownFor = { snapshots, draftAgeDays };
    const entries: NeedsYouEntry[] = [];
    this.nodes = shown.flatMap((section) => {
      const snapshot = section.store.state.snapshot;
      const found = snapshot !== undefined ? needsYou(snapshot, { draftAgeDays }, vscode.l10n, vscode.env.language) : [];
      entries.push(...found);
      const where = shown.length > 1 ? { section: section.key, folder: section.name } : { section: section.key };
      return found.flatMap((entry) => {
        const app = snapshot?.apps.find((candidate) => candidate.app.id === entry.appId);
        const node = app !== undefined ? needsYouNode(entry, app) : undefined;
        return node !== undefined ? [{ ...node, ...where }] : [];
      });
    });
    this.view.badge = this.nodes.length > 0 ? { value: this.nodes.length, tooltip: needsYouSummary(entries, vscode.l10n) } : undefined;
    this.view.message = this.message(draftAgeDays);
    this.emitter.fire(undefined);
  }

  /** The view's message: of a section still loading (or failing), else of the primary one; none above entries of several folders. */
  private message(draftAgeDays: number): string {
    const shown = this.sections.shown;
    if (shown.length > 1 && this.nodes.length > 0) {
      return '';
    }
    const state = shown.find((section) => section.store.state.snapshot === undefined)?.store.state ?? this.sections.primary?.store.state;
    return (state !== undefined ? messageFor(state, this.nodes.length, draftAgeDays) : undefined) ?? '';
  }

  getTreeItem(node: NeedsYouNode): vscode.TreeItem {
    return needsYouItem(node);
  }

  getChildren(node?: NeedsYouNode): NeedsYouNode[] {
    return node === undefined ? this.nodes : [];
  }
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function messageFor(state: DeckState, count: number, draftAgeDays: number): string | undefined {
  if (state.snapshot === undefined) {
    if (state.profile.kind === 'broken' || state.credential === undefined) {
      return vscode.l10n.t('Sign in (in the Deck view) to see what waits on you: reviews, failed deployments, changelog PRs and old drafts.');
    }
    return state.error !== undefined ? vscode.l10n.t('The deck could not be loaded, so what needs you is not known: {0}', state.error.message) : vscode.l10n.t('Loading the deck…');
  }
  if (count > 0) {
    return undefined;
  }
  return draftAgeDays > 0
    ? vscode.l10n.t('Nothing needs you: no deployment waits for review, none failed without a success since, no changelog PR is open, and no draft with changes has waited more than {0}.', counts.day(draftAgeDays, vscode.l10n))
    : vscode.l10n.t('Nothing needs you: no deployment waits for review, none failed without a success since, no changelog PR is open.');
}
