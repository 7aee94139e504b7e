// A deliberately tiny markdown renderer for chat messages: **bold**, *italic*, `code` and
// [links](https://…). It never builds HTML from strings: the text is split into tokens and every piece
// becomes a text node or an element made with the DOM APIs, so message content cannot run as HTML.

const INLINE = /(`[^`\n]+`)|(\*\*[^*\n]+\*\*)|(\*[^*\n]+\*)|(\[[^\]\n]+\]\([^)\s]+\))/;

/** Only http(s) links become anchors; anything else (javascript:, data:, relative) stays text. */
export function safeHref(raw) {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function element(tag, text) {
  const node = document.createElement(tag);
  node.textContent = text;
  return node;
}

function tokenToNode(token) {
  if (token.startsWith('`')) return element('code', token.slice(1, -1));
  if (token.startsWith('**')) return element('strong', token.slice(2, -2));
  if (token.startsWith('*')) return element('em', token.slice(1, -1));
  const label = token.slice(1, token.indexOf(']('));
  const href = safeHref(token.slice(token.indexOf('](') + 2, -1));
  if (href === null) return document.createTextNode(token);
  const link = element('a', label);
  link.href = href;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  return link;
}

/** Renders one line of markdown into `parent`, as text nodes and inline elements. */
function renderLine(line, parent) {
  let rest = line;
  while (rest.length > 0) {
    const match = INLINE.exec(rest);
    if (!match) {
      parent.append(document.createTextNode(rest));
      return;
    }
    if (match.index > 0) parent.append(document.createTextNode(rest.slice(0, match.index)));
    parent.append(tokenToNode(match[0]));
    rest = rest.slice(match.index + match[0].length);
  }
}

/** A DocumentFragment for `text`: markdown when `isMarkdown`, otherwise the plain text as is. */
export function renderContent(text, isMarkdown) {
  const fragment = document.createDocumentFragment();
  text.split('\n').forEach((line, index) => {
    if (index > 0) fragment.append(document.createElement('br'));
    if (isMarkdown) renderLine(line, fragment);
    else fragment.append(document.createTextNode(line));
  });
  return fragment;
}
