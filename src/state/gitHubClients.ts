import type { CredentialStore } from '../auth/credentials';
import { Disposable } from '../disposable';
import { GitHubClient } from '../github/client';
import type { Log } from '../log';
import type { EndpointService } from './endpoint';

/**
 * The GitHub client for the API root in force and the credential kept for that root: made when first
 * needed, kept while both stay (so its ETag cache lasts), dropped when either changes. The store,
 * commands, operations and the release notes loader all get their client here.
 */
export class GitHubClients extends Disposable {
  private client: GitHubClient | undefined;
  private clientKey: string | undefined;

  constructor(
    private readonly endpoints: Pick<EndpointService, 'current' | 'apiUrl' | 'onDidChange'>,
    private readonly credentials: Pick<CredentialStore, 'current' | 'onDidChange'>,
    private readonly log: Pick<Log, 'debug'>,
  ) {
    super();
    let before = endpoints.current;
    this.register(
      endpoints.onDidChange((endpoint) => {
        const sameHost = before.kind === 'ready' && endpoint.kind === 'ready' && before.apiUrl === endpoint.apiUrl && before.webUrl === endpoint.webUrl;
        before = endpoint;
        if (!sameHost) {
          this.client = undefined;
        }
      }),
    );
    this.register(
      credentials.onDidChange(() => {
        this.client = undefined;
      }),
    );
  }

  /**
   * The client for the API root in force and the credential kept for that root; undefined while no root
   * is in force or no credential is kept for it.
   */
  async current(): Promise<GitHubClient | undefined> {
    const apiUrl = this.endpoints.apiUrl();
    // Asked every time, never taken from the store's state: the credential must be the one of this API root.
    const credential = apiUrl !== undefined ? await this.credentials.current() : undefined;
    if (apiUrl === undefined || credential === undefined || apiUrl !== this.endpoints.apiUrl()) {
      return undefined;
    }
    const key = `${apiUrl} ${credential.token}`;
    if (this.client === undefined || this.clientKey !== key) {
      this.client = await GitHubClient.create({ apiUrl, token: credential.token, log: (line) => { this.log.debug(line); } });
      this.clientKey = key;
    }
    return this.client;
  }

  /** When GitHub's rate limit lifts for the client in use, if a request met it. */
  get rateLimitedUntil(): Date | undefined {
    return this.client?.rateLimitedUntil;
  }
}
