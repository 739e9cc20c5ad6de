import { strict as assert } from 'node:assert';
import { isSafeLink } from '../../../src/domain/links';
import { parsePageMessage } from '../../../src/ui/releaseNotes/messages';

describe('links the extension opens', () => {
  for (const url of ['https://github.com/WordPress/openverse/pull/1', 'https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/x', 'http://127.0.0.1:4000/live/api/staging/version', 'http://localhost:8080/x']) {
    it(`opens ${url}`, () => {
      assert.equal(isSafeLink(url), true);
    });
  }
  for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http://example.com/version', 'file:///etc/passwd', 'vscode://settings', 'https://user:secret@github.com/', 'not a url', '']) {
    it(`refuses ${JSON.stringify(url)}`, () => {
      assert.equal(isSafeLink(url), false);
    });
  }
});

describe('messages from the release notes webview', () => {
  it('accepts the intents the page sends', () => {
    assert.deepEqual(parsePageMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parsePageMessage({ type: 'publish', releaseId: 181000012 }), { type: 'publish', releaseId: 181000012 });
    assert.deepEqual(parsePageMessage({ type: 'openExternal', url: 'https://github.com' }), { type: 'openExternal', url: 'https://github.com' });
  });

  const hostile: unknown[] = [
    null,
    'publish',
    { type: 'publish' },
    { type: 'publish', releaseId: '181000012' },
    { type: 'publish', releaseId: -1 },
    { type: 'publish', releaseId: 1.5 },
    { type: 'publish', releaseId: 1, appId: 'api' },
    { type: 'ready', extra: true },
    { type: 'openExternal', url: 'x'.repeat(3000) },
    { type: 'runCommand', command: 'workbench.action.terminal.new' },
    { type: '__proto__' },
  ];
  for (const message of hostile) {
    it(`ignores ${JSON.stringify(message)?.slice(0, 60) ?? String(message)}`, () => {
      assert.equal(parsePageMessage(message), undefined);
    });
  }
});
