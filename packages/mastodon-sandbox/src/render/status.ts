// Status, StatusEdit, StatusSource and Context (docs: entities/Status.md, StatusEdit.md,
// StatusSource.md, Context.md). Viewer-specific keys (favourited, reblogged, muted, bookmarked,
// pinned, filtered) appear only for a signed-in viewer, as in Mastodon; streaming payloads are
// rendered without a viewer, exactly like the real streaming server sends them.
import type { Core } from "../core.js";
import { matchFilters } from "../services/filters.js";
import type { AccountRecord, StatusEditRecord, StatusRecord } from "../state/types.js";
import { formatText } from "../text/format.js";
import { formatEnvironment, renderAccount } from "./account.js";
import { renderFilter } from "./filters.js";
import { renderMedia } from "./media.js";
import { renderPoll } from "./poll.js";
import { isoTime } from "./time.js";

export interface StatusRenderOptions {
  /** DELETE answers with the source `text` instead of `content`. */
  source?: boolean;
  /** Filter context (home, notifications, public, thread, account). */
  context?: string;
}

function application(core: Core, status: StatusRecord) {
  const app = status.applicationId ? core.store.applications.get(status.applicationId) : undefined;
  return app ? { name: app.name, website: app.website } : null;
}

function quoteApproval(status: StatusRecord) {
  const open = status.visibility === "public" || status.visibility === "unlisted";
  return { automatic: open ? ["public"] : [], manual: [], current_user: open ? "automatic" : "denied" };
}

function viewerFlags(core: Core, status: StatusRecord, viewer: AccountRecord) {
  const store = core.store;
  return {
    favourited: store.favourites.has(viewer.id, status.id),
    reblogged: [...store.statuses.values()].some((s) => s.reblogOfId === status.id && s.accountId === viewer.id),
    muted: store.statusMutes.has(viewer.id, threadRoot(core, status).id),
    bookmarked: store.bookmarks.has(viewer.id, status.id),
  };
}

/** Conversation mutes apply to a whole thread; the root identifies it. */
export function threadRoot(core: Core, status: StatusRecord): StatusRecord {
  let current = status;
  for (let depth = 0; depth < 1000 && current.inReplyToId !== null; depth++) {
    const parent = core.store.statuses.get(current.inReplyToId);
    if (!parent) break;
    current = parent;
  }
  return current;
}

export function renderStatus(core: Core, status: StatusRecord, viewer: AccountRecord | null, options: StatusRenderOptions = {}): Record<string, unknown> {
  const store = core.store;
  const base = core.baseUrl();
  const account = store.accounts.get(status.accountId);
  if (!account) throw new Error(`status ${status.id} has no account`);
  const counts = {
    replies_count: [...store.statuses.values()].filter((s) => s.inReplyToId === status.id).length,
    reblogs_count: [...store.statuses.values()].filter((s) => s.reblogOfId === status.id).length,
    favourites_count: store.favourites.byTarget(status.id).length,
    quotes_count: 0,
  };

  if (status.reblogOfId !== null) {
    const original = store.statuses.get(status.reblogOfId);
    if (!original) throw new Error(`reblog ${status.id} lost its original`);
    const inner = renderStatus(core, original, viewer, { context: options.context });
    return {
      id: status.id,
      created_at: isoTime(status.createdAt),
      in_reply_to_id: null,
      in_reply_to_account_id: null,
      sensitive: false,
      spoiler_text: "",
      visibility: status.visibility,
      language: null,
      uri: `${base}/ap/users/${account.id}/statuses/${status.id}/activity`,
      url: `${base}/users/${account.username}/statuses/${status.id}/activity`,
      replies_count: 0,
      reblogs_count: 0,
      favourites_count: 0,
      quotes_count: 0,
      edited_at: null,
      // Mastodon reports the viewer's relation to the reblogged status on the wrapper too.
      ...(viewer ? viewerFlags(core, original, viewer) : {}),
      content: "",
      ...(viewer ? { filtered: [] } : {}),
      reblog: inner,
      application: application(core, status),
      account: renderAccount(core, account),
      media_attachments: [],
      mentions: [],
      tags: [],
      emojis: [],
      tagged_collections: [],
      quote: null,
      card: null,
      poll: null,
      quote_approval: quoteApproval(status),
    };
  }

  const pinnable = viewer?.id === status.accountId && status.visibility !== "direct";
  const poll = status.pollId ? store.polls.get(status.pollId) : undefined;
  const formatted = formatText(status.text, formatEnvironment(core));
  const body = options.source ? { text: status.text } : { content: formatted.html };
  const filtered = viewer
    ? matchFilters(store, viewer, status, options.context).map((m) => ({
        filter: renderFilter(m.filter),
        keyword_matches: m.keywordMatches,
        status_matches: m.statusMatches,
      }))
    : undefined;
  return {
    id: status.id,
    created_at: isoTime(status.createdAt),
    in_reply_to_id: status.inReplyToId,
    in_reply_to_account_id: status.inReplyToAccountId,
    sensitive: status.sensitive,
    spoiler_text: status.spoilerText,
    visibility: status.visibility,
    language: status.language,
    uri: `${base}/ap/users/${account.id}/statuses/${status.id}`,
    url: `${base}/@${account.username}/${status.id}`,
    ...counts,
    edited_at: status.editedAt === null ? null : isoTime(status.editedAt),
    ...(viewer ? viewerFlags(core, status, viewer) : {}),
    ...(pinnable ? { pinned: store.pins.has(status.accountId, status.id) } : {}),
    ...body,
    ...(filtered ? { filtered } : {}),
    reblog: null,
    application: application(core, status),
    account: renderAccount(core, account),
    media_attachments: status.mediaIds.flatMap((id) => {
      const media = store.media.get(id);
      return media ? [renderMedia(core, media)] : [];
    }),
    mentions: status.mentionIds.flatMap((id) => {
      const mentioned = store.accounts.get(id);
      return mentioned ? [{ id: mentioned.id, username: mentioned.username, url: `${base}/@${mentioned.username}`, acct: mentioned.username }] : [];
    }),
    tags: status.tags.map((name) => ({ name: name.toLowerCase(), url: `${base}/tags/${encodeURIComponent(name.toLowerCase())}` })),
    emojis: [],
    tagged_collections: [],
    quote: null,
    card: null,
    poll: poll ? renderPoll(core, poll, viewer, status.accountId) : null,
    quote_approval: quoteApproval(status),
  };
}

export function renderStatusEdit(core: Core, status: StatusRecord, edit: StatusEditRecord) {
  const account = core.store.accounts.get(status.accountId);
  return {
    content: formatText(edit.text, formatEnvironment(core)).html,
    spoiler_text: edit.spoilerText,
    sensitive: edit.sensitive,
    created_at: isoTime(edit.createdAt),
    account: account ? renderAccount(core, account) : null,
    ...(edit.pollOptions ? { poll: { options: edit.pollOptions.map((title) => ({ title })) } } : {}),
    media_attachments: edit.mediaIds.flatMap((id) => {
      const media = core.store.media.get(id);
      return media ? [renderMedia(core, media)] : [];
    }),
    emojis: [],
  };
}

export function renderStatusSource(status: StatusRecord) {
  return { id: status.id, text: status.text, spoiler_text: status.spoilerText };
}
