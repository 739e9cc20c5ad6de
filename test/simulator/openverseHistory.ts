/**
 * The history of Openverse's main in the built-in world (openverseWorld.ts): what each commit did, to
 * which app, when and by whom, and the release notes release-drafter writes from it (its categories).
 */

export type AppSlug = 'api' | 'frontend' | 'catalog' | 'ingestion_server' | 'indexer_worker';

export interface CommitPlan {
  readonly app: AppSlug;
  readonly title: string;
  readonly author: string;
  readonly date: string;
  readonly label: 'feature' | 'improvement' | 'internal' | 'fix';
  readonly env?: { file: string; patch: string };
  /** Another app's folder the commit changes too (its images are rebuilt as well). */
  readonly alsoTouches?: AppSlug;
}

const AUTHORS = ['obulat', 'dhruvkb', 'krysal', 'sarayourfriend', 'zackkrida', 'AetherUnbound', 'stacimc'];

/** A readable history of main: what each commit did, to which app, when. Oldest first. */
export function plannedCommits(): CommitPlan[] {
  const plans: Array<[string, AppSlug, CommitPlan['label'], string]> = [
    ['2024-09-05T10:00:00Z', 'ingestion_server', 'fix', 'Retry failed Elasticsearch bulk uploads'],
    ['2024-09-08T16:00:00Z', 'ingestion_server', 'improvement', 'Log the duration of each indexing batch'],
    ['2026-09-01T09:12:00Z', 'catalog', 'feature', 'Add a DAG for the Smithsonian audio provider'],
    ['2026-09-07T13:40:00Z', 'catalog', 'fix', 'Skip records without a license URL'],
    ['2026-09-25T11:00:00Z', 'api', 'improvement', 'Cache the list of sources for ten minutes'],
    ['2026-09-28T15:30:00Z', 'frontend', 'fix', 'Keep the search type when paginating'],
    ['2026-09-30T08:45:00Z', 'api', 'fix', 'Return 400 for an invalid page size'],
    ['2026-10-03T10:20:00Z', 'frontend', 'feature', 'Show the audio waveform on result cards'],
    ['2026-10-08T14:10:00Z', 'frontend', 'internal', 'Upgrade Nuxt to the latest patch release'],
    ['2026-10-12T09:00:00Z', 'api', 'feature', 'Add the sensitive-content filter to related media'],
    ['2026-10-14T17:25:00Z', 'api', 'internal', 'Move thumbnail settings into their own module'],
    ['2026-10-20T12:00:00Z', 'indexer_worker', 'improvement', 'Batch document updates by 500'],
    ['2026-10-24T10:30:00Z', 'api', 'fix', 'Fix the cursor of the image search results'],
    ['2026-10-27T16:00:00Z', 'api', 'improvement', 'Compress JSON answers larger than 1 KB'],
    ['2026-11-02T09:15:00Z', 'frontend', 'improvement', 'Lazy-load the collection header'],
    ['2026-11-04T11:45:00Z', 'frontend', 'fix', 'Announce filter changes to screen readers'],
    ['2026-11-07T10:05:00Z', 'catalog', 'internal', 'Pin the Airflow constraints file'],
    ['2026-11-10T13:00:00Z', 'api', 'feature', 'Expose the audio genre facet'],
    ['2026-11-12T08:30:00Z', 'api', 'fix', 'Handle deleted providers in the stats endpoint'],
    ['2026-11-14T15:20:00Z', 'frontend', 'feature', 'Add the licence explanation popover'],
    ['2026-11-17T09:40:00Z', 'api', 'improvement', 'Read the Elasticsearch timeout from the environment'],
    ['2026-11-18T12:10:00Z', 'indexer_worker', 'fix', 'Retry a batch once on a timeout'],
    ['2026-11-19T10:00:00Z', 'api', 'fix', 'Escape quotes in the OpenAPI examples'],
    ['2026-11-20T14:30:00Z', 'frontend', 'internal', 'Split the search store into two modules'],
    ['2026-11-21T11:15:00Z', 'catalog', 'fix', 'Back off on 429 from the Flickr API'],
    ['2026-11-23T09:05:00Z', 'api', 'feature', 'Add the dead-link mask to the audio endpoint'],
    ['2026-11-24T16:45:00Z', 'frontend', 'fix', 'Restore the focus ring on the home page search'],
    ['2026-11-25T10:20:00Z', 'api', 'internal', 'Bump Django to the latest security release'],
  ];
  return plans.map(([date, app, label, title], index) => {
    const plan: CommitPlan = { app, title: `${title} (#${5100 + index})`, author: AUTHORS[index % AUTHORS.length] ?? 'obulat', date, label };
    if (title.startsWith('Read the Elasticsearch timeout')) {
      return { ...plan, env: { file: 'api/env.template', patch: '@@ -12,3 +12,4 @@\n ELASTICSEARCH_URL=es:9200\n+ELASTICSEARCH_TIMEOUT=30\n DJANGO_DEBUG_ENABLED=True' } };
    }
    if (title.startsWith('Split the search store')) {
      // A changed value and a variable gone: the frontend's draft changes its env file too.
      return { ...plan, env: { file: 'frontend/.env.template', patch: '@@ -4,4 +4,3 @@\n NUXT_PUBLIC_API_URL=https://api.openverse.org\n-NUXT_PUBLIC_SEARCH_DEBOUNCE_MS=300\n+NUXT_PUBLIC_SEARCH_DEBOUNCE_MS=250\n-NUXT_PUBLIC_LEGACY_SEARCH_STORE=true' } };
    }
    return plan;
  });
}

const CATEGORY_TITLES: Record<CommitPlan['label'], string> = {
  feature: 'New Features',
  improvement: 'Improvements',
  internal: 'Internal Improvements',
  fix: 'Bug Fixes',
};

export function releaseNotes(plans: readonly CommitPlan[]): string {
  const sections: string[] = [];
  for (const label of ['feature', 'improvement', 'internal', 'fix'] as const) {
    const entries = plans.filter((plan) => plan.label === label);
    if (entries.length > 0) {
      const lines = entries.map((plan) => {
        const number = /#(\d+)/.exec(plan.title)?.[1] ?? '0';
        const title = plan.title.replace(/ \(#\d+\)$/, '');
        return `- ${title} ([#${number}](https://github.com/WordPress/openverse/pull/${number})) by @${plan.author}`;
      });
      sections.push(`## ${CATEGORY_TITLES[label]}\n\n${lines.join('\n')}`);
    }
  }
  return sections.join('\n\n');
}
