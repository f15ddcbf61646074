// Small entities: Application, Token, List, Marker, Tag, FeaturedTag, Report, ScheduledStatus,
// Conversation, CustomEmoji, Preferences (docs: entities/*.md).
import type { Core } from "../core.js";
import type {
  AccountRecord,
  ApplicationRecord,
  ConversationRecord,
  ListRecord,
  MarkerRecord,
  ReportRecord,
  ScheduledStatusRecord,
  TokenRecord,
} from "../state/types.js";
import { renderAccount } from "./account.js";
import { renderMedia } from "./media.js";
import { renderStatus } from "./status.js";
import { isoTime } from "./time.js";

/** The Web Push key every app gets; the sandbox has no push delivery, the key is only for shape. */
export const VAPID_KEY = "BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=";

export function renderApplication(app: ApplicationRecord, withSecrets: boolean) {
  return {
    id: app.id,
    name: app.name,
    website: app.website,
    scopes: app.scopes,
    redirect_uris: app.redirectUris,
    vapid_key: VAPID_KEY,
    redirect_uri: app.redirectUris.join("\n"),
    ...(withSecrets ? { client_id: app.clientId, client_secret: app.clientSecret, client_secret_expires_at: 0 } : {}),
  };
}

export function renderToken(token: TokenRecord) {
  return {
    access_token: token.token,
    token_type: "Bearer",
    scope: token.scopes.join(" "),
    created_at: Math.floor(token.createdAt / 1000),
    ...(token.refreshToken ? { refresh_token: token.refreshToken } : {}),
  };
}

export function renderList(list: ListRecord) {
  return { id: list.id, title: list.title, replies_policy: list.repliesPolicy, exclusive: list.exclusive };
}

export function renderMarker(marker: MarkerRecord) {
  return { last_read_id: marker.lastReadId, version: marker.version, updated_at: isoTime(marker.updatedAt) };
}

/** Seven days of (empty) usage history, newest first, as Mastodon's Tag#history. */
export function tagHistory(core: Core, name: string) {
  const day = 86_400_000;
  const today = Math.floor(core.now() / day) * day;
  const statuses = [...core.store.statuses.values()].filter((s) => s.tags.some((t) => t.toLowerCase() === name.toLowerCase()));
  return Array.from({ length: 7 }, (_, i) => {
    const start = today - i * day;
    const used = statuses.filter((s) => s.createdAt >= start && s.createdAt < start + day);
    return {
      day: String(start / 1000),
      accounts: String(new Set(used.map((s) => s.accountId)).size),
      uses: String(used.length),
    };
  });
}

export function renderTag(core: Core, name: string, viewer: AccountRecord | null) {
  const lower = name.toLowerCase();
  const tag = core.store.tags.get(lower);
  return {
    id: tag?.id ?? "",
    name: lower,
    url: `${core.baseUrl()}/tags/${encodeURIComponent(lower)}`,
    history: tagHistory(core, lower),
    ...(viewer
      ? {
          following: core.store.followedTags.get(viewer.id)?.has(lower) ?? false,
          featuring: core.store.featuredTags.get(viewer.id)?.has(lower) ?? false,
        }
      : {}),
  };
}

export function renderFeaturedTag(core: Core, account: AccountRecord, name: string, id: string) {
  const statuses = core.store.statusesOf(account.id).filter((s) => s.tags.some((t) => t.toLowerCase() === name));
  const last = statuses.reduce<number | null>((max, s) => (max === null || s.createdAt > max ? s.createdAt : max), null);
  return {
    id,
    name,
    url: `${core.baseUrl()}/@${account.username}/tagged/${encodeURIComponent(name)}`,
    statuses_count: String(statuses.length),
    last_status_at: last === null ? null : new Date(last).toISOString().slice(0, 10),
  };
}

export function renderReport(core: Core, report: ReportRecord) {
  const target = core.store.accounts.get(report.targetId);
  return {
    id: report.id,
    action_taken: false,
    action_taken_at: null,
    category: report.category,
    comment: report.comment,
    forwarded: report.forward,
    created_at: isoTime(report.createdAt),
    status_ids: report.statusIds,
    rule_ids: report.ruleIds,
    collection_ids: [],
    target_account: target ? renderAccount(core, target) : null,
  };
}

export function renderScheduledStatus(core: Core, scheduled: ScheduledStatusRecord) {
  const p = scheduled.params;
  return {
    id: scheduled.id,
    scheduled_at: isoTime(scheduled.scheduledAt),
    params: {
      text: p.text,
      poll: p.poll
        ? { options: p.poll.options, expires_in: String(p.poll.expiresIn), multiple: p.poll.multiple, hide_totals: p.poll.hideTotals }
        : null,
      media_ids: p.mediaIds.length > 0 ? p.mediaIds : null,
      sensitive: p.sensitive,
      spoiler_text: p.spoilerText,
      visibility: p.visibility,
      language: p.language,
      scheduled_at: null,
      idempotency: null,
      with_rate_limit: false,
      in_reply_to_id: p.inReplyToId,
      allowed_mentions: null,
      application_id: scheduled.applicationId === null ? null : Number(scheduled.applicationId),
      quoted_status_id: null,
      quote_approval_policy: "public",
    },
    media_attachments: p.mediaIds.flatMap((id) => {
      const media = core.store.media.get(id);
      return media ? [renderMedia(core, media)] : [];
    }),
  };
}

export function renderConversation(core: Core, conversation: ConversationRecord, viewer: AccountRecord) {
  const store = core.store;
  const last = store.statuses.get(conversation.lastStatusId);
  return {
    id: conversation.id,
    unread: conversation.unreadBy.has(viewer.id),
    accounts: conversation.participantIds
      .filter((id) => id !== viewer.id)
      .flatMap((id) => {
        const account = store.accounts.get(id);
        return account ? [renderAccount(core, account)] : [];
      }),
    last_status: last ? renderStatus(core, last, viewer) : null,
  };
}

export function renderPreferences(account: AccountRecord) {
  return {
    "posting:default:visibility": account.source.privacy,
    "posting:default:sensitive": account.source.sensitive,
    "posting:default:language": account.source.language,
    "posting:default:quote_policy": account.source.quotePolicy,
    "reading:expand:media": "default",
    "reading:expand:spoilers": false,
    "reading:autoplay:gifs": false,
  };
}
