/**
 * Parsed JSON as the core reads it: plain objects only, and keys that are only ever keys (a
 * registry or host named `__proto__`, `constructor` or `toString` is data, never a property of
 * Object.prototype).
 */

/** Whether `value` is a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Parses a JSON object; undefined for anything else (not JSON, an array, a string…). */
export function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `key` is `object`'s own property (never one inherited, such as `constructor`). */
export function hasOwn(object: Record<string, unknown> | undefined, key: string): boolean {
  return object !== undefined && Object.prototype.hasOwnProperty.call(object, key);
}

/** `object[key]` when it is `object`'s own property, else undefined. */
export function own(object: Record<string, unknown> | undefined, key: string): unknown {
  return hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

/** Sets `object[key]` as an own property, whatever the key (`__proto__` included). */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A record without a prototype: every key is its own. */
export function nullRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The string values of `value`, in a record without a prototype. */
export function stringRecord(value: Record<string, unknown>): Record<string, string> {
  const record = nullRecord<string>();
  for (const [key, entry] of Object.entries(value)) if (typeof entry === 'string') record[key] = entry;
  return record;
}

/** Whether two JSON values are the same (as serialised). */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
