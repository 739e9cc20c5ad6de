import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { english } from '../../../src/domain/l10n';
import { tokenPrompt } from '../../../src/ui/tokenPrompt';

describe('the sign-in with token password box', () => {
  it('names the host the token will be sent to, in its title and its prompt', () => {
    for (const [apiUrl, host] of [['https://api.github.com', 'api.github.com'], ['https://ghe.example.com/api/v3', 'ghe.example.com'], ['http://127.0.0.1:4000', '127.0.0.1:4000']] as const) {
      const box = tokenPrompt(apiUrl, 'o/a and o/b');
      assert.ok(box.title.includes(host), box.title);
      assert.ok(box.prompt.includes(`sent to ${apiUrl}`), box.prompt);
      assert.ok(box.prompt.includes('o/a and o/b'), box.prompt);
    }
  });
});

describe('the sign-in with token password box in German', () => {
  it('takes its words from the bundle of the display language', () => {
    const german = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
    const l10n = { t: (message: string, ...args: Array<string | number | boolean>) => english.t(german[message] ?? message, ...args) };
    const box = tokenPrompt('https://ghe.example.com/api/v3', 'o/a und o/b', l10n);
    assert.equal(box.title, 'Release Deck: Mit Token bei ghe.example.com anmelden');
    assert.match(box.prompt, /^Das Token wird zur Prüfung an https:\/\/ghe\.example\.com\/api\/v3 gesendet/);
  });
});
