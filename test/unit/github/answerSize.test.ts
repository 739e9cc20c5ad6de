import { strict as assert } from 'node:assert';
import { gzipSync } from 'node:zlib';
import { GitHubClient } from '../../../src/github/client';
import { GitHubError } from '../../../src/github/errors';
import { getSignedInUser } from '../../../src/github/users';
import { DEMO_TOKEN } from '../../simulator/openverseWorld';
import { startFakeServer, type FakeServer } from './fakeServer';

const MB = 1024 * 1024;
/** 10 MB of spaces squeezed to about 10 KB; a gzip stream may hold many members back to back. */
const MEMBER = gzipSync(Buffer.alloc(10 * MB, 0x20), { level: 9 });
const MEMBERS = 30;

/** Answers with a gzip bomb: about 300 KB on the wire that decompress to 300 MB. */
async function startBomb(status: number): Promise<FakeServer> {
  return startFakeServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-encoding': 'gzip' });
    let sent = 0;
    const more = (): void => {
      while (sent < MEMBERS) {
        sent += 1;
        if (!response.write(MEMBER)) {
          response.once('drain', more);
          return;
        }
      }
      response.end();
    };
    more();
  });
}

/** Runs `work` and reports the highest growth of the process's memory (RSS) seen meanwhile. */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ result: PromiseSettledResult<T>; growthMb: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 2);
  const [result] = await Promise.allSettled([work()]);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { result: result, growthMb: (peak - before) / MB };
}

describe('a GitHub answer larger than any real one', () => {
  let server: FakeServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  for (const status of [200, 502]) {
    it(`stops reading a gzip bomb (${status}) past 20 MB and says so, without taking hundreds of MB`, async () => {
      server = await startBomb(status);
      const client = await GitHubClient.create({ apiUrl: server.url, token: DEMO_TOKEN, timeoutMs: 20_000, sleep: () => Promise.resolve() });
      const { result, growthMb } = await peakGrowth(() => getSignedInUser(client));
      assert.equal(result.status, 'rejected', 'the answer was not accepted');
      const error = (result).reason as unknown;
      assert.ok(error instanceof GitHubError, String(error));
      assert.equal(error.kind, 'tooLarge');
      assert.match(error.message, /^GitHub's answer while trying to check who is signed in was larger than 20 MB/);
      assert.equal(server.requests.length, 1, 'not asked again: the next answer would be as large');
      assert.ok(growthMb < 120, `memory grew by ${growthMb.toFixed(0)} MB`);
    });
  }
});
