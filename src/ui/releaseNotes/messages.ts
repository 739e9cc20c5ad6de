/**
 * The messages between the release notes webview and the extension. Both sides validate what they
 * receive; the webview only sends intents, which the extension re-checks against the deck.
 */
import type { NotesView } from '../../domain/releaseNotes';

/** The page's own words, in the editor's language: the page has no translations of its own. */
export interface NotesWords {
  readonly draft: string;
  readonly published: string;
  readonly app: string;
  readonly gitTag: string;
  readonly imageTag: string;
  readonly imageTagOncePublished: string;
  readonly gitTagCreatedOn: string;
  readonly commit: string;
  readonly build: string;
  readonly publishedOn: string;
  readonly changes: string;
  readonly publish: string;
  readonly publishing: string;
  readonly openOnGitHub: string;
  readonly refresh: string;
  readonly otherRelease: string;
  readonly release: string;
  /** A draft in the release picker, `{0}` its git tag. */
  readonly draftOption: string;
  readonly effects: string;
  readonly environmentVariables: string;
  readonly releaseNotes: string;
  readonly noNotes: string;
  readonly commits: string;
  readonly fullComparison: string;
}

export type HostMessage =
  | { readonly type: 'notes'; readonly view: NotesView; readonly words: NotesWords }
  | { readonly type: 'loading'; readonly appLabel: string; readonly text: string }
  | { readonly type: 'error'; readonly message: string };

export type PageMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'publish'; readonly releaseId: number }
  | { readonly type: 'openExternal'; readonly url: string }
  | { readonly type: 'refresh' }
  | { readonly type: 'select'; readonly releaseId: number };

/** Validates a message from the page; anything else is undefined (and ignored by the caller). */
export function parsePageMessage(value: unknown): PageMessage | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const message = value as Record<string, unknown>;
  const keys = Object.keys(message);
  switch (message.type) {
    case 'ready':
    case 'refresh':
      return keys.length === 1 ? { type: message.type } : undefined;
    case 'publish':
    case 'select':
      return keys.length === 2 && typeof message.releaseId === 'number' && Number.isSafeInteger(message.releaseId) && message.releaseId > 0 ? { type: message.type, releaseId: message.releaseId } : undefined;
    case 'openExternal':
      return keys.length === 2 && typeof message.url === 'string' && message.url.length <= 2048 ? { type: 'openExternal', url: message.url } : undefined;
    default:
      return undefined;
  }
}
