// The interactive message templates Amazon Connect defines for chat (its "message display templates"):
// what a flow or a bot sends as `application/vnd.amazonaws.connect.message.interactive`, and what the
// customer's choice goes back as (`…interactive.response`). Plain JSON shapes; builders and the parser
// live next door.

/** ContentType of a template message (sent by flows and bots, never by SendMessage). */
export const INTERACTIVE_CONTENT_TYPE = 'application/vnd.amazonaws.connect.message.interactive';
/** ContentType of the customer's answer to a template (SendMessage accepts it). */
export const INTERACTIVE_RESPONSE_CONTENT_TYPE = 'application/vnd.amazonaws.connect.message.interactive.response';

export type InteractiveTemplateType = 'ListPicker' | 'TimePicker' | 'Panel' | 'QuickReply' | 'Carousel';

/** An image shown with a title, element or reply message; `imageData` is the image's URL. */
export interface InteractiveImage {
  imageType?: 'URL';
  imageData?: string;
  imageDescription?: string;
}

/** What the chat shows once the customer chose (optional; title required when present). */
export interface InteractiveReplyMessage extends InteractiveImage {
  title: string;
  subtitle?: string;
}

/** One choice of a list picker, panel or quick reply. */
export interface InteractiveElement extends InteractiveImage {
  title: string;
  subtitle?: string;
}

export interface ListPickerContent extends InteractiveImage {
  title: string;
  subtitle?: string;
  /** 1 to 6 choices. */
  elements: InteractiveElement[];
}

export interface PanelContent extends InteractiveImage {
  title: string;
  subtitle?: string;
  /** 1 to 10 choices. */
  elements: InteractiveElement[];
}

export interface QuickReplyContent {
  title: string;
  /** 1 to 6 short choices. */
  elements: Array<Pick<InteractiveElement, 'title'>>;
}

export interface TimeSlot {
  /** Start, ISO 8601 with an offset, e.g. `2026-12-07T09:00+00:00`. */
  date: string;
  /** Length in minutes. */
  duration: number;
}

export interface TimePickerLocation {
  latitude: number;
  longitude: number;
  title: string;
  radius?: number;
}

export interface TimePickerContent {
  title: string;
  subtitle?: string;
  /** Minutes from UTC the slots are shown in. */
  timeZoneOffset?: number;
  location?: TimePickerLocation;
  /** 1 to 40 slots. */
  timeslots: TimeSlot[];
}

/** A panel inside a carousel names itself, so the answer says which panel was chosen from. */
export interface CarouselPanel {
  templateIdentifier: string;
  templateType: 'Panel';
  version: '1.0';
  data: { content: PanelContent; replyMessage?: InteractiveReplyMessage };
}

export interface CarouselContent {
  title: string;
  /** 2 to 5 panels. */
  elements: CarouselPanel[];
}

/** The envelope every template shares: its type, version 1.0, and `data` with content and an optional reply message. */
export interface TemplateOf<T extends InteractiveTemplateType, C> {
  templateType: T;
  version: '1.0';
  data: { content: C; replyMessage?: InteractiveReplyMessage };
}

export type ListPickerTemplate = TemplateOf<'ListPicker', ListPickerContent>;
export type TimePickerTemplate = TemplateOf<'TimePicker', TimePickerContent>;
export type PanelTemplate = TemplateOf<'Panel', PanelContent>;
export type QuickReplyTemplate = TemplateOf<'QuickReply', QuickReplyContent>;
export type CarouselTemplate = TemplateOf<'Carousel', CarouselContent>;

export type InteractiveTemplate = ListPickerTemplate | TimePickerTemplate | PanelTemplate | QuickReplyTemplate | CarouselTemplate;

/** The customer's choice: the template it answers and the chosen element's title (a slot's `date` for a time picker). */
export interface InteractiveResponse {
  templateType: InteractiveTemplateType;
  version: '1.0';
  /** The carousel panel chosen from, when the template was a carousel. */
  templateIdentifier?: string;
  data: { content: { title: string; subtitle?: string; timeslot?: TimeSlot } };
}

/** A message ready for `sendMessage({ contentType, message })` or a bot's send. */
export interface InteractiveMessage {
  contentType: string;
  content: string;
}
