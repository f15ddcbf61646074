/**
 * Checks a call's result against its declared type, with dates as `Date`.
 *
 * Problems are split by whose they are. The client only parses JSON and converts dates, so a
 * problem about a Date (a date left as a string, an invalid Date, a Date where none belongs) or
 * about the shape of the whole result is the client's. Any other problem (an unknown field, a
 * missing one, a JSON type) is in the server's response itself: a gap of the entity schema
 * (test/support/entity-schema.ts), reported as a note, not as a client failure.
 */
import { checkEntity } from "../support/check-entity.ts";
import { ENTITY_SCHEMA } from "../support/entity-schema.ts";

export interface ResultProblems {
  readonly client: string[];
  readonly schema: string[];
}

const ISO_DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/;

/** *_at fields that Mastodon.py's entity model declares as plain strings (AccountField.verified_at, AdminIp.used_at). */
const STRING_AT_FIELDS = new Set(Object.values(ENTITY_SCHEMA).flatMap((fields) =>
  Object.entries(fields).filter(([name, field]) => name.endsWith("_at") && field.type === "string").map(([name]) => name)));

/**
 * Date-time strings left in fields named *_at: dates the client should have converted, also in
 * fields the schema does not know yet; except the fields the entity model declares as strings.
 */
function unconvertedDates(value: unknown, path: string, out: string[], depth = 0): void {
  if (depth > 12 || value === null || typeof value !== "object" || value instanceof Date) return;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const itemPath = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
    if (typeof item === "string" && key.endsWith("_at") && !STRING_AT_FIELDS.has(key) && ISO_DATE_TIME.test(item)) {
      out.push(`${itemPath}: date-time left as the string ${JSON.stringify(item)}`);
    } else {
      unconvertedDates(item, itemPath, out, depth + 1);
    }
  }
}

function isClientProblem(problem: string): boolean {
  return /\bDate\b/.test(problem);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "a Date";
  return typeof value;
}

function checkSpec(spec: string, value: unknown, path: string): string[] {
  if (spec === "any") return [];
  const union = spec.split("|");
  if (union.length > 1) {
    const results = union.map((member) => checkSpec(member, value, path));
    return results.reduce((best, next) => (next.length < best.length ? next : best));
  }
  if (spec === "null") return value === null ? [] : [`${path}: expected null, got ${describe(value)}`];
  if (spec === "string" || spec === "number" || spec === "boolean") {
    return typeof value === spec ? [] : [`${path}: expected ${spec}, got ${describe(value)}`];
  }
  if (spec === "date") return value instanceof Date && !Number.isNaN(value.getTime()) ? [] : [`${path}: expected a valid Date, got ${describe(value)}`];
  if (spec.startsWith("[") && spec.endsWith("]")) {
    const members = spec.slice(1, -1).split(",");
    if (!Array.isArray(value) || value.length !== members.length) return [`${path}: expected a ${members.length}-tuple, got ${describe(value)}`];
    return members.flatMap((member, i) => checkSpec(member.trim(), value[i], `${path}[${i}]`));
  }
  if (spec.endsWith("[]")) {
    if (!Array.isArray(value)) return [`${path}: expected an array, got ${describe(value)} (result shape)`];
    return value.flatMap((item, i) => checkSpec(spec.slice(0, -2), item, `${path}[${i}]`));
  }
  const record = /^Record<(.+)>$/.exec(spec);
  if (record) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return [`${path}: expected an object, got ${describe(value)} (result shape)`];
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => checkSpec(record[1] ?? "any", item, `${path}.${key}`));
  }
  if (!ENTITY_SCHEMA[spec]) return [`${path}: the call table names an unknown entity ${spec}`];
  if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof Date) {
    return [`${path}: expected ${spec} object, got ${describe(value)} (result shape)`];
  }
  return checkEntity(spec, value, { datesConverted: true }, path);
}

/** Checks `value` against a declared type such as "Status", "Status[]", "PreviewCard|null", "Record<Marker>". */
export function checkResult(spec: string, value: unknown): ResultProblems {
  const problems = checkSpec(spec, value, "result");
  const client = problems.filter((p) => isClientProblem(p) || p.endsWith("(result shape)") || p.includes("unknown entity"));
  const schema = problems.filter((p) => !client.includes(p));
  const unconverted: string[] = [];
  if (spec !== "any") unconvertedDates(value, "result", unconverted);
  for (const problem of unconverted) {
    const path = problem.slice(0, problem.indexOf(":"));
    if (!problems.some((p) => p.startsWith(`${path}:`))) client.push(problem);
  }
  return { client: [...new Set(client)], schema };
}
