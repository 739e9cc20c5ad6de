import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ReleaseDeckApi } from '../../src/extension';
import { COMMANDS } from '../../src/commandIds';
import { admin, find, loadedDeck, waitFor, withClockMoving, world } from './support';

/**
 * The release workflow re-tags `latest` (the last commit that changed the app) while GitHub creates the git tag
 * on main's head (openverse-facts §1.3, §2). With a documentation change at the head, publishing the frontend
 * deploys the build of an older commit than the tag's: the verification, the deck and the confirmation must
 * read it as the release's build. (Runs after the other suites: it publishes the frontend's draft.)
 */
describe('a running commit is a release\'s build', () => {
  let deck: ReleaseDeckApi;

  before(async () => {
    deck = await loadedDeck();
  });

  after(() => {
    deck.testing?.answerConfirmations(undefined);
  });

  it('publishing the frontend while main\'s head changes no app: verified against its build, and staging and production show the same build', async () => {
    // A merged documentation change: CI builds no image, draft_releases re-drafts every app on the new head.
    const frontendDraft = () => deck.state().snapshot?.apps.find((app) => app.app.id === 'frontend')?.draft;
    const drafted = frontendDraft()?.gitTag;
    await admin('push', { message: 'Document the release process (#5131)', files: ['documentation/meta/release_and_deployment/index.md'] });
    await admin('clock', { advanceSeconds: 60 });
    const draft = await waitFor('the frontend re-drafted after the push', async () => {
      await deck.refresh();
      const now = frontendDraft();
      return now !== undefined && now.gitTag !== drafted ? now : undefined;
    });
    const before = deck.testing?.confirmations().length ?? 0;
    deck.testing?.answerConfirmations(true);
    const result = await withClockMoving(vscode.commands.executeCommand<{ problem?: string; build?: string; tagRun?: { headSha: string } } | undefined>(COMMANDS.publishRelease, { appId: 'frontend' }));

    const monorepo = (await world()).repos[0];
    const head = monorepo?.commits[monorepo.commits.length - 1]?.sha;
    const build = [...(monorepo?.commits ?? [])].reverse().find((commit) => (commit.files ?? []).some((file) => file.filename.startsWith('frontend/')))?.sha;
    assert.ok(head !== undefined && build !== undefined && head !== build, 'the git tag\'s commit is not the frontend\'s last commit');
    assert.equal(result?.tagRun?.headSha, head);
    assert.equal(result?.problem, undefined, result?.problem);
    assert.equal(result?.build, build);

    // The confirmation listed the frontend's commits only: the documentation change is not one of them.
    const asked = deck.testing?.confirmations().slice(before).find((request) => request.message.startsWith('Publish the GitHub Release'));
    assert.match(asked?.detail ?? '', /\nCommits: (None|\d+) of the \d+ commits of the monorepo since what Frontend production runs \(rel-[\d.]+\) change frontend\/; the other \d+ commits? only touch other parts of the monorepo\./);
    assert.doesNotMatch(asked?.detail ?? '', /Document the release process/);

    await deck.refresh();
    const production = find(deck.describeDeck(), 'Frontend', 'Production');
    assert.equal(production.icon, 'pass-filled', production.tooltip);
    assert.match(production.tooltip ?? '', new RegExp(`Runs the build of ${draft.imageTag.replace(/\./g, '\\.')} \\(commit ${build.slice(0, 7)}\\), the newest published release\\.`));
    // Staging runs the same commit: the same build, so neither behind nor ahead (whatever its last deployment did).
    const frontend = deck.state().snapshot?.apps.find((app) => app.app.id === 'frontend');
    assert.ok(frontend);
    for (const environment of frontend.environments) {
      assert.equal(environment.running?.sha, build, `${environment.environment.id} runs the frontend's build`);
      assert.equal(environment.running?.release?.gitTag, draft.gitTag, `${environment.environment.id} runs ${draft.gitTag}'s build`);
      assert.notEqual(environment.state, 'behind', environment.stateDetail);
      assert.equal(environment.behindBy, undefined);
      assert.equal(environment.aheadBy, undefined);
    }
    assert.doesNotMatch(find(deck.describeDeck(), 'Frontend', 'Staging').description ?? '', /behind|ahead/);

    // The release notes of the published release: the git tag's commit (main's head), and beside it the build.
    const released = frontend.releases.find((release) => release.gitTag === draft.gitTag);
    assert.ok(released);
    await vscode.commands.executeCommand(COMMANDS.openReleaseNotes, { appId: 'frontend', releaseId: released.id });
    const notes = await waitFor('the notes of the published frontend release', () => {
      const view = deck.testing?.releaseNotesView('frontend');
      return view?.releaseId === released.id ? view : undefined;
    });
    assert.equal(notes.target, head, 'Commit: the git tag\'s commit');
    assert.equal(notes.build, `${build.slice(0, 7)} (inferred)`, 'Build: the frontend\'s last commit, inferred from its source folders');
  });
});
