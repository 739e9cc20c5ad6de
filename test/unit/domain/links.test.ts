import { strict as assert } from 'node:assert';
import { isSafeLink } from '../../../src/domain/links';

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
