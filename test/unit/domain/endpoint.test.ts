import { strict as assert } from 'node:assert';
import { describeEndpoint, editorSignIn, resolveEndpoint, type Endpoint, type EndpointInputs } from '../../../src/domain/endpoint';
import { germanL10n } from '../l10n/german';

function resolve(inputs: Partial<EndpointInputs>): Endpoint {
  return resolveEndpoint({ allowedOrigins: [], ...inputs });
}

function ready(endpoint: Endpoint): Extract<Endpoint, { kind: 'ready' }> {
  assert.ok(endpoint.kind === 'ready', JSON.stringify(endpoint));
  return endpoint;
}

describe('where the token may go (resolveEndpoint)', () => {
  it('connects to github.com when neither the user nor the profile names a host, with its session provider', () => {
    const endpoint = ready(resolve({}));
    assert.equal(endpoint.apiUrl, 'https://api.github.com');
    assert.equal(endpoint.webUrl, 'https://github.com');
    assert.equal(endpoint.provider, 'github');
    assert.equal(endpoint.chosenBy, 'default');
  });

  it('connects nowhere when the profile asks for a host the user has not chosen, and names it', () => {
    const endpoint = resolve({ profileRequest: { apiUrl: 'https://attacker.example/api/v3', webUrl: 'https://attacker.example' } });
    assert.deepEqual(endpoint, { kind: 'needsApproval', apiUrl: 'https://attacker.example/api/v3', origin: 'https://attacker.example', host: 'attacker.example' });
  });

  it('treats a loopback port the profile names as any other host: it needs approval', () => {
    assert.equal(resolve({ profileRequest: { apiUrl: 'http://127.0.0.1:4321' } }).kind, 'needsApproval');
  });

  it('uses the profile\'s host once the user allowed that origin, and only that origin', () => {
    const allowed = ready(resolve({ profileRequest: { apiUrl: 'https://ghe.example.com/api/v3' }, allowedOrigins: ['https://ghe.example.com'] }));
    assert.equal(allowed.apiUrl, 'https://ghe.example.com/api/v3');
    assert.equal(allowed.chosenBy, 'allowed');
    assert.equal(allowed.webUrl, 'https://ghe.example.com');
    assert.equal(allowed.provider, undefined, 'no VS Code session is meant for a host github-enterprise.uri does not name');
    assert.equal(resolve({ profileRequest: { apiUrl: 'https://ghe.example.com:8443/api/v3' }, allowedOrigins: ['https://ghe.example.com'] }).kind, 'needsApproval', 'another port is another origin');
    assert.equal(resolve({ profileRequest: { apiUrl: 'https://127.0.0.1:4000' }, allowedOrigins: ['http://127.0.0.1:4000'] }).kind, 'needsApproval', 'another scheme is another origin');
  });

  it('uses the profile\'s host when it is the one VS Code\'s github-enterprise.uri names, with that provider', () => {
    for (const enterpriseUri of ['https://ghe.example.com', 'ghe.example.com', 'https://GHE.example.com/']) {
      const endpoint = ready(resolve({ enterpriseUri, profileRequest: { apiUrl: 'https://ghe.example.com/api/v3' } }));
      assert.equal(endpoint.chosenBy, 'enterprise');
      assert.equal(endpoint.provider, 'github-enterprise');
    }
    assert.equal(resolve({ enterpriseUri: 'https://ghe.example.com', profileRequest: { apiUrl: 'https://other.example.com/api/v3' } }).kind, 'needsApproval');
  });

  it('lets the user\'s own setting win over the profile, and says what the profile asked for', () => {
    const endpoint = ready(resolve({ userApiUrl: 'https://ghe.example.com/api/v3/', profileRequest: { apiUrl: 'https://attacker.example/api/v3' } }));
    assert.equal(endpoint.apiUrl, 'https://ghe.example.com/api/v3');
    assert.equal(endpoint.chosenBy, 'setting');
    assert.equal(endpoint.ignoredRequest, 'https://attacker.example/api/v3');
    assert.equal(endpoint.provider, undefined);
    assert.equal(ready(resolve({ userApiUrl: 'https://ghe.example.com/api/v3', enterpriseUri: 'ghe.example.com' })).provider, 'github-enterprise');
    assert.equal(ready(resolve({ userApiUrl: 'http://127.0.0.1:4000', profileRequest: { apiUrl: 'https://api.github.com' } })).ignoredRequest, undefined, 'asking for github.com is no request for another host');
  });

  it('lets a user who set github.com explicitly keep it over a profile asking for an allowed or enterprise host', () => {
    const inputs = { userApiUrl: 'https://api.github.com', profileRequest: { apiUrl: 'https://ghe.example.com/api/v3' } };
    for (const extra of [{ allowedOrigins: ['https://ghe.example.com'] }, { enterpriseUri: 'ghe.example.com' }]) {
      const endpoint = ready(resolve({ ...inputs, ...extra }));
      assert.equal(endpoint.apiUrl, 'https://api.github.com');
      assert.equal(endpoint.chosenBy, 'setting');
      assert.equal(endpoint.provider, 'github');
      assert.equal(endpoint.ignoredRequest, 'https://ghe.example.com/api/v3');
    }
    assert.equal(ready(resolve({ userApiUrl: 'https://api.github.com/' })).chosenBy, 'setting');
  });

  it('accepts plain http in the user\'s setting only for this machine (a simulator)', () => {
    assert.equal(ready(resolve({ userApiUrl: 'http://127.0.0.1:4000' })).apiUrl, 'http://127.0.0.1:4000');
    const refused = resolve({ userApiUrl: 'http://ghe.example.com/api/v3' });
    assert.equal(refused.kind, 'invalid');
    assert.match(refused.kind === 'invalid' ? refused.problem : '', /releaseDeck\.github\.apiUrl.*https/);
  });

  it('never hands a github.com session to another API root', () => {
    assert.equal(ready(resolve({ userApiUrl: 'http://127.0.0.1:4000' })).provider, undefined);
    assert.equal(ready(resolve({ userApiUrl: 'https://api.github.com.attacker.example' })).provider, undefined);
  });

  it('takes the profile\'s web root for links only when it is github.com or the API\'s own host', () => {
    assert.equal(ready(resolve({ userApiUrl: 'http://127.0.0.1:4000', profileRequest: { webUrl: 'https://github.com' } })).webUrl, 'https://github.com');
    assert.equal(ready(resolve({ profileRequest: { webUrl: 'https://phishing.example' } })).webUrl, 'https://github.com');
    assert.equal(ready(resolve({ userApiUrl: 'https://ghe.example.com/api/v3', profileRequest: { webUrl: 'https://ghe.example.com/' } })).webUrl, 'https://ghe.example.com');
  });

  it('keeps only the origin of the profile\'s web root: no path on github.com or the API host to point links at', () => {
    assert.equal(ready(resolve({ profileRequest: { webUrl: 'https://github.com/attacker/lookalike' } })).webUrl, 'https://github.com');
    assert.equal(ready(resolve({ userApiUrl: 'http://127.0.0.1:4000', profileRequest: { webUrl: 'http://127.0.0.1:4000/elsewhere/' } })).webUrl, 'http://127.0.0.1:4000');
  });

  it('links a GitHub Enterprise Server (API under /api/v3) to the server itself, even when the profile names github.com', () => {
    assert.equal(ready(resolve({ userApiUrl: 'https://ghe.example.com/api/v3', profileRequest: { webUrl: 'https://github.com' } })).webUrl, 'https://ghe.example.com');
    assert.equal(ready(resolve({ userApiUrl: 'http://127.0.0.1:4000/api/v3/', profileRequest: { webUrl: 'https://github.com' } })).webUrl, 'http://127.0.0.1:4000');
  });
});

describe('signing in with the editor\'s account on a GitHub Enterprise Server (editorSignIn)', () => {
  const readyFor = (inputs: Partial<EndpointInputs>): Extract<Endpoint, { kind: 'ready' }> => {
    const endpoint = resolveEndpoint({ allowedOrigins: [], ...inputs });
    assert.equal(endpoint.kind, 'ready');
    return endpoint;
  };

  it('uses the github provider for github.com and the enterprise provider when both settings name one server', () => {
    assert.deepEqual(editorSignIn(readyFor({}), undefined), { kind: 'ready', provider: 'github' });
    assert.deepEqual(editorSignIn(readyFor({ userApiUrl: 'https://ghe.example.com/api/v3', enterpriseUri: 'ghe.example.com' }), 'ghe.example.com'), { kind: 'ready', provider: 'github-enterprise' });
  });

  it('offers to set github-enterprise.uri to the server of releaseDeck.github.apiUrl when it is unset or names another', () => {
    assert.deepEqual(editorSignIn(readyFor({ userApiUrl: 'https://ghe.example.com/api/v3' }), undefined), { kind: 'setEnterpriseUri', host: 'ghe.example.com', uri: 'https://ghe.example.com', current: undefined });
    assert.deepEqual(editorSignIn(readyFor({ userApiUrl: 'https://ghe.example.com:8443/api/v3', enterpriseUri: 'https://old.example.com' }), 'https://old.example.com'), {
      kind: 'setEnterpriseUri',
      host: 'ghe.example.com:8443',
      uri: 'https://ghe.example.com:8443',
      current: 'https://old.example.com',
    });
  });

  it('never uses the enterprise provider while the workspace points github-enterprise.uri at another server, and says only a token works', () => {
    // VS Code's github-authentication reads github-enterprise.uri at window scope: a workspace's .vscode/settings.json sets the value its sign-in page is on.
    const user = { userApiUrl: 'https://ghe.example.com/api/v3', enterpriseUri: 'https://ghe.example.com' };
    const overridden = readyFor({ ...user, workspaceEnterpriseUri: 'https://phishing.example' });
    assert.equal(overridden.provider, undefined, 'no session is asked of a provider that serves the workspace\'s host');
    const advice = editorSignIn(overridden, user.enterpriseUri);
    assert.equal(advice.kind, 'tokenOnly');
    assert.match(advice.kind === 'tokenOnly' ? advice.reason : '', /workspace.*github-enterprise\.uri.*phishing\.example/);
    // The same server in the workspace is no other host; and github.com's own provider does not read that setting.
    assert.equal(readyFor({ ...user, workspaceEnterpriseUri: 'ghe.example.com' }).provider, 'github-enterprise');
    assert.equal(readyFor({ workspaceEnterpriseUri: 'https://phishing.example' }).provider, 'github');
    // Release Deck would set the user's value, but the workspace's would still win: no offer to set it then.
    const allowedHost = readyFor({ profileRequest: { apiUrl: 'https://ghe.example.com/api/v3' }, allowedOrigins: ['https://ghe.example.com'], workspaceEnterpriseUri: 'phishing.example' });
    assert.equal(editorSignIn(allowedHost, undefined).kind, 'tokenOnly');
  });

  it('says only a token works for a server reached over plain http', () => {
    const advice = editorSignIn(readyFor({ userApiUrl: 'http://127.0.0.1:8080/api/v3' }), undefined);
    assert.equal(advice.kind, 'tokenOnly');
    assert.match(advice.kind === 'tokenOnly' ? advice.reason : '', /only over https.*http:\/\/127\.0\.0\.1:8080\/api\/v3/);
  });
});

describe('where the deck connects, in words', () => {
  it('says a setting that cannot be used in the person\'s language, and in English for the log', () => {
    const endpoint = resolve({ userApiUrl: 'ftp://ghe.example.com/api/v3' });
    assert.equal(endpoint.kind, 'invalid');
    assert.match(describeEndpoint(endpoint), /^The setting releaseDeck\.github\.apiUrl cannot be used: /);
    assert.match(describeEndpoint(endpoint, germanL10n()), /^Die Einstellung releaseDeck\.github\.apiUrl kann nicht verwendet werden: /);
    assert.doesNotMatch(describeEndpoint(endpoint, germanL10n()), /cannot be used|must|address/, 'no English inside the German sentence');
  });

  it('says who chose the host and which request of the profile it set aside', () => {
    const endpoint = resolve({ userApiUrl: 'https://ghe.example.com/api/v3', profileRequest: { apiUrl: 'https://other.example.com/api/v3' } });
    assert.equal(describeEndpoint(endpoint), 'https://ghe.example.com/api/v3, chosen by your setting releaseDeck.github.apiUrl (the profile asks for https://other.example.com/api/v3; your setting wins).');
    assert.equal(describeEndpoint(endpoint, germanL10n()), 'https://ghe.example.com/api/v3, gewählt durch Ihre Einstellung releaseDeck.github.apiUrl (das Profil verlangt https://other.example.com/api/v3; Ihre Einstellung hat Vorrang).');
  });
});
