import { Disposable } from '../disposable';
import type { Section, Sections } from '../state/sections';
import type { NewsNotifications, ShownNews } from './newsNotifications';

/**
 * The news notifications of every section (each workspace folder's deck), made as sections come and
 * disposed of as they go. Each section keeps what it knew in workspace state under its own keys, so
 * that a reload neither repeats nor loses any folder's news; with several sections shown, each
 * notification names its folder.
 */
export class SectionNews extends Disposable {
  private readonly bySection = new Map<Section, NewsNotifications>();
  /** What every section announced in this session, oldest first (the testing API reads it). */
  readonly shown: ShownNews[] = [];

  constructor(private readonly sections: Sections, private readonly make: (section: Section, shown: ShownNews[]) => NewsNotifications) {
    super();
    this.register(sections.onDidChange(() => { this.follow(); }));
    this.register({ dispose: () => { this.close([...this.bySection.keys()]); } });
    this.follow();
  }

  /** Forgets what every section's news held in memory, as a reload does (what they saved stays). */
  forgetAsAfterReload(): void {
    for (const news of this.bySection.values()) {
      news.forgetAsAfterReload();
    }
  }

  private follow(): void {
    const all = this.sections.all;
    this.close([...this.bySection.keys()].filter((section) => !all.includes(section)));
    for (const section of all) {
      if (!this.bySection.has(section)) {
        this.bySection.set(section, this.make(section, this.shown));
      }
    }
  }

  private close(sections: readonly Section[]): void {
    for (const section of sections) {
      this.bySection.get(section)?.dispose();
      this.bySection.delete(section);
    }
  }
}
