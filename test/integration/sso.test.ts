import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/commandIds';
import { DEMO_TOKEN, loadedDeck, waitFor } from './support';

/** A classic token with every scope that WordPress's SAML single sign-on refuses (the simulator's world). */
const SSO_UNAUTHORIZED_TOKEN = 'rd_token_not_authorized_for_sso';

describe('an organisation that enforces SAML single sign-on', () => {
  it('names the organisation and offers Authorize for SSO and a new sign-in, never the scopes', async () => {
    const deck = await loadedDeck();
    const promptsBefore = deck.testing?.prompts().length ?? 0;
    try {
      await vscode.commands.executeCommand(COMMANDS.signInWithToken, SSO_UNAUTHORIZED_TOKEN);
      await waitFor('the token to be kept', () => deck.state().credential?.login === 'sso-maintainer');
      // A person clicks "Authorize for SSO": the editor is asked to open GitHub's authorization page.
      deck.testing?.answerPrompts('Authorize for SSO');
      await deck.refresh();
      const condition = await waitFor('the SSO condition', () => deck.testing?.conditions().find((reported) => reported.kind === 'ssoAuthorizationNeeded'));
      assert.equal(condition.kind, 'ssoAuthorizationNeeded');
      if (condition.kind === 'ssoAuthorizationNeeded') {
        assert.equal(condition.organization, 'WordPress');
        assert.match(condition.authorizeUrl, /^https:\/\/github\.com\/orgs\/WordPress\/sso\?authorization_request=[0-9A-F]+$/, 'the header\'s URL, on the web host in use');
      }
      const prompt = deck.testing?.prompts().slice(promptsBefore).find((shown) => /single sign-on/.test(shown.message));
      assert.ok(prompt, `an SSO prompt was shown: ${JSON.stringify(deck.testing?.prompts())}`);
      assert.match(prompt.message, /the organisation WordPress enforces SAML single sign-on, and this sign-in is not authorized for it/);
      assert.doesNotMatch(prompt.message, /lacks|scopes/);
      assert.deepEqual(prompt.actions, ['Authorize for SSO', 'Sign In with Token…'], 'a token is replaced by signing in with a token');
      const authorizeUrl = condition.kind === 'ssoAuthorizationNeeded' ? condition.authorizeUrl : '';
      // The editor is asked to open it (in tests it declines its own "open the external website?" dialog).
      assert.deepEqual(deck.testing?.openedLinks(), [authorizeUrl], 'Authorize for SSO opens the header\'s URL');
      assert.equal(deck.state().credential?.login, 'sso-maintainer', 'the token is kept: it is valid, only not authorized for the organisation');
      const said = deck.describeDeck().find((item) => /WordPress enforces SAML single sign-on/.test(item.label));
      assert.ok(said, `the deck says it too: ${JSON.stringify(deck.describeDeck().map((item) => item.label))}`);
      assert.doesNotMatch(said.label, /lacks|scopes/);

      await deck.refresh();
      assert.equal(deck.testing?.prompts().slice(promptsBefore).filter((shown) => /single sign-on/.test(shown.message)).length, 1, 'said once, not at every refresh');
    } finally {
      deck.testing?.answerPrompts(undefined);
      await vscode.commands.executeCommand(COMMANDS.signInWithToken, DEMO_TOKEN);
      await waitFor('the demo token back', () => deck.state().credential?.login === 'octo-maintainer');
      await deck.refresh();
    }
  });
});
