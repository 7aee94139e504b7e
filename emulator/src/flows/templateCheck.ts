// What a flow checks before it sends an interactive message (Amazon Connect's message display templates):
// a known templateType, version 1.0, a content title, and the element counts of each template; plus the
// 20 KB size SendMessage checks. The SDK's src/interactive/ has the typed builders; this is the service side.
import { ServiceError } from '../core/errors';

export const MAX_INTERACTIVE_BYTES = 20 * 1024;

const ELEMENTS: Record<string, { key: 'elements' | 'timeslots'; min: number; max: number }> = {
  ListPicker: { key: 'elements', min: 1, max: 6 },
  Panel: { key: 'elements', min: 1, max: 10 },
  QuickReply: { key: 'elements', min: 1, max: 6 },
  TimePicker: { key: 'timeslots', min: 1, max: 40 },
  Carousel: { key: 'elements', min: 2, max: 5 },
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function refuse(field: string, rule: string): ServiceError {
  return new ServiceError(400, 'ValidationException', `Interactive message ${field} ${rule}`);
}

function checkTitled(value: unknown, field: string): Json {
  if (!isObject(value)) throw refuse(field, 'must be an object');
  if (typeof value.title !== 'string' || value.title.length === 0) throw refuse(`${field}.title`, 'is required');
  return value;
}

function checkTemplate(value: unknown, field: string, allowed: readonly string[]): void {
  if (!isObject(value)) throw refuse(field, 'must be a JSON object');
  const type = String(value.templateType);
  const rule = ELEMENTS[type];
  if (!rule || !allowed.includes(type)) throw refuse(`${field}templateType`, `must be one of ${allowed.join(', ')}`);
  if (value.version !== '1.0') throw refuse(`${field}version`, 'must be "1.0"');
  const content = checkTitled(isObject(value.data) ? value.data.content : undefined, `${field}data.content`);
  const elements = content[rule.key];
  if (!Array.isArray(elements) || elements.length < rule.min || elements.length > rule.max) {
    throw refuse(`${field}data.content.${rule.key}`, `must hold ${rule.min} to ${rule.max} items for a ${type}`);
  }
  elements.forEach((element, index) => {
    const path = `${field}data.content.${rule.key}[${index}]`;
    if (type === 'Carousel') checkTemplate(element, `${path}.`, ['Panel']);
    else if (type === 'TimePicker') checkTimeslot(element, path);
    else checkTitled(element, path);
  });
}

function checkTimeslot(value: unknown, field: string): void {
  if (!isObject(value) || typeof value.date !== 'string' || Number.isNaN(Date.parse(value.date))) throw refuse(`${field}.date`, 'must be an ISO 8601 date and time');
  if (typeof value.duration !== 'number' || !Number.isInteger(value.duration) || value.duration < 1) throw refuse(`${field}.duration`, 'must be a whole number of minutes');
}

/** Throws a 400 ValidationException naming the field when `content` is not a valid template message. */
export function checkInteractiveContent(content: string): void {
  if (Buffer.byteLength(content) >= MAX_INTERACTIVE_BYTES) throw refuse('content', `must be under ${MAX_INTERACTIVE_BYTES} bytes`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    throw refuse('content', 'must be JSON');
  }
  checkTemplate(parsed, '', Object.keys(ELEMENTS));
}
