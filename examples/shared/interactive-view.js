// Draws Amazon Connect's interactive message templates (ListPicker, TimePicker, Panel, QuickReply,
// Carousel) and reports the customer's choice as the JSON of an `…interactive.response`. Text only ever
// goes through textContent; images only from https (or the page's own origin) URLs.
// The SDK's `interactive` helpers (import { interactive } from 'amazon-connect-chatjs') build and parse
// the same shapes for apps that bundle the SDK; this page uses the script tag, so it reads the JSON itself.
export const INTERACTIVE = 'application/vnd.amazonaws.connect.message.interactive';
export const INTERACTIVE_RESPONSE = 'application/vnd.amazonaws.connect.message.interactive.response';

function el(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function safeImage(content) {
  if (content.imageType !== 'URL' || typeof content.imageData !== 'string') return null;
  let url;
  try {
    url = new URL(content.imageData, location.href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.origin !== location.origin) return null;
  return el('img', { class: 'im-image', src: url.href, alt: content.imageDescription || '' });
}

function heading(content) {
  const box = el('div', { class: 'im-heading' });
  const image = safeImage(content);
  if (image) box.append(image);
  box.append(el('div', { class: 'im-title', 'data-testid': 'interactive-title' }, content.title || ''));
  if (content.subtitle) box.append(el('div', { class: 'im-subtitle' }, content.subtitle));
  return box;
}

function formatSlot(slot) {
  const date = new Date(slot.date);
  const text = Number.isNaN(date.getTime()) ? slot.date : date.toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${text} UTC (${slot.duration} min)`;
}

/** The JSON content of the response to `template` for the chosen element or slot. */
function responseTo(template, chosen, templateIdentifier) {
  const content = chosen.date ? { title: chosen.date, timeslot: { date: chosen.date, duration: chosen.duration } } : { title: chosen.title };
  const response = { templateType: template.templateType, version: '1.0', data: { content } };
  if (templateIdentifier) response.templateIdentifier = templateIdentifier;
  return JSON.stringify(response);
}

function choices(template, elements, onChoose, options = {}) {
  const box = el('div', { class: `im-choices im-${template.templateType.toLowerCase()}` });
  elements.forEach((element) => {
    const button = el('button', { type: 'button', class: 'im-choice', 'data-testid': 'interactive-choice' });
    const image = safeImage(element);
    if (image) button.append(image);
    button.append(el('span', {}, element.date ? formatSlot(element) : element.title));
    if (element.subtitle) button.append(el('small', {}, element.subtitle));
    button.disabled = !onChoose;
    if (onChoose) button.addEventListener('click', () => onChoose(responseTo(options.answerAs || template, element, options.templateIdentifier), element.title || formatSlot(element)));
    box.append(button);
  });
  return box;
}

/**
 * The element for an interactive message. `onChoose(responseJson, label)` is called on a choice; without
 * it (the agent's view) the choices are shown but disabled. Unknown or broken templates show a note.
 */
export function renderInteractive(content, onChoose) {
  let template;
  try {
    template = JSON.parse(content);
  } catch {
    return el('div', { class: 'im-unknown' }, 'An interactive message this page cannot show.');
  }
  const data = (template && template.data && template.data.content) || {};
  const root = el('div', { class: 'im', 'data-testid': 'interactive', 'data-template': String(template.templateType) });
  switch (template.templateType) {
    case 'ListPicker':
    case 'Panel':
    case 'QuickReply':
      root.append(heading(data), choices(template, data.elements || [], onChoose));
      break;
    case 'TimePicker':
      root.append(heading(data), choices(template, data.timeslots || [], onChoose));
      break;
    case 'Carousel': {
      const track = el('div', { class: 'im-carousel' });
      (data.elements || []).forEach((panel) => {
        const card = el('div', { class: 'im-card', 'data-testid': 'carousel-panel' });
        const panelContent = (panel.data && panel.data.content) || {};
        card.append(heading(panelContent), choices(panel, panelContent.elements || [], onChoose, { answerAs: template, templateIdentifier: panel.templateIdentifier }));
        track.append(card);
      });
      root.append(heading(data), track);
      break;
    }
    default:
      root.append(el('div', { class: 'im-unknown' }, 'An interactive message this page cannot show.'));
  }
  return root;
}

/** A customer's response shows as the choice it made, not as JSON. */
export function responseLabel(content) {
  try {
    const chosen = JSON.parse(content).data.content;
    return chosen.timeslot ? formatSlot(chosen.timeslot) : String(chosen.title);
  } catch {
    return content;
  }
}

/** Once a choice is made, that message's buttons are done. */
export function disableChoices(root) {
  root.querySelectorAll('button.im-choice').forEach((button) => {
    button.disabled = true;
  });
}
