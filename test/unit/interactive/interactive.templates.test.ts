// The interactive template helpers: builders produce checked messages, the parser names the broken field,
// and a response must be one of the template's choices.
import * as interactive from '../../../src/interactive/index';
import { InteractiveTemplateError } from '../../../src/interactive/index';

const fruit = [{ title: 'Apple' }, { title: 'Orange' }, { title: 'Banana' }];

function errorOf(run: () => unknown): InteractiveTemplateError {
  try {
    run();
  } catch (err) {
    if (err instanceof InteractiveTemplateError) return err;
    throw err;
  }
  throw new Error('expected an InteractiveTemplateError');
}

describe('builders', () => {
  it('builds each of the five templates as an interactive message that parses back', () => {
    const slots = [{ date: '2026-12-07T09:00+00:00', duration: 30 }];
    const messages = [
      interactive.listPicker({ title: 'Which fruit?', elements: fruit }, { title: 'Thanks!' }),
      interactive.timePicker({ title: 'When?', timeZoneOffset: 0, timeslots: slots }),
      interactive.panel({ title: 'How can we help?', elements: [{ title: 'Billing' }, { title: 'Agent' }] }),
      interactive.quickReply({ title: 'Was this helpful?', elements: [{ title: 'Yes' }, { title: 'No' }] }),
      interactive.carousel({
        title: 'Plans',
        elements: ['basic', 'plus'].map((id) => ({ templateIdentifier: id, templateType: 'Panel' as const, version: '1.0' as const, data: { content: { title: id, elements: [{ title: `Pick ${id}` }] } } })),
      }),
    ];
    expect(messages.map((message) => message.contentType)).toEqual(Array(5).fill(interactive.INTERACTIVE_CONTENT_TYPE));
    expect(messages.map((message) => interactive.parseInteractiveMessage(message.content).templateType)).toEqual(['ListPicker', 'TimePicker', 'Panel', 'QuickReply', 'Carousel']);
  });

  it('refuses a list picker with more than 6 choices, naming the field and the rule', () => {
    const seven = Array.from({ length: 7 }, (_, index) => ({ title: `Choice ${index}` }));
    const error = errorOf(() => interactive.listPicker({ title: 'Too many', elements: seven }));
    expect(error.field).toBe('data.content.elements');
    expect(error.message).toBe('data.content.elements must hold 1 to 6 items, got 7');
  });

  it('refuses a carousel of one panel and an element without a title', () => {
    expect(errorOf(() => interactive.carousel({ title: 'x', elements: [] })).field).toBe('data.content.elements');
    expect(errorOf(() => interactive.panel({ title: 'x', elements: [{ title: '' }] })).field).toBe('data.content.elements[0].title');
  });
});

describe('parseInteractiveMessage', () => {
  it('names what is wrong: size, JSON, type, version, timeslot', () => {
    expect(errorOf(() => interactive.parseInteractiveMessage('x'.repeat(interactive.MAX_INTERACTIVE_BYTES))).message).toMatch(/content must be under 20480 bytes/);
    expect(errorOf(() => interactive.parseInteractiveMessage('{')).rule).toBe('must be JSON');
    expect(errorOf(() => interactive.parseInteractiveMessage('{"templateType":"Form","version":"1.0"}')).field).toBe('templateType');
    expect(errorOf(() => interactive.parseInteractiveMessage('{"templateType":"Panel","version":"2"}')).field).toBe('version');
    const badSlot = { templateType: 'TimePicker', version: '1.0', data: { content: { title: 't', timeslots: [{ date: 'soon', duration: 30 }] } } };
    expect(errorOf(() => interactive.parseInteractiveMessage(JSON.stringify(badSlot))).field).toBe('data.content.timeslots[0].date');
  });
});

describe('interactiveResponse', () => {
  const picker = interactive.parseInteractiveMessage(interactive.listPicker({ title: 'Which fruit?', elements: fruit }).content);

  it('answers with the chosen title as an interactive.response', () => {
    const answer = interactive.interactiveResponse(picker, { title: 'Orange' });
    expect(answer.contentType).toBe(interactive.INTERACTIVE_RESPONSE_CONTENT_TYPE);
    expect(interactive.parseInteractiveResponse(answer.content)).toEqual({ templateType: 'ListPicker', version: '1.0', data: { content: { title: 'Orange' } } });
  });

  it('refuses a choice the template does not offer', () => {
    expect(errorOf(() => interactive.interactiveResponse(picker, { title: 'Kiwi' })).field).toBe('choice.title');
  });

  it('answers a time picker with one of its slots and a carousel with the panel it names', () => {
    const slot = { date: '2026-12-07T09:00+00:00', duration: 30 };
    const times = interactive.parseInteractiveMessage(interactive.timePicker({ title: 'When?', timeslots: [slot] }).content);
    expect(JSON.parse(interactive.interactiveResponse(times, { timeslot: slot }).content).data.content).toEqual({ title: slot.date, timeslot: slot });
    expect(errorOf(() => interactive.interactiveResponse(times, { timeslot: { ...slot, duration: 60 } })).field).toBe('choice.timeslot');
    const plans = interactive.parseInteractiveMessage(
      interactive.carousel({
        title: 'Plans',
        elements: ['basic', 'plus'].map((id) => ({ templateIdentifier: id, templateType: 'Panel' as const, version: '1.0' as const, data: { content: { title: id, elements: [{ title: `Pick ${id}` }] } } })),
      }).content,
    );
    expect(JSON.parse(interactive.interactiveResponse(plans, { title: 'Pick plus', templateIdentifier: 'plus' }).content).templateIdentifier).toBe('plus');
    expect(errorOf(() => interactive.interactiveResponse(plans, { title: 'Pick plus', templateIdentifier: 'basic' })).field).toBe('choice.title');
  });
});
