import { strict as assert } from 'node:assert';
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
