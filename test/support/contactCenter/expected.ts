// The scenarios' expected sequences, shared by the runs with this SDK and with amazon-connect-chatjs 5.0.0.

export const RESPONSE_TYPE = 'application/vnd.amazonaws.connect.message.interactive.response';
export const INTERACTIVE_TYPES = ['text/plain', 'text/markdown', 'application/vnd.amazonaws.connect.message.interactive', RESPONSE_TYPE];

/**
 * The customer's side of the demo flow: greeting, every template, the handover and the agent joining.
 * (With an agent already Available the contact is offered at once: no queue-position message comes.)
 */
export const DEMO_FLOW_CUSTOMER = [
  'CUSTOMER participant.joined',
  'SYSTEM BOT: Hi Ana! I am the demo bot.',
  'SYSTEM BOT: [ListPicker]',
  'CUSTOMER Ana: <chose Track an order>',
  'SYSTEM BOT: [Panel]',
  'CUSTOMER Ana: <chose Web shop>',
  'SYSTEM BOT: Your order is on its way and arrives tomorrow.',
  'SYSTEM BOT: [QuickReply]',
  'CUSTOMER Ana: <chose Show the menu>',
  'SYSTEM BOT: [ListPicker]',
  'CUSTOMER Ana: <chose Book a visit>',
  'SYSTEM BOT: [TimePicker]',
  'SYSTEM BOT: [QuickReply]',
  'CUSTOMER Ana: <chose Show the menu>',
  'SYSTEM BOT: [ListPicker]',
  'CUSTOMER Ana: <chose Compare plans>',
  'SYSTEM BOT: [Carousel]',
  'CUSTOMER Ana: <chose Choose Plus>',
  'SYSTEM BOT: Good choice: Plus.',
  'SYSTEM BOT: [QuickReply]',
  'CUSTOMER Ana: <chose Talk to an agent>',
  'SYSTEM SYSTEM_MESSAGE: Thanks! Connecting you to an agent.',
  'AGENT participant.joined',
];

/** Idle timers after the agent joined: idle, returned on a message, idle again, then auto-disconnect. */
export const TIMEOUT_CUSTOMER = [
  'CUSTOMER participant.idle',
  'CUSTOMER Ana: I am back',
  'CUSTOMER participant.returned',
  'CUSTOMER participant.idle',
  'CUSTOMER participant.autodisconnection',
  'AGENT participant.left',
  'SERVICE chat.ended',
];
