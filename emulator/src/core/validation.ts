// Field checks for request bodies. Each check throws the service's 400 naming the field, so a
// handler reads as a list of the model's constraints.
import { InvalidFieldError, validationError } from './errors';

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A websocket frame's text as a JSON object; undefined for anything else (such frames are ignored). */
export function parseJsonFrame(data: { toString(): string }): JsonObject | undefined {
  try {
    const parsed: unknown = JSON.parse(data.toString());
    return isJsonObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An optional string member of a control API body (absent or null: undefined); anything else is the
 * control API's 400 naming the field. `nonEmpty` refuses the empty string too.
 */
export function optionalString(body: JsonObject, field: string, rule: 'any' | 'nonEmpty' = 'any'): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (rule === 'nonEmpty' && value === '') throw validationError(`${field} must be a non-empty string`);
  if (typeof value !== 'string') throw validationError(`${field} must be a ${rule === 'nonEmpty' ? 'non-empty ' : ''}string`);
  return value;
}

/** Reads typed fields out of one JSON object; `prefix` names nested members (`ParticipantDetails.DisplayName`). */
export class FieldReader {
  constructor(
    private readonly body: JsonObject,
    private readonly invalid: InvalidFieldError,
    private readonly prefix = '',
  ) {}

  private name(field: string): string {
    return this.prefix + field;
  }

  private has(field: string): boolean {
    return this.body[field] !== undefined && this.body[field] !== null;
  }

  /** A required string with a length range. */
  string(field: string, min: number, max: number): string {
    if (!this.has(field)) throw this.invalid(this.name(field), 'Member must not be null');
    return this.checkString(field, min, max);
  }

  optionalString(field: string, min: number, max: number): string | undefined {
    return this.has(field) ? this.checkString(field, min, max) : undefined;
  }

  private checkString(field: string, min: number, max: number): string {
    const value = this.body[field];
    if (typeof value !== 'string') throw this.invalid(this.name(field), 'Member must be a string');
    if (value.length < min) throw this.invalid(this.name(field), `Member must have length greater than or equal to ${min}`);
    if (value.length > max) throw this.invalid(this.name(field), `Member must have length less than or equal to ${max}`);
    return value;
  }

  /** A required string that must be one of `allowed`. */
  oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    if (!this.has(field)) throw this.invalid(this.name(field), 'Member must not be null');
    return this.checkEnum(field, allowed);
  }

  optionalOneOf<T extends string>(field: string, allowed: readonly T[]): T | undefined {
    return this.has(field) ? this.checkEnum(field, allowed) : undefined;
  }

  private checkEnum<T extends string>(field: string, allowed: readonly T[]): T {
    const value = this.body[field];
    if (typeof value !== 'string' || !allowed.includes(value as T)) {
      throw this.invalid(this.name(field), `Member must satisfy enum value set: [${allowed.join(', ')}]`);
    }
    return value as T;
  }

  /** An optional integer in [min, max]. */
  optionalInteger(field: string, min: number, max: number): number | undefined {
    return this.has(field) ? this.integer(field, min, max) : undefined;
  }

  integer(field: string, min: number, max: number): number {
    const value = this.body[field];
    if (!this.has(field)) throw this.invalid(this.name(field), 'Member must not be null');
    if (typeof value !== 'number' || !Number.isInteger(value)) throw this.invalid(this.name(field), 'Member must be an integer');
    if (value < min) throw this.invalid(this.name(field), `Member must have value greater than or equal to ${min}`);
    if (value > max) throw this.invalid(this.name(field), `Member must have value less than or equal to ${max}`);
    return value;
  }

  optionalBoolean(field: string): boolean | undefined {
    if (!this.has(field)) return undefined;
    const value = this.body[field];
    if (typeof value !== 'boolean') throw this.invalid(this.name(field), 'Member must be a boolean');
    return value;
  }

  /** An optional list of strings with list-length and item-length ranges. */
  optionalStringList(field: string, minItems: number, maxItems: number, itemMin: number, itemMax: number): string[] | undefined {
    if (!this.has(field)) return undefined;
    return this.stringList(field, minItems, maxItems, itemMin, itemMax);
  }

  stringList(field: string, minItems: number, maxItems: number, itemMin: number, itemMax: number): string[] {
    if (!this.has(field)) throw this.invalid(this.name(field), 'Member must not be null');
    const value = this.body[field];
    if (!Array.isArray(value)) throw this.invalid(this.name(field), 'Member must be a list');
    if (value.length < minItems) throw this.invalid(this.name(field), `Member must have length greater than or equal to ${minItems}`);
    if (value.length > maxItems) throw this.invalid(this.name(field), `Member must have length less than or equal to ${maxItems}`);
    value.forEach((entry) => {
      if (typeof entry !== 'string' || entry.length < itemMin || entry.length > itemMax) {
        throw this.invalid(this.name(field), `Member must contain strings of length ${itemMin}..${itemMax}`);
      }
    });
    return value as string[];
  }

  /** A nested structure, read with its own FieldReader; undefined when absent. */
  optionalObject(field: string): FieldReader | undefined {
    if (!this.has(field)) return undefined;
    return this.object(field);
  }

  object(field: string): FieldReader {
    if (!this.has(field)) throw this.invalid(this.name(field), 'Member must not be null');
    const value = this.body[field];
    if (!isJsonObject(value)) throw this.invalid(this.name(field), 'Member must be a structure');
    return new FieldReader(value, this.invalid, `${this.name(field)}.`);
  }

  /** The raw value, for maps the caller checks itself. */
  raw(field: string): unknown {
    return this.body[field];
  }

  isEmpty(): boolean {
    return Object.values(this.body).every((value) => value === undefined || value === null);
  }
}
