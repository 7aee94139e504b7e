// Builders: typed content in, a checked message out, ready for a bot to send (template) or for the
// customer's session to send (response).
import { parseInteractiveMessage, parseInteractiveResponse, InteractiveTemplateError } from './parse.js';
import {
  INTERACTIVE_CONTENT_TYPE,
  INTERACTIVE_RESPONSE_CONTENT_TYPE,
  type CarouselContent,
  type InteractiveMessage,
  type InteractiveReplyMessage,
  type InteractiveResponse,
  type InteractiveTemplate,
  type ListPickerContent,
  type PanelContent,
  type QuickReplyContent,
  type TimePickerContent,
  type TimeSlot,
} from './types.js';

function templateMessage(template: InteractiveTemplate): InteractiveMessage {
  const content = JSON.stringify(template);
  parseInteractiveMessage(content);
  return { contentType: INTERACTIVE_CONTENT_TYPE, content };
}

function withReply<C>(content: C, replyMessage?: InteractiveReplyMessage): { content: C; replyMessage?: InteractiveReplyMessage } {
  return replyMessage ? { content, replyMessage } : { content };
}

/** A list of up to 6 choices, each with an optional image. */
export function listPicker(content: ListPickerContent, replyMessage?: InteractiveReplyMessage): InteractiveMessage {
  return templateMessage({ templateType: 'ListPicker', version: '1.0', data: withReply(content, replyMessage) });
}

/** Up to 40 time slots to pick one from. */
export function timePicker(content: TimePickerContent, replyMessage?: InteractiveReplyMessage): InteractiveMessage {
  return templateMessage({ templateType: 'TimePicker', version: '1.0', data: withReply(content, replyMessage) });
}

/** A panel of up to 10 text choices under a title (and optional image). */
export function panel(content: PanelContent, replyMessage?: InteractiveReplyMessage): InteractiveMessage {
  return templateMessage({ templateType: 'Panel', version: '1.0', data: withReply(content, replyMessage) });
}

/** Short answers shown as buttons. */
export function quickReply(content: QuickReplyContent, replyMessage?: InteractiveReplyMessage): InteractiveMessage {
  return templateMessage({ templateType: 'QuickReply', version: '1.0', data: withReply(content, replyMessage) });
}

/** 2 to 5 panels side by side; each panel has its own `templateIdentifier`. */
export function carousel(content: CarouselContent): InteractiveMessage {
  return templateMessage({ templateType: 'Carousel', version: '1.0', data: { content } });
}

/** What the customer chose: an element's title, or one of a time picker's slots. */
export type InteractiveChoice = { title: string; subtitle?: string; templateIdentifier?: string } | { timeslot: TimeSlot };

/**
 * The customer's answer to `template`, for `session.sendMessage({ contentType, message: content })`.
 * The choice must be one the template offers.
 */
export function interactiveResponse(template: InteractiveTemplate, choice: InteractiveChoice): InteractiveMessage {
  const response: InteractiveResponse = { templateType: template.templateType, version: '1.0', data: { content: chosenContent(template, choice) } };
  if ('templateIdentifier' in choice && choice.templateIdentifier) response.templateIdentifier = choice.templateIdentifier;
  const content = JSON.stringify(response);
  parseInteractiveResponse(content);
  return { contentType: INTERACTIVE_RESPONSE_CONTENT_TYPE, content };
}

function chosenContent(template: InteractiveTemplate, choice: InteractiveChoice): InteractiveResponse['data']['content'] {
  if (template.templateType === 'TimePicker') {
    if (!('timeslot' in choice)) throw new InteractiveTemplateError('choice.timeslot', 'is required to answer a TimePicker');
    const slot = template.data.content.timeslots.find((offered) => offered.date === choice.timeslot.date && offered.duration === choice.timeslot.duration);
    if (!slot) throw new InteractiveTemplateError('choice.timeslot', 'must be one of the template’s timeslots');
    return { title: slot.date, timeslot: { date: slot.date, duration: slot.duration } };
  }
  if (!('title' in choice)) throw new InteractiveTemplateError('choice.title', `is required to answer a ${template.templateType}`);
  if (!offeredTitles(template, choice).includes(choice.title)) throw new InteractiveTemplateError('choice.title', 'must be the title of one of the template’s elements');
  return choice.subtitle ? { title: choice.title, subtitle: choice.subtitle } : { title: choice.title };
}

function offeredTitles(template: Exclude<InteractiveTemplate, { templateType: 'TimePicker' }>, choice: { templateIdentifier?: string }): string[] {
  if (template.templateType !== 'Carousel') return template.data.content.elements.map((element) => element.title);
  const chosenPanel = template.data.content.elements.find((candidate) => candidate.templateIdentifier === choice.templateIdentifier);
  if (!chosenPanel) throw new InteractiveTemplateError('choice.templateIdentifier', 'must name one of the carousel’s panels');
  return chosenPanel.data.content.elements.map((element) => element.title);
}
