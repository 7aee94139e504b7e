// The two line formats of chatjs-behavior §5. Arguments arrive already redacted (see redact.ts).

/** The session a logger belongs to; printed as JSON at the end of each line. */
export interface LogMetadata {
  contactId?: string;
  participantId?: string;
  sessionType?: string;
  region?: string;
}

/** Level names as they start each line. */
export type LogLevelName = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'ADVANCED_LOG';

/** `LEVEL [<ISO time>] <prefix>: a1 a2 … <metadata JSON or "">`, for the console. */
export function formatConsoleLine(
  level: LogLevelName,
  prefix: string,
  args: readonly unknown[],
  metadata: LogMetadata | undefined,
  now: Date = new Date(),
): string {
  const text = args.map(argumentToText).join(' ');
  return `${level} [${now.toISOString()}] ${prefix}: ${text} ${metadataToJson(metadata)}`;
}

/** `LEVEL [<JSON of the arguments>] <metadata JSON>`, the one string an app's logger method receives. */
export function formatCustomLine(level: LogLevelName, args: readonly unknown[], metadata: LogMetadata | undefined): string {
  return `${level} ${safeJson(args)} ${metadataToJson(metadata)}`;
}

/** An argument as console text: toString(), JSON for plain objects, the stack for errors, "" for falsy values. */
export function argumentToText(arg: unknown): string {
  if (!arg) return '';
  if (arg instanceof Error) return arg.stack ?? `${arg.name}: ${arg.message}`;
  const text = toStringSafely(arg);
  return text === undefined || text.includes('[object Object]') ? safeJson(arg) : text;
}

function toStringSafely(arg: unknown): string | undefined {
  try {
    return String(arg);
  } catch {
    return undefined; // e.g. Object.create(null) has no toString
  }
}

function metadataToJson(metadata: LogMetadata | undefined): string {
  return metadata && Object.keys(metadata).length > 0 ? safeJson(metadata) : '';
}

/** JSON that never throws: errors become `{name, message, stack, …}`, functions and symbols their names. */
export function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, jsonReplacer) ?? String(value);
  } catch {
    return String(value);
  }
}

function jsonReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { ...value, name: value.name, message: value.message, stack: value.stack };
  if (typeof value === 'function') return `[Function ${value.name || 'anonymous'}]`;
  if (typeof value === 'bigint' || typeof value === 'symbol') return value.toString();
  return value;
}
