import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EDITIONS } from '../../../scripts/editor/editions';
import { linkedExtensionsManifest, loadingPlan } from '../../../scripts/editor/loading';

const ROOT = '/work/release-deck';
const TESTS = '/work/release-deck/out/integration/index.js';

describe('how the harness loads Release Deck into each editor', () => {
  it('the floor: everything through the workbench URL\'s payload, no extra server flag (4.100 refuses unknown ones)', () => {
    assert.deepEqual(loadingPlan(EDITIONS.floor, { extensionDevelopmentPaths: [ROOT], extensionTestsPath: TESTS }), {
      serverArgs: [],
      payload: [['extensionDevelopmentPath', ROOT], ['extensionTestsPath', TESTS]],
      linked: [],
    });
    assert.deepEqual(loadingPlan(EDITIONS.floor, { extensionDevelopmentPaths: [ROOT] }), { serverArgs: [], payload: [['extensionDevelopmentPath', ROOT]], linked: [] });
  });

  it('the newest, integration suite: the payload with the smoke-test driver, without which VS Code 1.139 ignores it', () => {
    assert.deepEqual(loadingPlan(EDITIONS.newest, { extensionDevelopmentPaths: [ROOT], extensionTestsPath: TESTS }), {
      serverArgs: ['--vscode-option', 'enable-smoke-test-driver'],
      payload: [['extensionDevelopmentPath', ROOT], ['extensionTestsPath', TESTS]],
      linked: [],
    });
  });

  it('the newest, a workbench a person uses: no driver (it hides every notification toast), the folder linked as installed', () => {
    assert.deepEqual(loadingPlan(EDITIONS.newest, { extensionDevelopmentPaths: [ROOT] }), { serverArgs: [], payload: [], linked: [ROOT] });
  });

  it('records a linked folder as VS Code records an installed extension: its id, version, and the folder as location', () => {
    const folder = mkdtempSync(join(tmpdir(), 'linked-'));
    try {
      writeFileSync(join(folder, 'package.json'), JSON.stringify({ publisher: 'Release-Deck', name: 'release-deck', version: '0.1.0' }));
      const [entry] = JSON.parse(linkedExtensionsManifest([folder])) as Array<{ identifier: { id: string }; version: string; location: { scheme: string; path: string } }>;
      assert.equal(entry?.identifier.id, 'release-deck.release-deck');
      assert.equal(entry.version, '0.1.0');
      assert.deepEqual({ scheme: entry.location.scheme, path: entry.location.path }, { scheme: 'file', path: folder });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
