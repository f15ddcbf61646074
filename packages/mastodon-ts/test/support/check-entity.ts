/**
 * Checks a value against the entity schema generated from ../shared/spec/entities.json
 * (scripts/generate-entities.mjs): unknown fields, wrong JSON types, null where the field is not
 * nullable, missing required fields, recursing into nested entities. Returns the problems found.
 */
import { ENTITY_SCHEMA } from "./entity-schema.ts";

/**
 * A field's type as JSON carries it. "datetime" is a string on the wire (ISO 8601, a date, or UNIX
 * seconds) and a Date once the client has converted it; "object" is a free-form dictionary;
 * `record` is a dictionary of values of one type; `oneOf` is a union.
 */
export type WireType =
  | "string" | "number" | "boolean" | "datetime" | "object" | "unknown"
  | { readonly entity: string }
  | { readonly array: WireType }
  | { readonly record: WireType }
  | { readonly oneOf: readonly WireType[] };

export interface FieldSchema {
  readonly type: WireType;
  readonly nullable?: boolean;
  readonly optional?: boolean;
  /** The Mastodon version that added the field. */
  readonly since: string;
}

export type EntitySchema = Readonly<Record<string, Readonly<Record<string, FieldSchema>>>>;

export interface CheckOptions {
  /** True for what the client returns (datetime fields are Date, or null if unparseable), false for raw JSON. */
  readonly datesConverted: boolean;
  /** The server's version, when older than the types: fields added after it may be missing. */
  readonly serverVersion?: string;
  /** Called with each entity name checked, to measure coverage. */
  readonly onEntity?: (name: string) => void;
}

/** Returns the problems of `value` as an instance of entity `name`, each prefixed with its path. */
export function checkEntity(name: string, value: unknown, options: CheckOptions, path = name): string[] {
  const fields = ENTITY_SCHEMA[name];
  if (!fields) return [`${path}: no entity named ${name}`];
  if (!isPlainObject(value)) return [`${path}: should be an object (${name}), got ${describe(value)}`];
  options.onEntity?.(name);
  const problems: string[] = [];
  // Each problem reads "<path>: <Entity.field> <what is wrong>", so problems group by entity field.
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(fields, key)) problems.push(`${path}.${key}: ${name}.${key} is not a known field (value ${preview(value[key])})`);
  }
  for (const [key, field] of Object.entries(fields)) {
    const at = { path: `${path}.${key}`, field: `${name}.${key}` };
    if (!Object.hasOwn(value, key)) {
      if (!field.optional && !newerThan(field.since, options.serverVersion)) problems.push(`${at.path}: ${at.field} is required but missing`);
      continue;
    }
    const fieldValue = value[key];
    if (fieldValue === null) {
      // The client turns a date it cannot parse into null, whatever the field's nullability.
      const unparsedDate = options.datesConverted && field.type === "datetime";
      if (!field.nullable && !unparsedDate) problems.push(`${at.path}: ${at.field} is null but not nullable`);
      continue;
    }
    problems.push(...checkType(field.type, fieldValue, options, at));
  }
  return problems;
}

/** Where a value sits: its path in the checked value, and the entity field that declares it. */
interface At { readonly path: string; readonly field: string }

function checkType(type: WireType, value: unknown, options: CheckOptions, at: At): string[] {
  if (typeof type === "string") return checkScalar(type, value, options, at);
  if ("array" in type) {
    if (!Array.isArray(value)) return [`${at.path}: ${at.field} should be an array, got ${describe(value)}`];
    return value.flatMap((item, i) => checkType(type.array, item, options, { ...at, path: `${at.path}[${i}]` }));
  }
  if ("record" in type) {
    if (!isPlainObject(value)) return [`${at.path}: ${at.field} should be an object, got ${describe(value)}`];
    return Object.entries(value).flatMap(([k, v]) => checkType(type.record, v, options, { ...at, path: `${at.path}.${k}` }));
  }
  if ("oneOf" in type) return checkUnion(type.oneOf, value, options, at);
  return checkEntity(type.entity, value, options, at.path);
}

/**
 * A union passes when one member fits. Otherwise the member that fits best at this level (fewest
 * problems directly on the value, then fewest overall) is taken to be the intended one.
 */
function checkUnion(members: readonly WireType[], value: unknown, options: CheckOptions, at: At): string[] {
  let best: { problems: string[]; seen: string[]; score: [number, number] } | undefined;
  for (const member of members) {
    const seen: string[] = [];
    const problems = checkType(member, value, { ...options, onEntity: (n) => seen.push(n) }, at);
    const direct = problems.filter((p) => /^(:|\.[^.[:]+:)/.test(p.slice(at.path.length))).length;
    const score: [number, number] = [direct, problems.length];
    if (!best || score[0] < best.score[0] || (score[0] === best.score[0] && score[1] < best.score[1])) {
      best = { problems, seen, score };
    }
    if (problems.length === 0) break;
  }
  for (const name of best?.seen ?? []) options.onEntity?.(name);
  return best?.problems ?? [];
}

function checkScalar(type: Exclude<WireType, object>, value: unknown, options: CheckOptions, at: At): string[] {
  const wrong = (expected: string) => [`${at.path}: ${at.field} should be ${expected}, got ${describe(value)}`];
  switch (type) {
    case "unknown":
      return [];
    case "object":
      return isPlainObject(value) ? [] : wrong("an object");
    case "datetime":
      if (!options.datesConverted) return typeof value === "string" ? [] : wrong("a date string");
      if (!(value instanceof Date)) return wrong("a Date");
      return Number.isNaN(value.getTime()) ? wrong("a valid Date") : [];
    default:
      return typeof value === type ? [] : wrong(`a ${type}`);
  }
}

/** True when `version` is later than `server` (a missing server version is the latest). */
function newerThan(version: string, server: string | undefined): boolean {
  if (!server) return false;
  const [a, b] = [version, server].map((v) => v.split(/[.-]/).slice(0, 3).map(Number));
  for (let i = 0; i < 3; i++) if ((a?.[i] ?? 0) !== (b?.[i] ?? 0)) return (a?.[i] ?? 0) > (b?.[i] ?? 0);
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : "Date";
  return `${typeof value} ${preview(value)}`;
}

function preview(value: unknown): string {
  const text = value instanceof Date ? String(value) : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
