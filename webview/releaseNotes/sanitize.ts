import DOMPurify from 'dompurify';

/**
 * GitHub's rendered release notes, made inert: no scripts, event handlers, frames, forms, styles or
 * SVG/MathML; links keep only https targets and open through the extension, never in the webview.
 */
export function sanitizeNotes(html: string): DocumentFragment {
  const purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node instanceof HTMLAnchorElement) {
      const href = node.getAttribute('href') ?? '';
      node.removeAttribute('href');
      node.removeAttribute('target');
      if (/^https:\/\//i.test(href)) {
        node.setAttribute('data-href', href);
        node.setAttribute('role', 'link');
        node.setAttribute('tabindex', '0');
        node.setAttribute('title', href);
      }
    }
    if (node instanceof HTMLImageElement && !/^https:\/\//i.test(node.getAttribute('src') ?? '')) {
      node.removeAttribute('src');
    }
  });
  return purifier.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'option', 'link', 'meta', 'base', 'svg', 'math', 'template', 'dialog'],
    FORBID_ATTR: ['style', 'srcset', 'action', 'formaction', 'xlink:href', 'background'],
    ALLOWED_URI_REGEXP: /^https:\/\//i,
    ALLOW_DATA_ATTR: false,
  });
}
