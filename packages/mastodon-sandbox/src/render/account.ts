// Account, CredentialAccount and Relationship (docs: entities/Account.md, entities/Relationship.md).
// Keys and key order follow what a Mastodon 4.6 server sends.
import type { Core } from "../core.js";
import type { AccountRecord } from "../state/types.js";
import { formatText } from "../text/format.js";
import { isoDate, isoTime, midnight } from "./time.js";

const ROLES = {
  owner: { id: "3", name: "Owner", permissions: "1048575", highlighted: true },
  admin: { id: "2", name: "Admin", permissions: "983036", highlighted: true },
  user: { id: "-99", name: "", permissions: "65536", highlighted: false },
} as const;

export function formatEnvironment(core: Core) {
  return {
    baseUrl: core.baseUrl(),
    localDomain: core.domain(),
    findAccount: (username: string) => core.store.accountByUsername(username)?.username,
  };
}

export function accountUrl(core: Core, account: AccountRecord): string {
  return `${core.baseUrl()}/@${account.username}`;
}

/** The avatar and header fields, as Account and Profile both carry them; the sandbox has no animated images, so the static URL is the same. */
function imageFields<Url extends string | null>(account: AccountRecord, avatar: Url, header: Url) {
  return {
    avatar, avatar_static: avatar, avatar_description: account.avatarDescription,
    header, header_static: header, header_description: account.headerDescription,
  };
}

export function renderAccount(core: Core, account: AccountRecord) {
  const base = core.baseUrl();
  const store = core.store;
  const statuses = store.statusesOf(account.id).filter((s) => s.visibility !== "direct");
  const lastStatusAt = statuses.reduce<number | null>((latest, s) => (latest === null || s.createdAt > latest ? s.createdAt : latest), null);
  const avatar = account.avatar ? `${base}${account.avatar.path}` : `${base}/avatars/original/missing.png`;
  const header = account.header ? `${base}${account.header.path}` : `${base}/headers/original/missing.png`;
  const env = formatEnvironment(core);
  const discoverable = account.discoverable === true;
  const role = account.role === "user" ? undefined : ROLES[account.role];
  return {
    id: account.id,
    username: account.username,
    acct: account.username,
    display_name: account.displayName,
    locked: account.locked,
    bot: account.bot,
    discoverable: account.discoverable,
    indexable: account.indexable,
    group: false,
    created_at: midnight(account.createdAt),
    note: account.note === "" ? "" : formatText(account.note, env).html,
    url: accountUrl(core, account),
    uri: `${base}/ap/users/${account.id}`,
    ...imageFields(account, avatar, header),
    followers_count: store.followerIds(account.id).length,
    following_count: store.followingIds(account.id).length,
    statuses_count: statuses.length,
    last_status_at: lastStatusAt === null ? null : isoDate(lastStatusAt),
    hide_collections: account.hideCollections,
    show_media: true,
    show_media_replies: true,
    show_featured: true,
    noindex: false,
    feature_approval: {
      automatic: discoverable ? ["public"] : [],
      manual: [],
      current_user: discoverable ? "automatic" : "denied",
    },
    emojis: [],
    roles: role ? [{ id: role.id, name: role.name, color: "" }] : [],
    fields: account.fields.map((field) => ({
      name: field.name,
      value: formatText(field.value, env).html.replace(/^<p>|<\/p>$/g, ""),
      verified_at: null,
    })),
  };
}

/** verify_credentials and update_credentials add `source` and `role`. */
export function renderCredentialAccount(core: Core, account: AccountRecord) {
  const { emojis, roles, fields, ...rest } = renderAccount(core, account);
  const role = ROLES[account.role];
  const requests = [...core.store.followRequests.values()].filter((r) => r.targetId === account.id).length;
  return {
    ...rest,
    source: {
      privacy: account.source.privacy,
      sensitive: account.source.sensitive,
      language: account.source.language,
      note: account.note,
      fields: account.fields.map((f) => ({ name: f.name, value: f.value, verified_at: null })),
      follow_requests_count: requests,
      hide_collections: account.hideCollections,
      discoverable: account.discoverable,
      indexable: account.indexable,
      attribution_domains: [],
      quote_policy: account.source.quotePolicy,
    },
    emojis,
    roles,
    fields,
    role: { id: role.id, name: role.name, permissions: role.permissions, color: "", highlighted: role.highlighted, collection_limit: 10 },
  };
}

export function renderRelationship(core: Core, viewer: AccountRecord, target: AccountRecord) {
  const store = core.store;
  const follow = store.follow(viewer.id, target.id);
  const request = store.followRequest(viewer.id, target.id);
  const mute = store.mute(viewer.id, target.id);
  const domain = core.domain();
  return {
    id: target.id,
    following: follow !== undefined,
    showing_reblogs: (follow ?? request)?.showReblogs ?? false,
    notifying: (follow ?? request)?.notify ?? false,
    languages: (follow ?? request)?.languages ?? null,
    followed_by: store.follow(target.id, viewer.id) !== undefined,
    blocking: store.blocks.has(viewer.id, target.id),
    blocked_by: store.blocks.has(target.id, viewer.id),
    muting: mute !== undefined,
    muting_notifications: mute?.notifications ?? false,
    muting_expires_at: mute?.expiresAt ? isoTime(mute.expiresAt) : null,
    requested: request !== undefined,
    requested_by: store.followRequest(target.id, viewer.id) !== undefined,
    domain_blocking: store.domainBlocksOf(viewer.id).has(domain),
    endorsed: store.endorsements.has(viewer.id, target.id),
    note: store.notes.get(store.relationKey(viewer.id, target.id)) ?? "",
  };
}

/** The editable profile of GET/PATCH /api/v1/profile (docs: entities/Profile.md, 4.6+): source values, null images when unset. */
export function renderProfile(core: Core, account: AccountRecord) {
  const base = core.baseUrl();
  const avatar = account.avatar ? `${base}${account.avatar.path}` : null;
  const header = account.header ? `${base}${account.header.path}` : null;
  const featured = core.store.featuredTags.get(account.id) ?? new Map<string, string>();
  return {
    id: account.id,
    display_name: account.displayName,
    note: account.note,
    fields: account.fields.map((f) => ({ name: f.name, value: f.value, verified_at: null })),
    ...imageFields(account, avatar, header),
    locked: account.locked,
    bot: account.bot,
    hide_collections: account.hideCollections,
    discoverable: account.discoverable,
    indexable: account.indexable,
    show_media: true,
    show_media_replies: true,
    show_featured: true,
    attribution_domains: [],
    featured_tags: [...featured].map(([name, id]) => ({
      id,
      name,
      url: `${base}/@${account.username}/tagged/${encodeURIComponent(name)}`,
      statuses_count: String(core.store.statusesOf(account.id).filter((s) => s.tags.some((t) => t.toLowerCase() === name)).length),
      last_status_at: null,
    })),
  };
}
