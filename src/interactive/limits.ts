// Limits of the interactive templates. The service checks only the size; the element counts are the
// template rules a flow checks before it sends a template (the Show view / Lex path).

/** SendMessage checks that an interactive message's whole content is under 20 KB. */
export const MAX_INTERACTIVE_BYTES = 20 * 1024;

/** How many choices each template takes (min..max). */
export const ELEMENT_LIMITS = {
  ListPicker: { min: 1, max: 6 },
  Panel: { min: 1, max: 10 },
  QuickReply: { min: 1, max: 6 },
  TimePicker: { min: 1, max: 40 },
  Carousel: { min: 2, max: 5 },
} as const;
