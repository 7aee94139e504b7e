// The service side (the emulator's flow check) and the SDK's helpers read the templates alike: the demo
// bot's templates pass both, and each broken template is refused by both, naming the same field.
import * as interactive from '../../../src/interactive/index';
import { anythingElse, menuPicker, orderPanel, plansCarousel, visitTimePicker } from '../../../emulator/src/flows/demoContent';
import { checkInteractiveContent } from '../../../emulator/src/flows/templateCheck';

const valid = { templateType: 'Panel', version: '1.0', data: { content: { title: 'Help?', elements: [{ title: 'Yes' }] } } };
const broken: Array<[string, unknown]> = [
  ['templateType', { ...valid, templateType: 'Form' }],
  ['version', { ...valid, version: '2.0' }],
  ['data.content.title', { ...valid, data: { content: { elements: [{ title: 'Yes' }] } } }],
  ['data.content.elements', { ...valid, data: { content: { title: 'Help?', elements: [] } } }],
  ['data.content.elements[0].title', { ...valid, data: { content: { title: 'Help?', elements: [{ subtitle: 'no title' }] } } }],
  ['data.content.timeslots[0].duration', { templateType: 'TimePicker', version: '1.0', data: { content: { title: 'When?', timeslots: [{ date: '2026-12-07T09:00+00:00', duration: 0 }] } } }],
];

function sdkField(content: string): string | undefined {
  try {
    interactive.parseInteractiveMessage(content);
    return undefined;
  } catch (error) {
    return (error as interactive.InteractiveTemplateError).field;
  }
}

function emulatorMessage(content: string): string | undefined {
  try {
    checkInteractiveContent(content);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

it('passes every template of the demo flow on both sides', () => {
  const templates = [menuPicker(), orderPanel(), visitTimePicker(Date.UTC(2026, 11, 6)), plansCarousel(), anythingElse()];
  expect(templates.map(sdkField)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  expect(templates.map(emulatorMessage)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  expect(templates.map((content) => JSON.parse(content).templateType)).toEqual(['ListPicker', 'Panel', 'TimePicker', 'Carousel', 'QuickReply']);
});

it.each(broken)('refuses a template whose %s breaks the rules, on both sides', (field, template) => {
  const content = JSON.stringify(template);
  expect(sdkField(content)).toBe(field);
  expect(emulatorMessage(content)).toMatch(new RegExp(`^Interactive message ${field.replace(/[[\]().]/g, '\\$&')} `));
});
