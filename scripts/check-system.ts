import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, checkPrerequisites } from './editor/codeServer';
import { editionsFrom, UnknownEdition } from './editor/editions';
import { MissingPrerequisite } from './editor/systemPackages';

/**
 * `npm test`'s first step: what the real-editor suites need from the system (Chromium; and while an
 * editor of the run is not installed yet, what its install builds with), installed when it can be, else
 * the one command to run — before any suite starts. The editors are RELEASE_DECK_EDITORS' (editions.ts).
 * `--no-browser` for `npm start`'s needs; `--write-editors` writes their ids, in order, to
 * test-results/editors.json for `npm test` to run the suites in each.
 */
try {
  const editions = editionsFrom(process.env);
  checkPrerequisites({ browser: !process.argv.includes('--no-browser'), editions });
  if (process.argv.includes('--write-editors')) {
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    writeFileSync(join(ROOT, 'test-results', 'editors.json'), JSON.stringify(editions.map((edition) => edition.id)));
  }
} catch (error) {
  console.error(error instanceof MissingPrerequisite || error instanceof UnknownEdition ? error.message : error);
  process.exit(1);
}
