// Reads template JSON into typed templates, checking each rule a flow checks (types, required fields,
// element counts, the 20 KB size). Every failure is an InteractiveTemplateError naming the field.
import { ELEMENT_LIMITS, MAX_INTERACTIVE_BYTES } from './limits.js';
import type {
  CarouselPanel,
  InteractiveElement,
  InteractiveResponse,
  InteractiveTemplate,
  InteractiveTemplateType,
  TimeSlot,
} from './types.js';
import { utf8Length } from '../util/utf8.js';

/** A template (or a response to one) breaks a rule; `field` is its JSON path, e.g. `data.content.elements`. */
export class InteractiveTemplateError extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field} ${rule}`);
    this.name = 'InteractiveTemplateError';
  }
}

type Json = Record<string, unknown>;
const TEMPLATE_TYPES: readonly InteractiveTemplateType[] = ['ListPicker', 'TimePicker', 'Panel', 'QuickReply', 'Carousel'];

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function object(value: unknown, field: string): Json {
  if (!isObject(value)) throw new InteractiveTemplateError(field, 'must be an object');
  return value;
}

function text(parent: Json, key: string, path: string): string {
  const value = parent[key];
  if (typeof value !== 'string' || value.length === 0) throw new InteractiveTemplateError(`${path}.${key}`, 'is required and must be a non-empty string');
  return value;
}

function optionalText(parent: Json, key: string, path: string): void {
  const value = parent[key];
  if (value !== undefined && typeof value !== 'string') throw new InteractiveTemplateError(`${path}.${key}`, 'must be a string');
}

function optionalNumber(parent: Json, key: string, path: string): void {
  const value = parent[key];
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) throw new InteractiveTemplateError(`${path}.${key}`, 'must be a number');
}

function list(parent: Json, key: string, path: string, limits: { min: number; max: number }): unknown[] {
  const value = parent[key];
  const field = `${path}.${key}`;
  if (!Array.isArray(value)) throw new InteractiveTemplateError(field, 'is required and must be an array');
  if (value.length < limits.min || value.length > limits.max) throw new InteractiveTemplateError(field, `must hold ${limits.min} to ${limits.max} items, got ${value.length}`);
  return value;
}

function checkImage(parent: Json, path: string): void {
  if (parent.imageType !== undefined && parent.imageType !== 'URL') throw new InteractiveTemplateError(`${path}.imageType`, 'must be "URL"');
  optionalText(parent, 'imageData', path);
  optionalText(parent, 'imageDescription', path);
}

function checkTitled(value: unknown, path: string): InteractiveElement {
  const element = object(value, path);
  text(element, 'title', path);
  optionalText(element, 'subtitle', path);
  checkImage(element, path);
  return element as unknown as InteractiveElement;
}

function checkReplyMessage(data: Json): void {
  if (data.replyMessage !== undefined) checkTitled(data.replyMessage, 'data.replyMessage');
}

function checkTimeslot(value: unknown, path: string): TimeSlot {
  const slot = object(value, path);
  const date = text(slot, 'date', path);
  if (Number.isNaN(Date.parse(date))) throw new InteractiveTemplateError(`${path}.date`, 'must be an ISO 8601 date and time');
  if (typeof slot.duration !== 'number' || !Number.isInteger(slot.duration) || slot.duration < 1) throw new InteractiveTemplateError(`${path}.duration`, 'must be a whole number of minutes, at least 1');
  return slot as unknown as TimeSlot;
}

function checkContent(type: InteractiveTemplateType, content: Json, path: string): void {
  text(content, 'title', path);
  optionalText(content, 'subtitle', path);
  if (type === 'TimePicker') {
    optionalNumber(content, 'timeZoneOffset', path);
    if (content.location !== undefined) {
      const location = object(content.location, `${path}.location`);
      ['latitude', 'longitude'].forEach((key) => {
        if (typeof location[key] !== 'number') throw new InteractiveTemplateError(`${path}.location.${key}`, 'is required and must be a number');
      });
      text(location, 'title', `${path}.location`);
    }
    list(content, 'timeslots', path, ELEMENT_LIMITS.TimePicker).forEach((slot, index) => checkTimeslot(slot, `${path}.timeslots[${index}]`));
    return;
  }
  if (type !== 'QuickReply') checkImage(content, path);
  const elements = list(content, 'elements', path, ELEMENT_LIMITS[type]);
  if (type === 'Carousel') elements.forEach((panel, index) => checkCarouselPanel(panel, `${path}.elements[${index}]`));
  else elements.forEach((element, index) => checkTitled(element, `${path}.elements[${index}]`));
}

function checkCarouselPanel(value: unknown, path: string): CarouselPanel {
  const panel = object(value, path);
  text(panel, 'templateIdentifier', path);
  if (panel.templateType !== 'Panel') throw new InteractiveTemplateError(`${path}.templateType`, 'must be "Panel"');
  if (panel.version !== '1.0') throw new InteractiveTemplateError(`${path}.version`, 'must be "1.0"');
  const data = object(panel.data, `${path}.data`);
  checkContent('Panel', object(data.content, `${path}.data.content`), `${path}.data.content`);
  return panel as unknown as CarouselPanel;
}

function parseJson(content: string): unknown {
  if (typeof content !== 'string') throw new InteractiveTemplateError('content', 'must be a string of JSON');
  if (utf8Length(content) >= MAX_INTERACTIVE_BYTES) throw new InteractiveTemplateError('content', `must be under ${MAX_INTERACTIVE_BYTES} bytes`);
  try {
    return JSON.parse(content);
  } catch {
    throw new InteractiveTemplateError('content', 'must be JSON');
  }
}

function templateTypeOf(root: Json): InteractiveTemplateType {
  const type = root.templateType;
  if (!TEMPLATE_TYPES.includes(type as InteractiveTemplateType)) throw new InteractiveTemplateError('templateType', `must be one of ${TEMPLATE_TYPES.join(', ')}`);
  if (root.version !== '1.0') throw new InteractiveTemplateError('version', 'must be "1.0"');
  return type as InteractiveTemplateType;
}

/** Checks a template object against its rules; returns it typed. */
export function validateInteractiveTemplate(value: unknown): InteractiveTemplate {
  const root = object(value, 'template');
  const type = templateTypeOf(root);
  const data = object(root.data, 'data');
  checkContent(type, object(data.content, 'data.content'), 'data.content');
  checkReplyMessage(data);
  return root as unknown as InteractiveTemplate;
}

/** Parses the Content of an `…message.interactive` item into a checked template. */
export function parseInteractiveMessage(content: string): InteractiveTemplate {
  return validateInteractiveTemplate(parseJson(content));
}

/** Parses the Content of an `…message.interactive.response` item. */
export function parseInteractiveResponse(content: string): InteractiveResponse {
  const root = object(parseJson(content), 'response');
  templateTypeOf(root);
  optionalText(root, 'templateIdentifier', 'response');
  const chosen = object(object(root.data, 'data').content, 'data.content');
  text(chosen, 'title', 'data.content');
  if (chosen.timeslot !== undefined) checkTimeslot(chosen.timeslot, 'data.content.timeslot');
  return root as unknown as InteractiveResponse;
}
