import type { ChangelogPull } from '../../domain/changelogPulls';
import type { AppDeck, DeploymentRecord, DraftRelease, EnvironmentDeck } from '../../domain/snapshot';

/**
 * The things the deck shows. Each kind has its own TreeItem file; commands receive these nodes. Each
 * carries the key of its section (a workspace folder, src/state/sections.ts): commands act on that one.
 */
export type DeckNode = (
  | { readonly kind: 'section'; readonly name: string; readonly repository: string; readonly problem?: string }
  | { readonly kind: 'message'; readonly id: string; readonly text: string; readonly detail?: string; readonly icon: string; readonly command?: { readonly id: string; readonly title: string } }
  | { readonly kind: 'app'; readonly app: AppDeck }
  | { readonly kind: 'environment'; readonly app: AppDeck; readonly environment: EnvironmentDeck }
  | { readonly kind: 'draft'; readonly app: AppDeck; readonly draft: DraftRelease }
  | { readonly kind: 'changelogPull'; readonly app: AppDeck; readonly pull: ChangelogPull }
  | { readonly kind: 'history'; readonly app: AppDeck; readonly environment: EnvironmentDeck }
  | { readonly kind: 'deployment'; readonly app: AppDeck; readonly environment: EnvironmentDeck; readonly record: DeploymentRecord }
  | { readonly kind: 'manual'; readonly app: AppDeck; readonly environment: EnvironmentDeck }
) & { readonly section?: string };

export type NodeOf<K extends DeckNode['kind']> = Extract<DeckNode, { kind: K }>;
