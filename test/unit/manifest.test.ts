import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';

interface Manifest {
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
  contributes: { configuration: { properties: Record<string, { scope?: string }> } };
}

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as Manifest;

describe('settings a workspace must not decide', () => {
  it('releaseDeck.infrastructureRepoPath (where manual commands run) is set per machine by the user, never by a workspace', () => {
    const setting = manifest.contributes.configuration.properties['releaseDeck.infrastructureRepoPath'];
    assert.equal(setting?.scope, 'machine', 'machine scope: a workspace\'s settings cannot override it');
    assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('releaseDeck.infrastructureRepoPath'));
  });
});
