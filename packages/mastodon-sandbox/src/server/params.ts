// Request parameters the way Rails sees them: the query string and the body (form, JSON or
// multipart) merged into one nested hash, with Rack's bracket conventions
// (`key[]`, `key[sub]`, `key[0][sub]`) and ActiveModel's boolean casting.

export class UploadedFile {
  constructor(
    readonly filename: string,
    readonly contentType: string,
    readonly data: Uint8Array<ArrayBuffer>,
  ) {}
}

export type ParamValue = string | number | boolean | null | UploadedFile | ParamValue[] | ParamObject;
export interface ParamObject {
  [key: string]: ParamValue;
}

function isObject(value: ParamValue | undefined): value is ParamObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof UploadedFile);
}

/** Splits `a[b][]` into ["a", "b", ""]. Malformed keys keep their raw text as one segment. */
function splitKey(key: string): string[] {
  const open = key.indexOf("[");
  if (open <= 0) return [key];
  const segments = [key.slice(0, open)];
  const pattern = /\[([^\]]*)\]/g;
  let match: RegExpExecArray | null;
  let consumed = open;
  while ((match = pattern.exec(key)) !== null) {
    if (match.index !== consumed) return [key];
    segments.push(match[1] ?? "");
    consumed = pattern.lastIndex;
  }
  return consumed === key.length ? segments : [key];
}

/** Rack's normalize_params, limited to a sane nesting depth. */
function assign(container: ParamObject, segments: string[], value: ParamValue, depth = 0): void {
  const [head, ...rest] = segments;
  if (head === undefined || depth > 32) return;
  if (rest.length === 0) {
    container[head] = value;
    return;
  }
  if (rest[0] === "") {
    const existing = container[head];
    const list: ParamValue[] = Array.isArray(existing) ? existing : [];
    container[head] = list;
    if (rest.length === 1) {
      list.push(value);
      return;
    }
    // `a[][x]`: fill the last hash until a key repeats, then start a new one.
    const last = list[list.length - 1];
    const nestedKey = rest[1] ?? "";
    if (isObject(last) && !(nestedKey in last)) {
      assign(last, rest.slice(1), value, depth + 1);
    } else {
      const fresh: ParamObject = {};
      list.push(fresh);
      assign(fresh, rest.slice(1), value, depth + 1);
    }
    return;
  }
  const existing = container[head];
  const child: ParamObject = isObject(existing) ? existing : {};
  container[head] = child;
  assign(child, rest, value, depth + 1);
}

export function paramsFromEntries(entries: Iterable<[string, ParamValue]>, into: ParamObject = {}): ParamObject {
  for (const [key, value] of entries) assign(into, splitKey(key), value);
  return into;
}

/** JSON bodies are already nested; only their top level must be an object. */
export function paramsFromJson(value: unknown): ParamObject | undefined {
  const converted = fromJson(value, 0);
  return isObject(converted) ? converted : undefined;
}

function fromJson(value: unknown, depth: number): ParamValue {
  if (depth > 32) return null;
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map((item) => fromJson(item, depth + 1));
  if (typeof value === "object") {
    const result: ParamObject = {};
    for (const [key, item] of Object.entries(value)) result[key] = fromJson(item, depth + 1);
    return result;
  }
  return null;
}

const FALSE_VALUES = new Set(["false", "0", "f", "off", "no", "n"]);

/** Typed, read-only access to a parameter hash. Wrong types read as "absent", never throw. */
export class Params {
  constructor(readonly raw: ParamObject = {}) {}

  has(key: string): boolean {
    return this.raw[key] !== undefined;
  }

  str(key: string): string | undefined {
    return scalarToString(this.raw[key]);
  }

  /** ActiveModel boolean casting: "", null and absent are undefined; "0", "false", "f", "off" are false. */
  bool(key: string): boolean | undefined {
    const value = this.raw[key];
    if (typeof value === "boolean") return value;
    if (typeof value === "number") return value !== 0;
    if (typeof value !== "string" || value === "") return undefined;
    return !FALSE_VALUES.has(value.toLowerCase());
  }

  int(key: string): number | undefined {
    const text = this.str(key);
    if (text === undefined || !/^\s*-?\d+(\.\d+)?\s*$/.test(text)) return undefined;
    const value = Math.trunc(Number(text));
    return Number.isSafeInteger(value) ? value : undefined;
  }

  num(key: string): number | undefined {
    const text = this.str(key);
    if (text === undefined || text.trim() === "") return undefined;
    const value = Number(text);
    return Number.isFinite(value) ? value : undefined;
  }

  /** A list from `key[]=a&key[]=b`, `key[0]=a`, a JSON array, or a single value. */
  list(key: string): string[] {
    const value = this.raw[key] ?? this.raw[`${key}[]`];
    return listOf(value)
      .map(scalarToString)
      .filter((item): item is string => item !== undefined);
  }

  /** A list of hashes, e.g. `fields_attributes[0][name]` or `media_attributes[][id]`. */
  objects(key: string): Params[] {
    return listOf(this.raw[key])
      .filter(isObject)
      .map((item) => new Params(item));
  }

  obj(key: string): Params | undefined {
    const value = this.raw[key];
    return isObject(value) ? new Params(value) : undefined;
  }

  file(key: string): UploadedFile | undefined {
    const value = this.raw[key];
    return value instanceof UploadedFile ? value : undefined;
  }
}

function listOf(value: ParamValue | undefined): ParamValue[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  if (isObject(value)) {
    // Rails treats {"0": ..., "1": ...} as an indexed list.
    return Object.keys(value)
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => value[k])
      .filter((item): item is ParamValue => item !== undefined);
  }
  return [value];
}

function scalarToString(value: ParamValue | undefined): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}
