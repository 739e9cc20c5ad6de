import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Faults that apply a request and then lose its answer. A network models this way: the server did the
 * work, and the answer never reached the client — it took longer than the client waits, the connection
 * was reset on the way back, or a proxy in front of GitHub answered 502 after the server had acted.
 * RFC 9110 §9.2.2 is why a client never resends such a request: a non-idempotent request (a POST that
 * dispatches a workflow, a PATCH that publishes a release) "may have been applied" when no answer came.
 * GitHub's REST docs ("Troubleshooting the REST API", Timeouts) describe answers lost to a timeout.
 *
 * `applyLateThenTimeout` is a dispatch GitHub accepts whose run it creates only `lateSeconds` later (on
 * the simulator's clock; default 60 s), then the timeout: GitHub creates a workflow run asynchronously
 * ("Create a workflow dispatch event": the 204 comes back before the run exists, and a run can take a
 * while to appear in the runs list). Until then the run is in no list and cannot be read by id.
 */
export const LOST_ANSWER_KINDS = ['applyThenTimeout', 'applyThenReset', 'applyThen502', 'applyLateThenTimeout'] as const;

export type LostAnswerKind = (typeof LOST_ANSWER_KINDS)[number];

export function isLostAnswerKind(kind: string): kind is LostAnswerKind {
  return (LOST_ANSWER_KINDS as readonly string[]).includes(kind);
}

/**
 * Sends what the client gets instead of the answer, once the request was applied: nothing for
 * `delayMs` (default 60 s, longer than any client waits) then the connection closed; a reset; or a 502
 * error page from the front end.
 */
export async function loseAnswer(kind: LostAnswerKind, request: IncomingMessage, response: ServerResponse, delayMs = 60_000): Promise<void> {
  switch (kind) {
    case 'applyThenTimeout':
    case 'applyLateThenTimeout':
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delayMs);
        // The client gave up and closed the connection: stop waiting with it.
        request.socket.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      request.socket.destroy();
      return;
    case 'applyThenReset':
      request.socket.destroy();
      return;
    case 'applyThen502':
      response.writeHead(502, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>');
      return;
  }
}
