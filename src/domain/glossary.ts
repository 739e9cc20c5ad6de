import { english, type L10n } from './l10n';

/**
 * The release process's vocabulary, in this project's own words. Tooltips, descriptions and docs use
 * these terms and only these: publishing, tagging, releasing, deploying and rolling back are distinct
 * acts and the UI never uses one word for another. In the language of `l10n` (English by default): tooltips
 * show its terms in the editor's language.
 */
export function glossary(l10n: L10n = english) {
  return {
    app: l10n.t('One deployable part of the monorepo (for Openverse: API, frontend, catalog, ingestion server, indexer worker). "Service" means the same.'),
    githubRelease: l10n.t('A GitHub Release of the monorepo: release notes gathered for one app, attached to the commit its git tag names. It starts as a draft.'),
    draft: l10n.t('A GitHub Release not yet published. A new one replaces the previous draft each time a change is merged, so it always lists what the next release of the app would contain.'),
    publish: l10n.t('Publishing a GitHub Release: the act that turns a draft into a published release, creates its git tag and starts the GitHub Workflow that tags the Docker image.'),
    tag: l10n.t('Applying a tag to something: a git tag to a commit, or an image tag to a Docker image.'),
    release: l10n.t('Applying a release tag to an app\'s build artefacts. Releasing does not by itself change any live environment.'),
    deploy: l10n.t('Updating a live environment so that it runs a given image tag (or a new configuration).'),
    rollBack: l10n.t('Deploying an earlier image tag to a live environment, normally the last known working one.'),
    redeploy: l10n.t('Deploying the image tag that already runs, e.g. to pick up a changed environment variable.'),
    dockerImage: l10n.t('The packaged build of an app that an environment runs. Every build of the monorepo\'s default branch is tagged latest and with its commit SHA.'),
    imageTag: l10n.t('The name of one Docker image version: rel-YYYY.MM.DD.HH.MM.SS for a published release, or the commit SHA the image was built from. latest moves with every build and pins nothing.'),
    gitTag: l10n.t('The name of the commit an app was released from: {app}-YYYY.MM.DD.HH.MM.SS, in UTC.'),
    releaseTag: l10n.t('The pair of a release\'s git tag and image tag: both carry the same date, e.g. api-2026.11.20.10.00.00 and rel-2026.11.20.10.00.00.'),
    githubWorkflow: l10n.t('A GitHub Actions workflow: jobs GitHub runs on an event. Written in full so it is never confused with the process as a whole.'),
    tagAndDeployWorkflow: l10n.t('The monorepo GitHub Workflow that runs when a GitHub Release is published: it tags the latest Docker image with the release\'s image tag and, for the API and frontend, triggers the production deployment.'),
    deploymentWorkflow: l10n.t('The GitHub Workflow in the infrastructure repository that deploys one app to one environment with a given image tag; its run titles name the image tag deployed.'),
    lastKnownWorkingTag: l10n.t('The image tag of the newest successful production deployment before the one running now that was not rolled away from (replaced by an older release): where a rollback goes.'),
    process: l10n.t('A series of steps that reaches an outcome, such as releasing and deploying an app.'),
  } as const;
}

/** The glossary in English. */
export const GLOSSARY = glossary();

export type GlossaryTerm = keyof typeof GLOSSARY;
