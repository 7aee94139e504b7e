// GetTranscript's StartPosition, as the service wants it. No SDK import: the session's argument checks use it too.
import { isObject } from '../util/values.js';

/** Fields of StartPosition may be null or undefined; those are left out of the request. */
export interface StartPositionInput {
  Id?: string | null;
  AbsoluteTime?: string | null;
  MostRecent?: number | null;
}

/**
 * The StartPosition the service gets: only members that carry a value (the service wants `{}` for "none").
 * 5.0.0's declarations name the fields `id`, `absoluteTime`, `mostRecent`; the wire's PascalCase works too.
 */
export function stripStartPosition(position: StartPositionInput | Record<string, unknown> | null | undefined): {
  Id?: string;
  AbsoluteTime?: string;
  MostRecent?: number;
} {
  const out: { Id?: string; AbsoluteTime?: string; MostRecent?: number } = {};
  if (!isObject(position)) return out;
  const id = position.Id ?? position.id;
  const absoluteTime = position.AbsoluteTime ?? position.absoluteTime;
  const mostRecent = position.MostRecent ?? position.mostRecent;
  if (typeof id === 'string' && id) out.Id = id;
  if (typeof absoluteTime === 'string' && absoluteTime) out.AbsoluteTime = absoluteTime;
  if (typeof mostRecent === 'number') out.MostRecent = mostRecent;
  return out;
}
