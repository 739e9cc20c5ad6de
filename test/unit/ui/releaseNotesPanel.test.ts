import { strict as assert } from 'node:assert';
import { releaseNotesCsp, restoredPanel, savedSection } from '../../../src/ui/releaseNotes/panelState';

const APPS = [
  { id: 'api', label: 'API' },
  { id: 'frontend', label: 'Frontend' },
];

describe('the release notes panel', () => {
  describe('after a window reload', () => {
    it('shows the app and release the page saved', () => {
      assert.deepEqual(restoredPanel({ appId: 'frontend', releaseId: 7 }, 'Release Notes · Frontend', APPS), { appId: 'frontend', releaseId: 7 });
    });
    for (const state of [undefined, null, 'garbage', 42]) {
      it(`falls back on the title when the saved state is ${JSON.stringify(state) ?? 'undefined'}`, () => {
        assert.deepEqual(restoredPanel(state, 'Release Notes · API', APPS), { appId: 'api', releaseId: undefined });
      });
    }
    it('restores nothing when neither the state nor the title names an app', () => {
      assert.equal(restoredPanel(undefined, 'Release Notes · Gone', APPS), undefined);
    });
    it('finds the app by the title in the editor\'s language too, and by the saved state whatever the title', () => {
      const inFrench = (label: string): string => `Notes de version · ${label}`;
      assert.deepEqual(restoredPanel(undefined, 'Notes de version · Frontend', APPS, inFrench), { appId: 'frontend', releaseId: undefined });
      assert.deepEqual(restoredPanel(undefined, 'Release Notes · API', APPS, inFrench), { appId: 'api', releaseId: undefined }, 'a panel titled before the language changed');
      assert.deepEqual(restoredPanel({ appId: 'api' }, 'Anything at all', APPS, inFrench), { appId: 'api', releaseId: undefined });
    });
    it('finds the workspace folder the page saved with its app (multi-root), none in a page saved before folders were', () => {
      assert.equal(savedSection({ appId: 'web', releaseId: 7, section: 'file:///work/shop' }), 'file:///work/shop');
      for (const state of [{ appId: 'api', releaseId: 7 }, { appId: 'api', section: 42 }, undefined, null, 'garbage']) {
        assert.equal(savedSection(state), undefined, JSON.stringify(state));
      }
    });
    it('ignores a release id that is not a number', () => {
      assert.deepEqual(restoredPanel({ appId: 'api', releaseId: '7' }, 'Release Notes · API', APPS), { appId: 'api', releaseId: undefined });
    });
  });

  describe('Content-Security-Policy', () => {
    const csp = releaseNotesCsp('https://file+.vscode-resource.vscode-cdn.net', 'bm9uY2Vub25jZW5vbmNl');
    const directive = (name: string): string[] => csp.split(';').map((part) => part.trim().split(/\s+/)).find(([first]) => first === name)?.slice(1) ?? [];

    it('loads images only from the extension and GitHub\'s image hosts, never any https host', () => {
      const sources = directive('img-src');
      assert.ok(!sources.includes('https:'), `img-src ${sources.join(' ')}`);
      assert.ok(sources.every((source) => source === 'https://file+.vscode-resource.vscode-cdn.net' || /^https:\/\/([a-z-]+\.)*(githubusercontent\.com|githubassets\.com|github\.com)(\/[\w/-]*)?$/.test(source)), `img-src ${sources.join(' ')}`);
      for (const host of ['https://camo.githubusercontent.com', 'https://private-user-images.githubusercontent.com', 'https://user-images.githubusercontent.com']) {
        assert.ok(sources.includes(host), `img-src lacks ${host}`);
      }
    });

    it('keeps scripts to the nonce and everything else shut', () => {
      assert.deepEqual(directive('default-src'), ["'none'"]);
      assert.deepEqual(directive('script-src'), ["'nonce-bm9uY2Vub25jZW5vbmNl'"]);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    });
  });
});
