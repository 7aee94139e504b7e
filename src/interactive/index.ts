// Interactive messages: typed templates, builders, and parsers (no UI).
export * from './types.js';
export { ELEMENT_LIMITS, MAX_INTERACTIVE_BYTES } from './limits.js';
export { InteractiveTemplateError, parseInteractiveMessage, parseInteractiveResponse, validateInteractiveTemplate } from './parse.js';
export { carousel, interactiveResponse, listPicker, panel, quickReply, timePicker, type InteractiveChoice } from './build.js';
