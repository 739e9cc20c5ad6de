import { strict as assert } from 'node:assert';
import { cleanLogLine, LogTail, MAX_LINE_CHARS, stripAnsi, TAIL_LINES } from '../../../src/domain/logTail';
import { durationWords, failureHeader, failurePoint, isReleaseWorkflowRun } from '../../../src/domain/runFailure';
import type { JobFact } from '../../../src/domain/facts';
import { GERMAN } from '../l10n/german';

describe('the failure log tail keeper', () => {
  it('keeps the last 200 lines of a huge stream, and stays within its cap whatever the stream', () => {
    const tail = new LogTail();
    const line = `2026-11-26T10:00:01.1234567Z \u001b[32mprogress ${'x'.repeat(60)}\u001b[0m\n`;
    let most = 0;
    // About 50 MB, in pieces that split lines anywhere.
    const piece = line.repeat(1000);
    for (let index = 0; index < 600; index += 1) {
      tail.push(piece.slice(0, 3001));
      tail.push(piece.slice(3001));
      most = Math.max(most, tail.heldChars);
    }
    tail.push('2026-11-26T10:00:02.0000000Z ##[error]Process completed with exit code 1.\n');
    const result = tail.finish();
    assert.equal(result.lines.length, TAIL_LINES);
    assert.equal(result.totalLines, 600_001);
    assert.equal(result.lines.at(-1), 'Error: Process completed with exit code 1.');
    assert.equal(result.lines[0], `progress ${'x'.repeat(60)}`);
    assert.ok(most <= TAIL_LINES * MAX_LINE_CHARS + 2 * MAX_LINE_CHARS, `held ${most} characters`);
  });

  it('clips a line with no end (a 30 MB single line) instead of holding it', () => {
    const tail = new LogTail();
    const chunk = 'y'.repeat(1024 * 1024);
    for (let index = 0; index < 30; index += 1) {
      tail.push(chunk);
      assert.ok(tail.heldChars <= 2 * MAX_LINE_CHARS);
    }
    const result = tail.finish();
    assert.equal(result.lines.length, 1);
    assert.equal(result.clipped, true);
    assert.match(result.lines[0] ?? '', /^y{2000} … \(line clipped\)$/);
  });

  it('strips ANSI codes, the timestamps GitHub prefixes, and the runner\'s group markers', () => {
    assert.equal(stripAnsi('\u001b[31;1mError:\u001b[0m bad \u001b]8;;https://x\u0007link\u001b]8;;\u0007'), 'Error: bad link');
    assert.equal(cleanLogLine('2026-11-26T10:00:01.1234567Z ##[group]Run Deploy'), 'Run Deploy');
    assert.equal(cleanLogLine('2026-11-26T10:00:01.1234567Z ##[endgroup]'), undefined);
    assert.equal(cleanLogLine('2026-11-26T10:00:01Z plain\r'), 'plain');
    assert.equal(cleanLogLine('no stamp here'), 'no stamp here');
    assert.equal(cleanLogLine('##[warning]careful'), 'Warning: careful');
  });
});

describe('the failure log messages', () => {
  const job = (conclusion: string | null, steps: JobFact['steps']): JobFact => ({ id: 1, name: 'Deploy production-api', status: 'completed', conclusion, startedAt: '2026-11-26T10:00:00Z', completedAt: '2026-11-26T10:02:05Z', htmlUrl: null, steps });

  it('names the failed job and step with their durations, and how much of the log follows', () => {
    const point = failurePoint([job('failure', [
      { name: 'Check the image tag', number: 1, status: 'completed', conclusion: 'success' },
      { name: 'Deploy', number: 2, status: 'completed', conclusion: 'failure', startedAt: '2026-11-26T10:00:04Z', completedAt: '2026-11-26T10:02:05Z' },
    ])]);
    assert.ok(point);
    assert.deepEqual(failureHeader({ title: 'Deploy rel-1', url: 'https://github.com/o/r/actions/runs/9' }, point, { shown: 200, total: 5000, clipped: false }).slice(0, 5), [
      'Run:  Deploy rel-1',
      '      https://github.com/o/r/actions/runs/9',
      'Job:  Deploy production-api — failure after 2 min 5 s',
      'Step: Deploy — failure after 2 min 1 s',
      "The last 200 of the job log's 5000 lines:",
    ]);
  });

  it('names the failed job and step, and how much of the log follows, in German', () => {
    const point = failurePoint([job('failure', [{ name: 'Deploy', number: 1, status: 'completed', conclusion: 'failure', startedAt: '2026-11-26T10:00:04Z', completedAt: '2026-11-26T10:02:05Z' }])]);
    assert.ok(point);
    assert.deepEqual(failureHeader({ title: 'Deploy rel-1', url: 'https://github.com/o/r/actions/runs/9' }, point, { shown: 40, total: 40, clipped: true }, GERMAN.l10n).slice(0, 6), [
      'Ausführung: Deploy rel-1',
      '      https://github.com/o/r/actions/runs/9',
      'Job: Deploy production-api — failure nach 2 Min. 5 s',
      'Schritt: Deploy — failure nach 2 Min. 1 s',
      'Das Protokoll des Jobs (40 Zeilen):',
      '(Zeilen über 2.000 Zeichen sind gekürzt)',
    ]);
    assert.equal(failureHeader({ title: 'Deploy rel-1', url: 'u' }, point, { shown: 200, total: 5000, clipped: false }, GERMAN.l10n)[4], 'Die letzten 200 der 5000 Zeilen des Job-Protokolls:');
  });

  it('says durations in seconds, minutes and hours, and nothing when a moment is missing', () => {
    assert.equal(durationWords('2026-11-26T10:00:00Z', '2026-11-26T10:00:04Z'), '4 s');
    assert.equal(durationWords('2026-11-26T10:00:00Z', '2026-11-26T11:03:00Z'), '1 h 3 min');
    assert.equal(durationWords('2026-11-26T10:00:00Z', null), undefined);
    assert.equal(durationWords('2026-11-26T10:00:00Z', '2026-11-26T11:03:00Z', GERMAN.l10n), '1 Std. 3 Min.', 'German: the words of the deck\'s other durations');
    assert.equal(durationWords('2026-11-26T10:00:00Z', '2026-11-26T12:00:00Z', GERMAN.l10n), '2 Std.');
    assert.equal(durationWords('2026-11-26T10:00:00Z', '2026-11-26T10:03:00Z', GERMAN.l10n), '3 Min.');
  });

  it('recognises a run of the release workflow, which is never cancelled or re-run from the deck', () => {
    assert.equal(isReleaseWorkflowRun({ repo: 'WordPress/openverse', workflowPath: '.github/workflows/release.yml' }, 'wordpress/openverse', 'release.yml'), true);
    assert.equal(isReleaseWorkflowRun({ repo: 'WordPress/openverse-infrastructure', workflowPath: '.github/workflows/release.yml' }, 'WordPress/openverse', 'release.yml'), false);
  });
});
