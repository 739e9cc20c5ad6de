import { strict as assert } from 'node:assert';
import { parsePageMessage } from '../../../src/ui/releaseNotes/messages';

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
