import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listZip } from './zip';

const ROOT = join(__dirname, '..', '..');

describe('the packaged extension (.vsix)', () => {
  let entries: string[];
  let bytes: number;

  before(function () {
    this.timeout(240_000);
    const result = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, `npm run package failed:\n${result.stdout}\n${result.stderr}`);
    const vsix = join(ROOT, 'release-deck.vsix');
    bytes = statSync(vsix).size;
    entries = listZip(vsix).map((entry) => entry.name);
  });

  it('is smaller than 1 MB', () => {
    assert.ok(bytes < 1024 * 1024, `${bytes} bytes`);
  });

  it('holds the bundle (and YAML\'s parser, loaded on demand), media, schema, README, LICENSE and CHANGELOG', () => {
    for (const expected of ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/workflowYaml.js', 'extension/media/release-deck.svg', 'extension/schemas/profile.schema.json', 'extension/readme.md', 'extension/LICENSE.txt', 'extension/changelog.md']) {
      assert.ok(entries.includes(expected), `${expected} is in the .vsix (it has: ${entries.join(', ')})`);
    }
  });

  it('carries the 128 × 128 PNG icon its manifest names (the Marketplace shows no SVG icon)', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { icon?: string };
    assert.equal(manifest.icon, 'media/icon.png');
    assert.ok(entries.includes('extension/media/icon.png'), 'the icon is in the .vsix');
    const png = readFileSync(join(ROOT, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('ships no node_modules, sources, tests or source maps', () => {
    const unwanted = entries.filter((name) => /node_modules\/|\/src\/|\/test\/|\/scripts\/|\.ts$|\.map$|tsconfig|\.vscode-test/.test(name));
    assert.deepEqual(unwanted, []);
  });
});
