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

  it('publishing the frontend while CI has not built its newest commit: production is said to run the older build it runs, never the newest', async () => {
    // A frontend change CI builds (latest moves to it), then one whose image build fails: `latest` lags behind
    // the frontend's newest commit when the release run re-tags it (openverse-facts §1.3, §1.4, §2).
    const pushFrontend = async (message: string): Promise<string> => ((await admin('push', { message, files: [`frontend/src/components/${message.length}.vue`] })) as { sha: string }).sha;
    const built = await pushFrontend('Search results: keyboard focus ring (#5210)');
    await admin('clock', { advanceSeconds: 120 });
    await deck.refresh();
    const drafted = deck.state().snapshot?.apps.find((app) => app.app.id === 'frontend')?.draft?.gitTag;
    await admin('fail-next-run', { workflowPath: '.github/workflows/ci_cd.yml', step: 'Build the images' });
    const unbuilt = await pushFrontend('Search results: lazy thumbnails (#5211)');
    await admin('clock', { advanceSeconds: 120 });
    const draft = await waitFor('the frontend re-drafted after the newest commit', async () => {
      await deck.refresh();
      const now = deck.state().snapshot?.apps.find((app) => app.app.id === 'frontend')?.draft;
      return now !== undefined && now.gitTag !== drafted ? now : undefined;
    });
    deck.testing?.answerConfirmations(true);
    const result = await withClockMoving(vscode.commands.executeCommand<{ problem?: string; build?: string; buildNote?: string; tagRun?: { headSha: string } } | undefined>(COMMANDS.publishRelease, { appId: 'frontend' }));

    assert.equal(result?.tagRun?.headSha, unbuilt, 'the git tag is on the newest commit');
    assert.equal(result?.problem, undefined, result?.problem);
    assert.equal(result?.build, built, 'production runs the build of the commit CI did build');
    assert.equal(
      result?.buildNote,
      `${draft.imageTag} is the build of commit ${built.slice(0, 7)}, not of ${unbuilt.slice(0, 7)}: when ${draft.imageTag} was tagged, the push of commit ${unbuilt.slice(0, 7)} had not finished building (ci_cd.yml failure), so \`latest\` may still have been an older build of Frontend.`,
    );
    const production = (await world()).environments.find((environment) => environment.app === 'frontend' && environment.environment === 'production');
    assert.equal(production?.release, built, 'what the simulated production reports');
    // The deck does not call production behind the release it runs.
    await deck.refresh();
    const shown = find(deck.describeDeck(), 'Frontend', 'Production');
    assert.doesNotMatch(shown.description ?? '', /behind/);
    assert.match(shown.tooltip ?? '', /which one cannot be told from the commits/);
  });
});
