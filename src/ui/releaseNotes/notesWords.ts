import * as vscode from 'vscode';
import type { NotesWords } from './messages';

/** The panel's title (its tab), in the editor's language. */
export function panelTitle(appLabel: string): string {
  return vscode.l10n.t('Release Notes · {0}', appLabel);
}

export function loadingText(appLabel: string): string {
  return vscode.l10n.t('Loading the release notes of {0}…', appLabel);
}

/** The page's own words, in the editor's language. */
export function notesWords(): NotesWords {
  return {
    draft: vscode.l10n.t('Draft'),
    published: vscode.l10n.t('Published'),
    app: vscode.l10n.t('App'),
    gitTag: vscode.l10n.t('Git tag'),
    imageTag: vscode.l10n.t('Image tag'),
    imageTagOncePublished: vscode.l10n.t('Image tag once published'),
    gitTagCreatedOn: vscode.l10n.t('Git tag created on'),
    commit: vscode.l10n.t('Commit'),
    build: vscode.l10n.t('Build'),
    publishedOn: vscode.l10n.t('Published'),
    changes: vscode.l10n.t('Changes'),
    publish: vscode.l10n.t('Publish GitHub Release'),
    publishing: vscode.l10n.t('Publishing…'),
    openOnGitHub: vscode.l10n.t('Open on GitHub'),
    refresh: vscode.l10n.t('Refresh'),
    otherRelease: vscode.l10n.t('Show another GitHub Release of this app'),
    release: vscode.l10n.t('Release'),
    draftOption: vscode.l10n.t('{0} (draft)'),
    effects: vscode.l10n.t('Publishing sets off'),
    environmentVariables: vscode.l10n.t('Environment variables'),
    releaseNotes: vscode.l10n.t('Release notes'),
    noNotes: vscode.l10n.t('This release has no notes.'),
    commits: vscode.l10n.t('Commits'),
    fullComparison: vscode.l10n.t('See the full comparison on GitHub'),
  };
}
