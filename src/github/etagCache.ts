/** An answer kept for its ETag: a 304 to a conditional GET is served from it (free against the rate limit). */
export interface CachedResponse {
  readonly etag: string;
  readonly status: number;
  readonly data: unknown;
  readonly headers: Readonly<Record<string, string | number | undefined>>;
}

const CACHE_LIMIT = 500;

/** The ETag cache of one client: the last answers with an ETag, by request, the least recently stored dropped first. */
export class EtagCache {
  private readonly entries = new Map<string, CachedResponse>();

  get(key: string): CachedResponse | undefined {
    return this.entries.get(key);
  }

  remember(key: string, response: CachedResponse): void {
    this.entries.delete(key);
    this.entries.set(key, response);
    if (this.entries.size > CACHE_LIMIT) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) {
        this.entries.delete(oldest);
      }
    }
  }
}
