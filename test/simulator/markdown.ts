/**
 * Enough Markdown for release notes (headings, bullets, links, code, bold), standing in for GitHub's
 * `body_html`. Raw HTML in the notes is passed through untouched, so hostile notes reach the extension
 * as they are and its own sanitising is what the tests prove.
 */
export function renderMarkdown(markdown: string): string {
  const html: string[] = [];
  let list = false;
  const closeList = (): void => {
    if (list) {
      html.push('</ul>');
      list = false;
    }
  };
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    if (heading !== null) {
      closeList();
      const level = heading[1]?.length ?? 2;
      html.push(`<h${level}>${inline(heading[2] ?? '')}</h${level}>`);
    } else if (bullet !== null) {
      if (!list) {
        html.push('<ul>');
        list = true;
      }
      html.push(`<li>${inline(bullet[1] ?? '')}</li>`);
    } else if (line.trim() === '') {
      closeList();
    } else {
      closeList();
      html.push(`<p>${inline(line)}</p>`);
    }
  }
  closeList();
  return html.join('\n');
}

function inline(text: string): string {
  return text
    .replace(/`([^`]+)`/g, (_, code: string) => `<code>${code.replace(/</g, '&lt;')}</code>`)
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>')
    .replace(/(^|\s)@([A-Za-z0-9-]+)/g, '$1<a class="user-mention" href="https://github.com/$2">@$2</a>')
    .replace(/(^|[\s(])#(\d+)/g, '$1<a class="issue-link" href="https://github.com/WordPress/openverse/pull/$2">#$2</a>');
}
