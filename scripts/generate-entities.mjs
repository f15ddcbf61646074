// Generates the entity types (packages/mastodon-ts/src/entities/*.ts) and the runtime entity
// schema used by the tests (packages/mastodon-ts/test/support/entity-schema.ts) from
// ../shared/spec/entities.json (Mastodon.py 2.2.2's entity model), corrected by OVERRIDES below
// where recorded Mastodon 4.6 responses (../shared/cassettes) show what servers really send.
// The output is committed; the build never needs ../shared. Run: node scripts/generate-entities.mjs
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const specPath = join(root, "..", "shared", "spec", "entities.json");
const outDir = join(root, "packages", "mastodon-ts", "src", "entities");
const schemaPath = join(root, "packages", "mastodon-ts", "test", "support", "entity-schema.ts");

// Which file each entity goes to, with a one-line description (docs.joinmastodon.org/entities/).
const AREAS = {
  accounts: {
    Account: "A user profile, local or remote, with its counters and profile metadata.",
    AccountField: "One name/value pair of the metadata table on a profile.",
    Role: "A role that grants a user permissions on the server.",
    CredentialAccountSource: "The raw, editable profile data and posting defaults of the logged-in user.",
    Relationship: "How the logged-in user relates to another account (follows, blocks, mutes, ...).",
    FamiliarFollowers: "Accounts you follow that also follow a given account.",
    FeaturedTag: "A hashtag featured on a profile.",
    Suggestion: "An account suggested for following, with why it was suggested.",
    IdentityProof: "A proof that links an account to an identity elsewhere (removed from Mastodon).",
    Preferences: "The user's preferences, keyed by namespaced preference names.",
    AccountCreationError: "Why a sign-up through the API was refused.",
    AccountCreationErrorDetails: "Sign-up errors, per submitted parameter.",
    AccountCreationErrorDetailsField: "One sign-up error on one parameter.",
  },
  statuses: {
    Status: "A post, with its author, content, media and the user's interactions with it.",
    Quote: "A quote of another post, with the quoted post embedded.",
    ShallowQuote: "A quote of another post, referring to the quoted post by id only.",
    QuoteApproval: "Who may quote a post, and whether the logged-in user may.",
    StatusEdit: "One revision of an edited post.",
    StatusMention: "An account mentioned in a post.",
    StatusSource: "The plain-text source of a post, for editing.",
    ScheduledStatus: "A post scheduled for later publication.",
    ScheduledStatusParams: "The parameters a scheduled post will be published with.",
    Poll: "A poll attached to a post.",
    PollOption: "One choice of a poll.",
    Context: "The posts above and below a post in its thread.",
    Translation: "A machine translation of a post.",
    Conversation: "A direct-message thread with its participants.",
    Tag: "A hashtag, with its recent usage.",
    TagHistory: "Usage of a hashtag on one day.",
    CustomEmoji: "A custom emoji of a server.",
  },
  media: {
    MediaAttachment: "A file (image, video, audio) attached to a post.",
    MediaAttachmentMetadataContainer: "The metadata of an attachment: original and preview sizes, focus, colours.",
    MediaAttachmentImageMetadata: "Size information about an image or a preview.",
    MediaAttachmentVideoMetadata: "Size and timing information about a video.",
    MediaAttachmentAudioMetadata: "Timing information about an audio file.",
    MediaAttachmentFocusPoint: "The focal point of an image, each coordinate from -1.0 to 1.0.",
    MediaAttachmentColors: "The dominant colours of an image.",
    PreviewCard: "A rich preview of a link (also a trending link).",
    TrendingLinkHistory: "How much a trending link was shared on one day.",
    PreviewCardAuthor: "An author credited on a link preview.",
  },
  filters: {
    Filter: "A v1 keyword filter (Mastodon 2.4.3 to 3.x; still served as V1::Filter).",
    FilterV2: "A v2 filter: a titled group of keywords and posts with one action.",
    FilterKeyword: "A keyword matched by a v2 filter.",
    FilterStatus: "A single post matched by a v2 filter.",
    FilterResult: "Why a post matched one of the user's filters.",
  },
  notifications: {
    Notification: "Something that happened to the user: a mention, a follow, a boost, ...",
    GroupedNotificationsResults: "A page of grouped notifications, with the accounts and posts they refer to.",
    NotificationGroup: "Notifications of one kind about one subject, grouped together.",
    PartialAccountWithAvatar: "The few account fields needed to show an avatar in a notification group.",
    NotificationPolicy: "How the user wants notifications from various sources handled.",
    NotificationPolicySummary: "Counts of filtered notifications and requests.",
    NotificationRequest: "Filtered notifications from one account, waiting for the user's decision.",
    UnreadNotificationsCount: "The number of unread notifications.",
    RelationshipSeveranceEvent: "Follow relationships cut by a moderation action or a domain block.",
    AccountWarning: "A moderation warning or action taken against the user.",
    Appeal: "The user's appeal of a moderation decision.",
  },
  instance: {
    Instance: "Server information, v1 form (GET /api/v1/instance).",
    InstanceConfiguration: "Limits and settings of a server, v1 form.",
    InstanceURLs: "URLs of a server, v1 form.",
    InstanceStatistics: "Counters of a server, v1 form.",
    InstanceV2: "Server information, v2 form (GET /api/v2/instance).",
    InstanceConfigurationV2: "Limits and settings of a server, v2 form.",
    InstanceURLsV2: "URLs of a server, v2 form.",
    InstanceIcon: "A server icon at one size.",
    InstanceVapidKey: "The public key for Web Push.",
    InstanceThumbnail: "The server's banner image.",
    InstanceThumbnailVersions: "Banner image URLs at higher resolutions.",
    InstanceUsage: "Usage figures of a server.",
    InstanceUsageUsers: "User activity figures of a server.",
    InstanceRegistrations: "How sign-up works on a server.",
    InstanceContact: "Who to contact about a server.",
    InstanceAccountConfiguration: "Limits on profiles.",
    InstanceStatusConfiguration: "Limits on posts.",
    InstanceTranslationConfiguration: "Whether the server can translate posts.",
    InstanceMediaConfiguration: "Limits on media uploads.",
    InstancePollConfiguration: "Limits on polls.",
    InstanceTimelinesAccessConfiguration: "Who may see the server's live and topic feeds.",
    InstanceTimelinesAccessFeedConfiguration: "Who may see one kind of feed, for local and remote posts.",
    InstanceAnnualReportCampaign: "The server's current year-in-review campaign.",
  },
  server: {
    Rule: "One rule of a server.",
    RuleTranslation: "A rule in another language.",
    Activity: "Activity figures of a server for one week.",
    DomainBlock: "A domain the server has blocked, as published to everyone.",
    ExtendedDescription: "The server's long description.",
    SupportedLocale: "A language the server's interface supports.",
    TermsOfService: "A version of the server's terms of service.",
    Nodeinfo: "The NodeInfo 2.0 document of a server (nodeinfo.diaspora.software).",
    NodeinfoSoftware: "The software a server runs.",
    NodeinfoServices: "Third-party services a server connects to.",
    NodeinfoUsage: "Usage figures from NodeInfo.",
    NodeinfoUsageUsers: "User figures from NodeInfo.",
    NodeinfoMetadata: "Free-form server metadata from NodeInfo.",
  },
  admin: {
    AdminAccount: "An account as moderators see it, with e-mail, IPs and moderation state.",
    AdminIp: "An IP address an account has used.",
    AdminReport: "A report as moderators see it.",
    AdminMeasure: "A metric over a period, from the admin dashboard.",
    AdminMeasureData: "A metric's value on one day.",
    AdminDimension: "A breakdown of server data (languages, servers, software, ...).",
    AdminDimensionData: "One entry of a breakdown.",
    AdminRetention: "A cohort of users who signed up in one period, and how many stayed.",
    AdminCohort: "Retention of a cohort at one point in time.",
    AdminDomainBlock: "A federation block on a domain, as moderators see it.",
    AdminDomainAllow: "A domain allowed to federate in allow-list mode.",
    AdminCanonicalEmailBlock: "A blocked e-mail address, stored as a hash.",
    AdminEmailDomainBlock: "A blocked e-mail domain.",
    AdminEmailDomainBlockHistory: "Sign-up attempts from a blocked e-mail domain on one day.",
    AdminIpBlock: "A block on an IP range.",
  },
  push: {
    WebPushSubscription: "The Web Push subscription of the current access token.",
    WebPushSubscriptionAlerts: "Which kinds of event a Web Push subscription reports.",
    PushNotification: "The decrypted payload of a Web Push message.",
  },
  oauth: {
    Application: "An app registered with a server.",
    OAuthServerInfo: "The server's OAuth 2 metadata (RFC 8414).",
    OAuthUserInfo: "The logged-in user, as an OpenID Connect userinfo document.",
  },
  misc: {
    Search: "Search results, v1 form (hashtags as plain strings).",
    SearchV2: "Search results, v2 form.",
    UserList: "A user-made list of accounts, with its own timeline.",
    Marker: "Where the user stopped reading a timeline.",
    Announcement: "An announcement set by the server's staff.",
    Reaction: "An emoji reaction to an announcement.",
    StreamReaction: "A reaction count update on an announcement, from the streaming API.",
    Report: "A report filed by the user against an account.",
    Collection: "A curated collection of accounts (Mastodon 4.6).",
    CollectionItem: "One account in a collection.",
    AsyncRefresh: "A background job that refreshes data, and its progress.",
  },
};

// Corrections to entities.json, keyed "Entity.field". Each says why, and the reason is also
// printed in the generated docs. Keys: type/subtype (as in entities.json), nullable, optional,
// since (for fields the spec lacks), omit. Evidence: recorded 4.6 responses in ../shared/cassettes.
const OVERRIDES = {
  "GroupedNotificationsResults._pagination_next": { omit: true, why: "Mastodon.py bookkeeping, never on the wire; this client keeps paging info off the object" },
  "GroupedNotificationsResults._pagination_prev": { omit: true, why: "Mastodon.py bookkeeping, never on the wire; this client keeps paging info off the object" },
  "Announcement.tags": { subtype: "Tag", why: "the docs give Announcement tags as Status::Tag (name and url)" },
  "Announcement.emojis": { subtype: "CustomEmoji", why: "the docs give Announcement emojis as CustomEmoji" },
};

// Extra exported names: aliases the client uses, beside the entity names of entities.json.
const ALIASES = {
  accounts: [
    "/** The logged-in user's own account (verify_credentials, update_credentials): an Account with its source. */",
    "export interface CredentialAccount extends Account {\n  /** Added in 2.4.0. */\n  source: CredentialAccountSource;\n}",
  ],
  misc: ["/** The docs' name for a UserList (\"List\" in Mastodon.py is UserList). */", "export type List = UserList;"],
};

const spec = JSON.parse(readFileSync(specPath, "utf8"));
const areaOf = new Map(Object.entries(AREAS).flatMap(([area, names]) => Object.keys(names).map((n) => [n, area])));
for (const name of Object.keys(spec)) if (!areaOf.has(name)) throw new Error(`entity ${name} has no area in AREAS`);
for (const name of areaOf.keys()) if (!spec[name]) throw new Error(`AREAS names unknown entity ${name}`);

/** Fields of an entity after OVERRIDES: [name, { type, subtype, nullable, optional, enum, history, why }]. */
function fieldsOf(entity) {
  const fields = [];
  const seen = new Set();
  for (const [name, f] of Object.entries(spec[entity].fields)) {
    seen.add(name);
    const o = OVERRIDES[`${entity}.${name}`] ?? {};
    if (o.omit) continue;
    fields.push([name, {
      type: o.type ?? f.field_type, subtype: o.subtype ?? f.field_subtype, enum: f.enum,
      nullable: o.nullable ?? f.is_nullable, optional: o.optional ?? f.is_optional,
      history: f.version_history, why: o.why,
    }]);
  }
  for (const [key, o] of Object.entries(OVERRIDES)) {
    const [ent, name] = key.split(/\.(.*)/s);
    if (!spec[ent]) throw new Error(`override for unknown entity: ${key}`);
    if (ent !== entity || seen.has(name)) continue;
    if (!o.since || !o.type) throw new Error(`new field ${key} needs since and type`);
    fields.push([name, { type: o.type, subtype: o.subtype ?? null, enum: null, nullable: !!o.nullable,
      optional: o.optional ?? true, history: [[o.since, "added"]], why: o.why }]);
  }
  return fields;
}

const unionMembers = (t) => /^Union\[(.*)\]$/.exec(t)?.[1].split(/,\s*/) ?? null;
const SCALARS = { str: "string", int: "number", float: "number", bool: "boolean", datetime: "Date",
  IdType: "string", MaybeSnowflakeIdType: "string" };

/** The TypeScript type of a field (dates converted), collecting referenced entities in refs. */
function tsType(type, subtype, enumValues, refs) {
  const ref = (n) => { if (!spec[n]) throw new Error(`unknown type ${n}`); refs.add(n); return n; };
  const openEnum = enumValues && [...Object.keys(enumValues).map((v) => JSON.stringify(v)), "(string & {})"].join(" | ");
  if (type === "NonPaginatableList") {
    const item = !subtype ? "unknown" : openEnum ? `(${openEnum})` : SCALARS[subtype] ?? ref(subtype);
    return `${item}[]`;
  }
  if (openEnum) return openEnum;
  if (SCALARS[type]) return SCALARS[type];
  if (type === "AttribAccessDict") return "Record<string, unknown>";
  const dict = /^AttribAccessDict\[str, (\w+)\]$/.exec(type);
  if (dict) return `Record<string, ${ref(dict[1])}>`;
  const members = unionMembers(type);
  if (members) return members.map(ref).join(" | ");
  return ref(type);
}

function docComment(f, indent) {
  const [[since], ...later] = f.history;
  const parts = [`Added in ${since}.`];
  for (const [version, note] of later) parts.push(`${version}: ${note.replace(/\.$/, "")}.`);
  if (f.why) parts.push(`Corrected from real responses: ${f.why}.`);
  const deprecated = later.find(([, note]) => /^(deprecated|removed)/.test(note));
  if (deprecated) parts.push(`@deprecated since ${deprecated[0]}.`);
  return `${indent}/** ${parts.join(" ")} */`;
}

const propName = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
const HEADER = "// Generated by scripts/generate-entities.mjs from ../shared/spec/entities.json (with corrections\n"
  + "// from recorded server responses). Do not edit: change the generator, then run\n"
  + "// `node scripts/generate-entities.mjs` from the repository root.\n";

function renderArea(area) {
  const refs = new Set();
  const blocks = [];
  for (const [entity, description] of Object.entries(AREAS[area])) {
    const lines = [`/** ${description} See ${spec[entity].docs ?? "Mastodon.py's entity model"}. */`, `export interface ${entity} {`];
    for (const [name, f] of fieldsOf(entity)) {
      let type = tsType(f.type, f.subtype, f.enum, refs);
      if (f.nullable) type += " | null";
      lines.push(docComment(f, "  "), `  ${propName(name)}${f.optional ? "?" : ""}: ${type};`);
    }
    blocks.push([...lines, "}"].join("\n"));
  }
  const aliases = ALIASES[area] ?? [];
  if (area === "accounts") refs.add("CredentialAccountSource");
  const imports = new Map();
  for (const name of refs) {
    const from = areaOf.get(name);
    if (from !== area) imports.set(from, [...(imports.get(from) ?? []), name]);
  }
  const importLines = [...imports].sort().map(([from, names]) => `import type { ${names.sort().join(", ")} } from "./${from}.js";`);
  return [HEADER, ...(importLines.length ? [importLines.join("\n"), ""] : []), blocks.join("\n\n"),
    ...(aliases.length ? ["", aliases.join("\n")] : [])].join("\n") + "\n";
}

// Wire schema for tests: JSON kinds before date conversion ("datetime" is a string on the wire).
function wireType(type, subtype) {
  if (type === "NonPaginatableList") return `{ array: ${subtype ? wireType(subtype, null) : '"unknown"'} }`;
  const scalar = { str: "string", int: "number", float: "number", bool: "boolean", datetime: "datetime",
    IdType: "string", MaybeSnowflakeIdType: "string", AttribAccessDict: "object" }[type];
  if (scalar) return JSON.stringify(scalar);
  const dict = /^AttribAccessDict\[str, (\w+)\]$/.exec(type);
  if (dict) return `{ record: ${wireType(dict[1], null)} }`;
  return `{ entity: ${JSON.stringify(unionMembers(type) ?? [type]).replace(/,/g, ", ")} }`;
}

function renderSchema() {
  const out = [HEADER, `import type { EntitySchema } from "./check-entity.ts";`, "",
    "/** Every entity's fields as they appear on the wire; \"datetime\" is a string there, a Date once converted. */",
    "export const ENTITY_SCHEMA: EntitySchema = {"];
  for (const entity of Object.keys(spec)) {
    out.push(`  ${entity}: {`);
    for (const [name, f] of fieldsOf(entity)) {
      const flags = `${f.nullable ? ", nullable: true" : ""}${f.optional ? ", optional: true" : ""}`;
      out.push(`    ${propName(name)}: { type: ${wireType(f.type, f.subtype)}${flags} },`);
    }
    out.push("  },");
  }
  return [...out, "};", ""].join("\n");
}

mkdirSync(outDir, { recursive: true });
for (const file of readdirSync(outDir)) if (file.endsWith(".ts")) rmSync(join(outDir, file));
let fieldCount = 0;
for (const area of Object.keys(AREAS)) {
  writeFileSync(join(outDir, `${area}.ts`), renderArea(area));
  for (const entity of Object.keys(AREAS[area])) fieldCount += fieldsOf(entity).length;
}
const aliasNames = (area) => (ALIASES[area] ?? []).map((l) => /^export (?:interface|type) (\w+)/.exec(l)?.[1]).filter(Boolean);
const index = Object.keys(AREAS).map((area) =>
  `export type {\n  ${[...Object.keys(AREAS[area]), ...aliasNames(area)].join(",\n  ")},\n} from "./${area}.js";`);
writeFileSync(join(outDir, "index.ts"), [HEADER, "/** Types of every Mastodon entity, with the API's own field names. */", ...index, ""].join("\n"));
writeFileSync(schemaPath, renderSchema());
console.log(`${Object.keys(spec).length} entities, ${fieldCount} fields, ${Object.keys(OVERRIDES).length} overrides`);
