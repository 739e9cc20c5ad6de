import * as vscode from 'vscode';
import type { NotesView } from './domain/releaseNotes';
import type { Log } from './log';
import type { Condition } from './state/conditions';
import type { ConditionPrompts, Prompt } from './ui/conditionPrompts';
import type { Confirmer, ConfirmRequest, ScriptedAnswer } from './ui/confirm';
import type { ReleaseNotesPanels } from './ui/releaseNotes/panel';
import type { DeckTreeProvider } from './ui/tree/deckTreeProvider';
import type { DeckNode } from './ui/tree/nodes';
import type { NeedsYouView } from './ui/needsYou/needsYouView';
import type { ShownNews } from './ui/newsNotifications';
import type { SectionNews } from './ui/sectionNews';

/** One item of the deck as a person sees it (label, description, icon, tooltip), with its children. */
export interface DeckItemView {
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly contextValue?: string;
  readonly icon?: string;
  readonly iconColor?: string;
  /** What a screen reader says for the item (its accessibilityInformation label), when it sets one. */
  readonly spoken?: string;
  /** The command a click on the item runs, when it has one. */
  readonly command?: string;
  readonly children: readonly DeckItemView[];
}

/** What only the extension's own integration tests get (ExtensionMode.Test). */
export interface TestingApi {
  readonly answerConfirmations: (answer: ScriptedAnswer | undefined) => void;
  readonly confirmations: () => readonly ConfirmRequest[];
  /** `section`: the folder's URI in a multi-root workspace (default: the first folder with a profile). */
  readonly releaseNotesView: (appId: string, section?: string) => NotesView | undefined;
  /** The Publish button of the release notes panel of an app, for the release it shows. */
  readonly publishFromReleaseNotes: (appId: string, section?: string) => Promise<void>;
  /** The conditions state reported (each one a prompt or message a person saw), oldest first. */
  readonly conditions: () => readonly Condition[];
  /** The warnings those conditions were said with (message and buttons), oldest first. */
  readonly prompts: () => readonly Prompt[];
  /** Answers every prompt with this button, as a person clicking it, until undefined (then they are shown). */
  readonly answerPrompts: (choice: string | undefined) => void;
  /** The links the prompts' buttons asked the editor to open. */
  readonly openedLinks: () => readonly string[];
  /** The Needs You view as a person sees it: its badge, its message and its items. */
  readonly needsYou: () => NeedsYouShown;
  /** The news notifications shown in this session, oldest first. */
  readonly news: () => readonly ShownNews[];
  /** Forgets what the news held in memory, as a window reload does (what it saved in workspace state stays). */
  readonly reloadNews: () => void;
  /** The lines written to the log (Release Deck's output channel) since activation returned, oldest first. */
  readonly logLines: () => readonly string[];
}

export interface NeedsYouShown {
  readonly badge?: { readonly value: number; readonly tooltip?: string };
  readonly message?: string;
  readonly items: readonly DeckItemView[];
}

/** What the testing API reads from: the confirmations, the release notes panels, the reported conditions. */
export interface TestingInputs {
  readonly confirmer: Confirmer;
  readonly releaseNotes: ReleaseNotesPanels;
  readonly conditionSources: readonly vscode.Event<Condition>[];
  readonly prompts: ConditionPrompts;
  readonly needsYou: NeedsYouView;
  /** Every section's news notifications. */
  readonly news: SectionNews;
  readonly log: Log;
}

/**
 * The testing API under the extension's own tests, nothing otherwise. What it listens to is pushed to
 * `subscriptions`.
 */
export function testingApi(context: vscode.ExtensionContext, inputs: TestingInputs): { readonly testing?: TestingApi } {
  if (context.extensionMode !== vscode.ExtensionMode.Test) {
    return {};
  }
  const { confirmer, releaseNotes } = inputs;
  const reported: Condition[] = [];
  for (const source of inputs.conditionSources) {
    context.subscriptions.push(
      source((condition) => {
        reported.push(condition);
      }),
    );
  }
  const record = inputs.prompts.record();
  const logged: string[] = [];
  context.subscriptions.push(
    inputs.log.onDidWrite((line) => {
      logged.push(line);
    }),
  );
  return {
    testing: {
      answerConfirmations: (answer) => {
        confirmer.answerForTests(answer);
      },
      confirmations: () => [...confirmer.asked],
      releaseNotesView: (appId, section) => releaseNotes.viewOf(appId, section),
      publishFromReleaseNotes: (appId, section) => releaseNotes.publishShown(appId, section),
      conditions: () => [...reported],
      prompts: () => [...record.shown],
      answerPrompts: (choice) => {
        inputs.prompts.answerForTests(choice);
      },
      openedLinks: () => [...record.opened],
      needsYou: () => {
        const { badge, message } = inputs.needsYou.shown;
        return {
          ...(badge !== undefined ? { badge: { value: badge.value, tooltip: badge.tooltip } } : {}),
          ...(message !== undefined ? { message } : {}),
          items: describeTree(inputs.needsYou),
        };
      },
      news: () => [...inputs.news.shown],
      reloadNews: () => {
        inputs.news.forgetAsAfterReload();
      },
      logLines: () => [...logged],
    },
  };
}

/** The deck as a person sees it, item by item, read through the tree provider as VS Code reads it. */
export function describeDeck(tree: DeckTreeProvider): DeckItemView[] {
  return describeTree<DeckNode>(tree);
}

/** Any of the extension's trees, item by item, as VS Code reads it. */
function describeTree<T>(tree: { getChildren(node?: T): T[]; getTreeItem(node: T): vscode.TreeItem }): DeckItemView[] {
  const walk = (node?: T): DeckItemView[] =>
    tree.getChildren(node).map((child) => {
      const item = tree.getTreeItem(child);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip;
      const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath : undefined;
      return {
        label,
        ...(typeof item.description === 'string' ? { description: item.description } : {}),
        ...(tooltip !== undefined ? { tooltip } : {}),
        ...(item.contextValue !== undefined ? { contextValue: item.contextValue } : {}),
        ...(icon !== undefined ? { icon: icon.id } : {}),
        ...(icon?.color !== undefined ? { iconColor: icon.color.id } : {}),
        ...(item.accessibilityInformation !== undefined ? { spoken: item.accessibilityInformation.label } : {}),
        ...(item.command !== undefined ? { command: item.command.command } : {}),
        children: walk(child),
      };
    });
  return walk();
}
