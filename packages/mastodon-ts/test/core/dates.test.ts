import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DATELESS_FIELDS, parseDate, reviveDates } from "../../src/core/dates.ts";

const specFile = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../../shared/spec/entities.json");

test("date values: date-times, date-only at UTC midnight, UNIX-time strings, and null for the rest", () => {
  assert.equal(parseDate("2026-08-01T13:45:00.123Z")?.toISOString(), "2026-08-01T13:45:00.123Z");
  assert.equal(parseDate("2026-08-01T15:45:00+02:00")?.toISOString(), "2026-08-01T13:45:00.000Z");
  assert.equal(parseDate("2026-08-01")?.toISOString(), "2026-08-01T00:00:00.000Z");
  assert.equal(parseDate("1574553600")?.toISOString(), "2019-11-24T00:00:00.000Z");
  for (const bad of ["yesterday", "2026-13-45", "", "12:00", true, {}]) assert.equal(parseDate(bad), null, JSON.stringify(bad));
  const tag = reviveDates<{ name: string; history: Array<{ day: unknown; uses: unknown }>; created_at: unknown }>({ name: "cats", history: [{ day: "1574553600", uses: "3" }], created_at: "nope" });
  assert.ok(tag.history[0]?.day instanceof Date);
  assert.equal(tag.history[0]?.uses, "3");
  assert.equal(tag.created_at, null);
});

test("the fields the date walk skips never hold a date, per the entity spec", { skip: existsSync(specFile) ? false : `${specFile} is absent` }, () => {
  type Field = { field_type: string | null; field_subtype: string | null };
  const entities = JSON.parse(readFileSync(specFile, "utf8")) as Record<string, { fields: Record<string, Field> }>;
  const refs = (field: Field): string[] => `${field.field_type ?? ""} ${field.field_subtype ?? ""}`.match(/[A-Za-z_]+/g)?.filter((name) => name in entities) ?? [];
  const isDate = (field: Field): boolean => /datetime/.test(`${field.field_type} ${field.field_subtype}`);
  // Fixpoint: an entity holds dates if a field is a date or refers to an entity that holds dates.
  const dated = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, entity] of Object.entries(entities)) {
      if (dated.has(name)) continue;
      if (Object.values(entity.fields).some((f) => isDate(f) || refs(f).some((r) => dated.has(r)))) {
        dated.add(name);
        changed = true;
      }
    }
  }
  for (const key of DATELESS_FIELDS) {
    for (const [name, entity] of Object.entries(entities)) {
      const field = entity.fields[key];
      if (!field) continue;
      assert.ok(!isDate(field) && !refs(field).some((r) => dated.has(r)), `${name}.${key} can hold a date`);
    }
  }
});
