// Generates the entity types (packages/mastodon-ts/src/entities/*.ts) and the runtime entity
// schema used by the tests (packages/mastodon-ts/test/support/entity-schema.ts) from
// ../shared/spec/entities.json (Mastodon.py 2.2.2's entity model), corrected and completed by the
// tables of scripts/entity-overrides.mjs where the Mastodon 4.6 docs (../shared/mastodon-docs) and
// recorded Mastodon 4.6 responses (../shared/cassettes) show what servers really send.
// The output is committed; the build never needs ../shared. Run: node scripts/generate-entities.mjs
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AREAS, OVERRIDES, EXTRA_ENTITIES, ALIASES, DOCS, NAMED_ENUMS } from "./entity-overrides.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const specPath = join(root, "..", "shared", "spec", "entities.json");
const outDir = join(root, "packages", "mastodon-ts", "src", "entities");
const schemaPath = join(root, "packages", "mastodon-ts", "test", "support", "entity-schema.ts");

const spec = JSON.parse(readFileSync(specPath, "utf8"));
const areaOf = new Map(Object.entries(AREAS).flatMap(([area, names]) => Object.keys(names).map((n) => [n, area])));
for (const [name, extra] of Object.entries(EXTRA_ENTITIES)) areaOf.set(name, extra.area);
const isEntity = (name) => Boolean(spec[name] || EXTRA_ENTITIES[name]);
for (const name of Object.keys(spec)) if (!AREAS[areaOf.get(name)]?.[name]) throw new Error(`entity ${name} has no area in AREAS`);
for (const name of areaOf.keys()) if (!isEntity(name)) throw new Error(`AREAS names unknown entity ${name}`);
for (const key of Object.keys(OVERRIDES)) if (!spec[key.split(".")[0]]) throw new Error(`override for unknown entity: ${key}`);

/** A field in one form: type in entities.json syntax ("NonPaginatableList[Tag]", "Union[A, B]"). */
function field(type, { enum: values, nullable, optional, history, note, why }) {
  return { type, enum: values ? (Array.isArray(values) ? values : Object.keys(values)) : null,
    nullable: Boolean(nullable), optional: Boolean(optional), history, note, why };
}

/** Fields of an entity after OVERRIDES, as [name, field] pairs in wire order. */
function fieldsOf(entity) {
  const extra = EXTRA_ENTITIES[entity];
  if (extra) {
    const inherited = extra.base ? fieldsOf(extra.base).filter(([name]) =>
      (!extra.pick || extra.pick.includes(name)) && !extra.omit?.includes(name) && !extra.fields?.[name]) : [];
    const own = Object.entries(extra.fields ?? {}).map(([name, f]) =>
      [name, field(f.type, { ...f, history: [[f.since, "added"], ...(f.history ?? [])] })]);
    return [...inherited, ...own];
  }
  const fields = [];
  for (const [name, f] of Object.entries(spec[entity].fields)) {
    const o = OVERRIDES[`${entity}.${name}`] ?? {};
    if (o.omit) continue;
    const type = o.type ?? (f.field_subtype ? `${f.field_type}[${f.field_subtype}]` : f.field_type);
    fields.push([o.rename ?? name, field(type, { enum: o.enum ?? f.enum, nullable: o.nullable ?? f.is_nullable,
      optional: o.optional ?? f.is_optional, history: [...f.version_history, ...(o.history ?? [])], note: o.note, why: o.why })]);
  }
  for (const [key, o] of Object.entries(OVERRIDES)) {
    const [ent, name] = key.split(/\.(.*)/s);
    if (ent !== entity || spec[entity].fields[name]) continue;
    if (!o.since || !o.type) throw new Error(`new field ${key} needs since and type`);
    fields.push([name, field(o.type, { ...o, optional: o.optional ?? true, history: [[o.since, "added"], ...(o.history ?? [])] })]);
  }
  return fields;
}

/** Splits "Name[Args]" into its name and comma-separated arguments. */
function generic(type) {
  const m = /^(\w+)\[(.*)\]$/.exec(type);
  return m ? [m[1], m[2].split(/,\s*/)] : [type, []];
}

const SCALARS = { str: "string", int: "number", float: "number", bool: "boolean", datetime: "Date",
  IdType: "string", MaybeSnowflakeIdType: "string" };

/** The TypeScript type of a field (dates converted), collecting referenced entities in refs. */
function tsType(type, enumValues, refs) {
  const [name, args] = generic(type);
  const openEnum = enumValues && [...enumValues.map((v) => JSON.stringify(v)), "(string & {})"].join(" | ");
  const ref = (t) => {
    if (SCALARS[t]) return SCALARS[t];
    if (!isEntity(t)) throw new Error(`unknown type ${t}`);
    refs.add(t);
    return t;
  };
  if (name === "NonPaginatableList") return `${!args[0] ? "unknown" : openEnum ? `(${openEnum})` : ref(args[0])}[]`;
  if (openEnum) return openEnum;
  if (name === "AttribAccessDict") return `Record<string, ${args[1] ? ref(args[1]) : "unknown"}>`;
  if (name === "Union") return args.map(ref).join(" | ");
  return ref(name);
}

/** The wire type of a field for the test schema: JSON kinds, with "datetime" a string there. */
function wireType(type) {
  const [name, args] = generic(type);
  const scalar = { ...SCALARS, datetime: "datetime", AttribAccessDict: args[1] ? null : "object" }[name];
  if (scalar) return JSON.stringify(scalar);
  if (name === "NonPaginatableList") return `{ array: ${args[0] ? wireType(args[0]) : '"unknown"'} }`;
  if (name === "AttribAccessDict") return `{ record: ${wireType(args[1])} }`;
  if (name === "Union") return `{ oneOf: [${args.map(wireType).join(", ")}] }`;
  return `{ entity: ${JSON.stringify(name)} }`;
}

/** The version notes of a field, and why it differs from entities.json if it does. */
function docComment(f, indent) {
  const [[since], ...later] = f.history;
  const parts = [`Added in ${since}.`];
  const deprecated = later.find(([, note]) => /^(deprecated|removed)/.test(note));
  for (const [version, note] of later) if (note !== "deprecated") parts.push(`${version}: ${note.replace(/\.$/, "")}.`);
  if (f.note) parts.push(`${f.note.replace(/\.$/, "")}.`);
  if (f.why) parts.push(`Differs from entities.json: ${f.why}.`);
  if (deprecated) parts.push(`@deprecated since ${deprecated[0]}.`);
  return jsdoc(parts, indent);
}

/** A JSDoc comment: one line when short, else one part per line. */
function jsdoc(parts, indent = "") {
  const line = `${indent}/** ${parts.join(" ")} */`;
  return line.length <= 120 ? line : [`${indent}/**`, ...parts.map((p) => `${indent} * ${p}`), `${indent} */`].join("\n");
}

const propName = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
const HEADER = "// Generated by scripts/generate-entities.mjs from ../shared/spec/entities.json (with corrections\n"
  + "// from recorded server responses). Do not edit: change the generator, then run\n"
  + "// `node scripts/generate-entities.mjs` from the repository root.\n";
const entitiesIn = (area) => [...areaOf].filter(([, a]) => a === area).map(([name]) => name);

/** The named enum a field uses, if it is one of NAMED_ENUMS' fields. */
const namedEnumOf = (entity, field) => Object.keys(NAMED_ENUMS).find((name) => NAMED_ENUMS[name].fields.includes(`${entity}.${field}`));

/** A named enum, from its fields' values (which must agree), one member per line. */
function renderNamedEnum(name) {
  const [first, ...rest] = NAMED_ENUMS[name].fields.map((path) => {
    const [entity, field] = path.split(".");
    return fieldsOf(entity).find(([n]) => n === field)?.[1].enum;
  });
  if (!first || rest.some((values) => JSON.stringify(values) !== JSON.stringify(first))) throw new Error(`${name}: its fields' enums differ`);
  const members = [...first.map((v) => JSON.stringify(v)), "(string & {})"].map((m) => `  | ${m}`).join("\n");
  return `${jsdoc([NAMED_ENUMS[name].description])}\nexport type ${name} =\n${members};`;
}

function renderEntity(entity, refs) {
  const extra = EXTRA_ENTITIES[entity];
  const description = extra?.description ?? AREAS[areaOf.get(entity)][entity];
  const docs = extra?.docs ?? spec[entity]?.docs ?? DOCS[entity];
  const lines = [jsdoc([description, ...(docs ? [`See ${docs}.`] : [])])];
  const own = extra?.base ? fieldsOf(entity).filter(([name]) => Object.hasOwn(extra.fields ?? {}, name)) : fieldsOf(entity);
  let parent = "";
  if (extra?.base) {
    refs.add(extra.base);
    const keys = (list) => list.map((k) => JSON.stringify(k)).join(" | ");
    // With `omit`, fields redefined here are dropped from the base too, so their types may differ.
    const omit = extra.omit && [...extra.omit, ...own.map(([name]) => name).filter((n) => fieldsOf(extra.base).some(([b]) => b === n))];
    parent = extra.pick ? `Pick<${extra.base}, ${keys(extra.pick)}>` : omit ? `Omit<${extra.base}, ${keys(omit)}>` : extra.base;
    if (own.length === 0) return [...lines, `export type ${entity} = ${parent};`].join("\n");
  }
  lines.push(`export interface ${entity}${parent ? ` extends ${parent}` : ""} {`);
  for (const [name, f] of own) {
    const type = (namedEnumOf(entity, name) ?? tsType(f.type, f.enum, refs)) + (f.nullable ? " | null" : "");
    const declaration = `  ${propName(name)}${f.optional ? "?" : ""}: ${type};`;
    // Long open enums get one member per line.
    const list = /^\((.*)\)\[\]$/.exec(type)?.[1];
    const members = (list ?? type).split(" | ").map((m) => `    | ${m}`).join("\n");
    const wrapped = declaration.length <= 120 ? declaration
      : `  ${propName(name)}${f.optional ? "?" : ""}:${list ? ` (\n${members}\n  )[];` : `\n${members};`}`;
    lines.push(docComment(f, "  "), wrapped);
  }
  return [...lines, "}"].join("\n");
}

function renderArea(area) {
  const refs = new Set();
  const blocks = entitiesIn(area).map((entity) => renderEntity(entity, refs));
  const imports = new Map();
  for (const name of refs) {
    const from = areaOf.get(name);
    if (from !== area) imports.set(from, [...(imports.get(from) ?? []), name]);
  }
  const importLines = [...imports].sort().map(([from, names]) => `import type { ${names.sort().join(", ")} } from "./${from}.js";`);
  const aliases = Object.entries(ALIASES).filter(([, a]) => a.area === area)
    .map(([name, a]) => `/** Another name for ${a.of}. */\nexport type ${name} = ${a.of};`);
  const enums = Object.keys(NAMED_ENUMS).filter((name) => NAMED_ENUMS[name].area === area).map(renderNamedEnum);
  return [HEADER, ...(importLines.length ? [importLines.join("\n"), ""] : []), [...enums, ...blocks, ...aliases].join("\n\n")].join("\n") + "\n";
}

function renderSchema() {
  const out = [HEADER, `import type { EntitySchema } from "./check-entity.ts";`, "",
    "/** Every entity's fields as they appear on the wire; \"datetime\" is a string there, a Date once converted. */",
    "export const ENTITY_SCHEMA: EntitySchema = {"];
  for (const entity of areaOf.keys()) {
    out.push(`  ${entity}: {`);
    for (const [name, f] of fieldsOf(entity)) {
      const flags = `${f.nullable ? ", nullable: true" : ""}${f.optional ? ", optional: true" : ""}`;
      out.push(`    ${propName(name)}: { type: ${wireType(f.type)}${flags}, since: "${f.history[0][0]}" },`);
    }
    out.push("  },");
  }
  return [...out, "};", ""].join("\n");
}

mkdirSync(outDir, { recursive: true });
for (const file of readdirSync(outDir)) if (file.endsWith(".ts")) rmSync(join(outDir, file));
for (const area of Object.keys(AREAS)) writeFileSync(join(outDir, `${area}.ts`), renderArea(area));
const aliasesIn = (area) => [...Object.keys(NAMED_ENUMS).filter((name) => NAMED_ENUMS[name].area === area),
  ...Object.keys(ALIASES).filter((name) => ALIASES[name].area === area)];
const index = Object.keys(AREAS).map((area) =>
  `export type {\n  ${[...entitiesIn(area), ...aliasesIn(area)].join(",\n  ")},\n} from "./${area}.js";`);
writeFileSync(join(outDir, "index.ts"), [HEADER, "/** Types of every Mastodon entity, with the API's own field names. */", ...index, ""].join("\n"));
writeFileSync(schemaPath, renderSchema());
const fieldCount = [...areaOf.keys()].reduce((n, e) => n + fieldsOf(e).length, 0);
console.log(`${areaOf.size} entities (${Object.keys(spec).length} from entities.json), ${fieldCount} fields, ${Object.keys(OVERRIDES).length} overrides`);
