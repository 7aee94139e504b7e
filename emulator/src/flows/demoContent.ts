// What the demo flow's bot says: one template of each kind Amazon Connect defines, in its JSON shape.

export const MENU = { track: 'Track an order', book: 'Book a visit', plans: 'Compare plans', agent: 'Talk to an agent' } as const;
export const MORE = { menu: 'Show the menu', agent: MENU.agent } as const;

const template = (templateType: string, content: unknown, replyMessage?: unknown): string =>
  JSON.stringify({ templateType, version: '1.0', data: replyMessage ? { replyMessage, content } : { content } });

export function menuPicker(): string {
  return template(
    'ListPicker',
    { title: 'What can I help you with?', subtitle: 'Tap an option', elements: Object.values(MENU).map((title) => ({ title })) },
    { title: 'Thanks for choosing!' },
  );
}

export function orderPanel(): string {
  return template('Panel', { title: 'Where did you order?', subtitle: 'Pick one', elements: [{ title: 'Web shop' }, { title: 'In a store' }] });
}

/** Three slots tomorrow (UTC), so the picker always offers future times. */
export function visitTimePicker(nowMs: number): string {
  const tomorrow = new Date(nowMs + 24 * 60 * 60 * 1000);
  const at = (hour: number): string => `${tomorrow.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00+00:00`;
  return template('TimePicker', { title: 'When would you like to visit?', timeZoneOffset: 0, timeslots: [9, 11, 14].map((hour) => ({ date: at(hour), duration: 30 })) }, { title: 'Visit booked' });
}

export function plansCarousel(): string {
  const plan = (id: string, title: string, price: string) => ({
    templateIdentifier: id,
    templateType: 'Panel',
    version: '1.0',
    data: { content: { title, subtitle: price, elements: [{ title: `Choose ${title}` }] } },
  });
  return template('Carousel', { title: 'Our plans', elements: [plan('basic', 'Basic', '$5 / month'), plan('plus', 'Plus', '$12 / month')] });
}

export function anythingElse(): string {
  return template('QuickReply', { title: 'Anything else?', elements: Object.values(MORE).map((title) => ({ title })) });
}

/** The customer's answer as the bot reads it: an interactive response's chosen title (and template), or the text. */
export function readAnswer(contentType: string | undefined, content: string | undefined): { text: string; templateType?: string } {
  if (contentType !== 'application/vnd.amazonaws.connect.message.interactive.response') return { text: (content ?? '').trim() };
  try {
    const parsed = JSON.parse(content ?? '') as { templateType?: string; data?: { content?: { title?: unknown } } };
    return { text: String(parsed.data?.content?.title ?? '').trim(), templateType: parsed.templateType };
  } catch {
    return { text: '' };
  }
}
