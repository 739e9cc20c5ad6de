import { strict as assert } from 'node:assert';
import { resolveEndpoint } from '../../../src/domain/endpoint';
import { english } from '../../../src/domain/l10n';
import { sectionHostConflict } from '../../../src/domain/sectionHost';

const GHE = 'https://ghe.example.com/api/v3';
const window = (inputs: { readonly primaryAsks?: string; readonly setting?: string; readonly allowed?: readonly string[] }) =>
  resolveEndpoint({ userApiUrl: inputs.setting, enterpriseUri: undefined, profileRequest: inputs.primaryAsks !== undefined ? { apiUrl: inputs.primaryAsks } : undefined, allowedOrigins: inputs.allowed ?? [] });

describe('a folder whose profile asks for another GitHub host than its window (multi-root)', () => {
  it('is not read when it asks for an Enterprise host and the window uses github.com: says what it asks, what the window uses, what to do', () => {
    const message = sectionHostConflict(english, { apiUrl: GHE }, window({}));
    assert.ok(message !== undefined);
    assert.match(message, /asks for the GitHub API at https:\/\/ghe\.example\.com\/api\/v3, but this window connects to https:\/\/api\.github\.com \(the default/);
    assert.match(message, /Open the folder in a window of its own, or make "github\.apiUrl" in its profile https:\/\/api\.github\.com\./);
  });

  it('is not read when it asks for nothing (github.com) while the first folder\'s profile took the window to an allowed Enterprise host', () => {
    assert.match(sectionHostConflict(english, undefined, window({ primaryAsks: GHE, allowed: ['https://ghe.example.com'] })) ?? '', /asks for the GitHub API at https:\/\/api\.github\.com, but this window connects to https:\/\/ghe\.example\.com\/api\/v3 \(as the first folder/);
  });

  it('is read when it asks for the window\'s host, with or without a trailing slash', () => {
    assert.equal(sectionHostConflict(english, undefined, window({})), undefined);
    assert.equal(sectionHostConflict(english, { apiUrl: 'https://api.github.com/' }, window({})), undefined);
    assert.equal(sectionHostConflict(english, { apiUrl: `${GHE}/` }, window({ primaryAsks: GHE, allowed: ['https://ghe.example.com'] })), undefined);
  });

  it('is read from the host of the user\'s own setting, which decides for every folder', () => {
    assert.equal(sectionHostConflict(english, { apiUrl: 'https://other.example.com/api/v3' }, window({ setting: GHE })), undefined);
  });

  it('says nothing while the window connects nowhere (its own prompt says why)', () => {
    assert.equal(sectionHostConflict(english, { apiUrl: GHE }, window({ primaryAsks: GHE })), undefined);
  });
});
