import { isLoopbackHost } from './profile';

/** A link is opened only when it is https, or plain http on this machine (a local simulator). */
export function isSafeLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.username !== '' || parsed.password !== '') {
      return false;
    }
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname));
  } catch {
    return false;
  }
}
