import { Disposable } from '../disposable';
import type { Section, Sections } from '../state/sections';
import type { NewsNotifications } from './newsNotifications';

/**
 * The news notifications of the primary section (the first folder with a profile; what it saved in the
 * workspace state is that of single-folder workspaces), made again when another section becomes primary.
 */
export class PrimaryNews extends Disposable {
  private shown: { readonly section: Section | undefined; readonly news: NewsNotifications | undefined } = { section: undefined, news: undefined };

  constructor(private readonly sections: Sections, private readonly make: (section: Section) => NewsNotifications) {
    super();
    this.register(sections.onDidChange(() => { this.follow(); }));
    this.register({ dispose: () => { this.shown.news?.dispose(); } });
    this.follow();
  }

  /** The news of the primary section (made at once if none is yet: the testing API reads it). */
  get current(): NewsNotifications | undefined {
    return this.shown.news;
  }

  private follow(): void {
    const primary = this.sections.primary;
    if (primary === this.shown.section) {
      return;
    }
    this.shown.news?.dispose();
    this.shown = { section: primary, news: primary !== undefined ? this.make(primary) : undefined };
  }
}
