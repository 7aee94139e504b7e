// The one function the e2e page helpers run inside the page to find and read elements. The drivers send
// it as source text, so it must stay self-contained: no imports, no helpers from outside its body.

/** Elements matching `css`, kept when their text contains `hasText` (case and spacing ignored, as a
 * reader would), then their descendants matching `child` when given. Actions use the first match. */
export interface Query {
  css: string;
  hasText?: string;
  child?: string;
}

/** What to do with the matches. `state` answers whether the wanted state is reached (for polling). */
export type DomOperation =
  | { op: 'texts' | 'count' | 'visible' | 'disabled' | 'element' }
  | { op: 'attribute'; name: string }
  | { op: 'state'; state: 'visible' | 'hidden' | 'attached' }
  | { op: 'fill'; value: string };

export function domQuery(request: { query: Query; operation: DomOperation }): unknown {
  const { query, operation } = request;
  const normalize = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  let found = Array.from(document.querySelectorAll(query.css));
  if (query.hasText !== undefined) {
    const wanted = normalize(query.hasText);
    found = found.filter((element) => normalize(element.textContent).includes(wanted));
  }
  const child = query.child;
  if (child !== undefined) found = found.flatMap((element) => Array.from(element.querySelectorAll(child)));
  const isVisible = (element: Element): boolean => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
  const first = found[0] as (HTMLElement & { disabled?: boolean; value?: string }) | undefined;
  switch (operation.op) {
    case 'texts':
      return found.map((element) => element.textContent ?? '');
    case 'count':
      return found.length;
    case 'visible':
      return first !== undefined && isVisible(first);
    case 'disabled':
      return first?.disabled === true;
    case 'element':
      return first ?? null;
    case 'attribute':
      return first?.getAttribute(operation.name) ?? null;
    case 'state':
      if (operation.state === 'attached') return found.length > 0;
      if (operation.state === 'hidden') return found.every((element) => !isVisible(element));
      return found.some(isVisible);
    case 'fill':
      // One `input` event for the whole value, as when text is pasted: typing key by key is `type`.
      if (!first || !('value' in first)) throw new Error(`fill: no input matches ${JSON.stringify(query)}`);
      first.focus();
      first.value = operation.value;
      first.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: operation.value }));
      return true;
  }
}
