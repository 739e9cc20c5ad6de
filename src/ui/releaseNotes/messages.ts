/**
 * The messages between the release notes webview and the extension. Both sides validate what they
 * receive; the webview only sends intents, which the extension re-checks against the deck.
 */
import type { NotesView } from '../../domain/releaseNotes';

export type HostMessage =
  | { readonly type: 'notes'; readonly view: NotesView }
  | { readonly type: 'loading'; readonly appLabel: string }
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
