import { english, type L10n } from './l10n';

/** A link is opened only when it is https, or plain http on this machine (a local simulator). */
export function isSafeLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.username !== '' || parsed.password !== '') {
      return false;
    }
    return isSecureOrLocal(parsed);
  } catch {
    return false;
  }
}

/** Links and endpoints must be https; plain http is allowed only for this machine (local simulators). */
export function urlProblem(url: string, l10n: L10n = english): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return l10n.t('"{0}" is not a URL.', url);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return l10n.t('A URL must not carry a user name or password.');
  }
  if (parsed.protocol === 'https:') {
    return undefined;
  }
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) {
    return undefined;
  }
  return l10n.t('"{0}" must use https (plain http is accepted only for localhost).', url);
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** https, or plain http to this machine (a local simulator): how a link or an address may be reached. */
export function isSecureOrLocal(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}
