import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { simulatedProfileDocument } from '../../test/simulator/simulatedProfile';
import { acmeProfileDocument } from '../../test/simulator/acmeWorld';

/**
 * A small Openverse-shaped workspace for the editor: source folders of each app (so the status bar
 * finds the app of an open file) and a profile file whose /version endpoints are the simulator's (the GitHub host is a user setting).
 */
export function createWorkspace(options: { simulatorUrl?: string; profile?: 'simulated' | 'broken' | 'none'; extraSettings?: Record<string, unknown>; world?: 'openverse' | 'acme' } = {}, root = mkdtempSync(join(tmpdir(), 'release-deck-workspace-'))): { path: string; remove(): void } {
  if (options.world === 'acme') {
    return acmeWorkspace(root, options);
  }
  const path = join(root, 'openverse');
  const files: Record<string, string> = {
    'README.md': '# Openverse (demo workspace for Release Deck)\n\nOpen a file under api/ or frontend/ and look at the status bar.\n',
    'api/api/views/media_views.py': '"""Media views of the Openverse API (demo file)."""\n\n\ndef search(request):\n    return []\n',
    'api/env.template': 'ELASTICSEARCH_URL=es:9200\nDJANGO_DEBUG_ENABLED=True\n',
    'frontend/src/pages/index.vue': '<template>\n  <main>Openverse</main>\n</template>\n',
    'catalog/dags/providers/smithsonian.py': '# Catalog DAG (demo file)\n',
    'ingestion_server/ingestion_server/indexer.py': '# Ingestion server (demo file)\n',
    'indexer_worker/indexer_worker/worker.py': '# Indexer worker (demo file)\n',
    'documentation/index.md': '# Documentation (no app owns this folder)\n',
  };
  if (options.profile !== 'none' && options.simulatorUrl !== undefined) {
    files['.vscode/release-deck.json'] =
      options.profile === 'broken'
        ? JSON.stringify({ name: 'Broken', monorepo: 'not a repo', apps: [{ id: 'API', label: 'API', environments: [] }] }, null, 2)
        : JSON.stringify(simulatedProfileDocument(options.simulatorUrl), null, 2);
  }
  files['.vscode/settings.json'] = JSON.stringify({ 'files.exclude': { '**/.git': true }, ...options.extraSettings }, null, 2);
  return writeCheckout(root, path, files);
}

/**
 * A checkout of the made-up acme/shop (test/simulator/acmeWorld.ts): its git remote names acme/shop (read
 * from .git/config, as Release Deck reads it), and by default no profile, as a new user's repository has.
 */
function acmeWorkspace(root: string, options: { simulatorUrl?: string; profile?: 'simulated' | 'broken' | 'none'; extraSettings?: Record<string, unknown> }): { path: string; remove(): void } {
  const path = join(root, 'shop');
  const files: Record<string, string> = {
    'README.md': '# Acme Shop (demo workspace for Release Deck)\n',
    'web/src/basket.ts': 'export const basket = [];\n',
    'api/app/orders.py': 'def orders():\n    return []\n',
    '.git/HEAD': 'ref: refs/heads/trunk\n',
    '.git/config': '[core]\n\trepositoryformatversion = 0\n[remote "origin"]\n\turl = git@github.com:acme/shop.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n[branch "trunk"]\n\tremote = origin\n\tmerge = refs/heads/trunk\n',
    '.vscode/settings.json': JSON.stringify({ 'files.exclude': { '**/.git': true }, ...options.extraSettings }, null, 2),
  };
  if (options.profile === 'simulated' && options.simulatorUrl !== undefined) {
    files['.vscode/release-deck.json'] = JSON.stringify(acmeProfileDocument(options.simulatorUrl), null, 2);
  }
  return writeCheckout(root, path, files);
}

/**
 * A multi-root workspace (a `.code-workspace` file) of two checkouts side by side, each with its own
 * profile: the Openverse one and the acme/shop one, both served by the one simulator. `path` is the
 * workspace file, which the editor opens with `?workspace=`.
 */
export function createMultiRootWorkspace(options: { simulatorUrl: string }): { path: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'release-deck-workspace-'));
  const openverse = createWorkspace({ simulatorUrl: options.simulatorUrl }, root);
  const shop = createWorkspace({ simulatorUrl: options.simulatorUrl, world: 'acme', profile: 'simulated' }, root);
  const path = join(root, 'release-deck.code-workspace');
  writeFileSync(path, JSON.stringify({ folders: [{ path: openverse.path }, { path: shop.path }], settings: { 'files.exclude': { '**/.git': true } } }, null, 2));
  return { path, remove: () => { openverse.remove(); } };
}

/** Writes a checkout's files under `path`; `remove` deletes its whole temporary `root`. */
function writeCheckout(root: string, path: string, files: Record<string, string>): { path: string; remove(): void } {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(path, file)), { recursive: true });
    writeFileSync(join(path, file), content);
  }
  return {
    path,
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
