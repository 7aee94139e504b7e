// What a chat session "sees", as short labels, so a scenario can assert the order of items and events
// the same way for this SDK and for amazon-connect-chatjs 5.0.0 (both hand these to onMessage).
// Kept free of imports: test/e2e passes `labelOf` into a browser page by its source.

export interface SeenItem {
  Type?: string;
  ContentType?: string;
  Content?: string;
  ParticipantRole?: string;
  DisplayName?: string;
}

/** `ROLE NAME: text`, `ROLE NAME: [ListPicker]`, `ROLE NAME: <chose X>`, or `ROLE event.name`. */
export function labelOf(item: SeenItem): string {
  const who = `${item.ParticipantRole ?? '-'}${item.DisplayName ? ` ${item.DisplayName}` : ''}`;
  const contentType = item.ContentType ?? '';
  if (item.Type === 'EVENT') return `${item.ParticipantRole ?? 'SERVICE'} ${contentType.split('.event.').pop()}`;
  if (contentType.endsWith('.message.interactive')) {
    try {
      return `${who}: [${String(JSON.parse(item.Content ?? '').templateType)}]`;
    } catch {
      return `${who}: [unreadable template]`;
    }
  }
  if (contentType.endsWith('.interactive.response')) {
    try {
      return `${who}: <chose ${String(JSON.parse(item.Content ?? '').data.content.title)}>`;
    } catch {
      return `${who}: <unreadable response>`;
    }
  }
  return `${who}: ${item.Content ?? ''}`;
}

/**
 * Checks that `expected` appears in `seen` in this order (other labels may come between): undefined when it
 * does, else the first expected label not found in order, with what was seen, for the failure message.
 */
export function notInOrder(seen: string[], expected: string[]): string | undefined {
  let at = 0;
  for (const label of seen) if (label === expected[at]) at += 1;
  return at === expected.length ? undefined : `missing "${expected[at]}" (in order) in ${JSON.stringify(seen, null, 1)}`;
}
