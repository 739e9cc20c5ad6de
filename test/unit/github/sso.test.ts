import { strict as assert } from 'node:assert';
import { GitHubClient } from '../../../src/github/client';
import { gitHubErrorFor } from '../../../src/github/errors';
import { listReleases } from '../../../src/github/releases';
import { parseSsoHeader } from '../../../src/github/sso';
import { checkToken } from '../../../src/github/users';
import { MONOREPO, SSO_UNAUTHORIZED_TOKEN } from '../../simulator/openverseWorld';
import { rejection, startHarness, type Harness } from './helpers';

const AUTHORIZE = 'https://github.com/orgs/WordPress/sso?authorization_request=A5CE8C3A2B0E6F0B';

describe('SAML single sign-on (X-GitHub-SSO)', () => {
  describe('the header', () => {
    it('reads a required authorization: its URL and the organisation it names', () => {
      assert.deepEqual(parseSsoHeader(`required; url=${AUTHORIZE}`), { url: AUTHORIZE, organization: 'WordPress' });
      assert.deepEqual(parseSsoHeader(`Required;url=${AUTHORIZE}`), { url: AUTHORIZE, organization: 'WordPress' });
    });

    it('keeps the URL but names no organisation when the URL is not an organisation SSO page', () => {
      assert.deepEqual(parseSsoHeader('required; url=https://github.com/enterprises/acme/sso?x=1'), { url: 'https://github.com/enterprises/acme/sso?x=1' });
      assert.deepEqual(parseSsoHeader('required; url=https://github.com/orgs/WordPress/ssoish'), { url: 'https://github.com/orgs/WordPress/ssoish' });
    });

    it('ignores partial results (they name no organisation and ask for nothing), and an absent, empty or unknown header', () => {
      for (const value of [undefined, '', 'required', 'required; url=', 'partial-results; organizations=21955855,20582480', 'something; url=https://github.com/orgs/x/sso', 42]) {
        assert.equal(parseSsoHeader(value), undefined, String(value));
      }
    });
  });

  describe('the message', () => {
    it('names the organisation and the two ways out, never the scopes', () => {
      const error = gitHubErrorFor('ssoRequired', { action: 'list the GitHub Releases of WordPress/openverse' }, { status: 403, sso: { url: AUTHORIZE, organization: 'WordPress' } });
      assert.equal(error.kind, 'ssoRequired');
      assert.equal(error.sso?.url, AUTHORIZE);
      assert.match(error.message, /the organisation WordPress enforces SAML single sign-on/);
      assert.match(error.message, /Authorize it for SSO/);
      assert.match(error.message, /sign in again with a new session/);
      assert.doesNotMatch(error.message, /scope/);
    });
  });

  describe('against the simulator', () => {
    let harness: Harness;
    beforeEach(async () => {
      harness = await startHarness();
    });
    afterEach(async () => {
      await harness.simulator.close();
    });

    it('a token not authorized for the organisation gets an SSO error on its repositories, not a scope error', async () => {
      const client = await GitHubClient.create({ apiUrl: harness.simulator.url, token: SSO_UNAUTHORIZED_TOKEN });
      assert.equal((await checkToken(client)).login, 'sso-maintainer', 'the token itself is valid');
      const error = await rejection(listReleases(client, MONOREPO));
      assert.equal(error.kind, 'ssoRequired');
      assert.equal(error.status, 403);
      assert.equal(error.sso?.organization, 'WordPress');
      assert.match(error.sso?.url ?? '', /^https:\/\/github\.com\/orgs\/WordPress\/sso\?authorization_request=/);
      assert.match(error.message, /the organisation WordPress enforces SAML single sign-on/);
      assert.doesNotMatch(error.message, /lacks|scopes/);
    });
  });
});
