import { checkPrerequisites } from './editor/codeServer';
import { MissingPrerequisite } from './editor/systemPackages';

/**
 * `npm test`'s first step: what the real-editor suites need from the system (Chromium; and while
 * code-server is not installed yet, libkrb5-dev and ripgrep), installed when it can be, else the one
 * command to run — before any suite starts. `--no-browser` for `npm start`'s needs.
 */
try {
  checkPrerequisites({ browser: !process.argv.includes('--no-browser') });
} catch (error) {
  console.error(error instanceof MissingPrerequisite ? error.message : error);
  process.exit(1);
}
