import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EDITIONS, editionFrom, editionsFrom, UnknownEdition } from '../../../scripts/editor/editions';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  engines: { vscode: string };
  devDependencies: Record<string, string>;
};

/** [major, minor] of a version or range like ^1.100.0. */
function majorMinor(version: string): [number, number] {
  const match = /(\d+)\.(\d+)/.exec(version);
  assert.ok(match, `no version in ${version}`);
  return [Number(match[1]), Number(match[2])];
}

describe('the editors the suites run in', () => {
  it('npm test runs the newest; RELEASE_DECK_EDITORS lists several in order, each once', () => {
    assert.deepEqual(editionsFrom({}).map((edition) => edition.id), ['newest']);
    assert.deepEqual(editionsFrom({ RELEASE_DECK_EDITORS: 'newest,floor' }).map((edition) => edition.id), ['newest', 'floor']);
    assert.deepEqual(editionsFrom({ RELEASE_DECK_EDITORS: ' floor , newest,floor ' }).map((edition) => edition.id), ['floor', 'newest']);
    assert.deepEqual(editionsFrom({ RELEASE_DECK_EDITOR: 'floor' }).map((edition) => edition.id), ['floor'], 'one editor named for one run also picks npm test\'s');
    assert.equal(editionFrom({}).id, 'newest');
    assert.equal(editionFrom({ RELEASE_DECK_EDITOR: 'floor' }).codeServer, EDITIONS.floor.codeServer);
  });

  it('an unknown editor stops the run, naming the ones that exist', () => {
    assert.throws(() => editionsFrom({ RELEASE_DECK_EDITORS: 'newest,oldest' }), (error: unknown) => {
      assert.ok(error instanceof UnknownEdition);
      assert.match(error.message, /RELEASE_DECK_EDITORS="oldest" names no editor .*newest or floor/);
      return true;
    });
    assert.throws(() => editionFrom({ RELEASE_DECK_EDITOR: 'newest,floor' }), UnknownEdition, 'one run has one editor');
  });

  it('the floor editor is the oldest VS Code package.json claims, and the API types are no newer than it', () => {
    assert.deepEqual(majorMinor(manifest.engines.vscode), majorMinor(EDITIONS.floor.vscode), `engines.vscode ${manifest.engines.vscode} is not what the floor editor tests (VS Code ${EDITIONS.floor.vscode})`);
    const [typesMajor, typesMinor] = majorMinor(manifest.devDependencies['@types/vscode'] ?? '');
    const [floorMajor, floorMinor] = majorMinor(EDITIONS.floor.vscode);
    assert.ok(typesMajor < floorMajor || (typesMajor === floorMajor && typesMinor <= floorMinor), '@types/vscode would let the code use API the floor editor lacks');
  });

  it('the newest editor is newer than the floor and brings its own Node', () => {
    const [newMajor, newMinor] = majorMinor(EDITIONS.newest.vscode);
    const [floorMajor, floorMinor] = majorMinor(EDITIONS.floor.vscode);
    assert.ok(newMajor > floorMajor || (newMajor === floorMajor && newMinor > floorMinor));
    assert.ok(EDITIONS.newest.node !== undefined);
  });
});
