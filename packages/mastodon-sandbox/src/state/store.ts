// The in-memory database: plain maps keyed by id, plus the lookups every route needs.
// Business rules (who may see what, what a follow does) live in src/services/.
import { SnowflakeIds, Sequences } from "./ids.js";
import type {
  AccountRecord,
  ApplicationRecord,
  AuthCodeRecord,
  ConversationRecord,
  FilterRecord,
  FollowRecord,
  LinkRecord,
  ListRecord,
  PushSubscriptionRecord,
  MarkerRecord,
  MediaRecord,
  MuteRecord,
  NotificationRecord,
  PollRecord,
  ReportRecord,
  ScheduledStatusRecord,
  StatusRecord,
  StoredFile,
  TokenRecord,
} from "./types.js";

/** A set of links (favourites, bookmarks, blocks...) with one id per (account, target) pair. */
export class LinkTable {
  readonly rows = new Map<string, LinkRecord>();
  constructor(
    private readonly sequences: Sequences,
    private readonly name: string,
  ) {}

  private key(accountId: string, targetId: string): string {
    return `${accountId}:${targetId}`;
  }

  has(accountId: string, targetId: string): boolean {
    return this.rows.has(this.key(accountId, targetId));
  }

  add(accountId: string, targetId: string): LinkRecord {
    const key = this.key(accountId, targetId);
    const existing = this.rows.get(key);
    if (existing) return existing;
    const row = { id: this.sequences.next(this.name), accountId, targetId };
    this.rows.set(key, row);
    return row;
  }

  remove(accountId: string, targetId: string): boolean {
    return this.rows.delete(this.key(accountId, targetId));
  }

  byAccount(accountId: string): LinkRecord[] {
    return [...this.rows.values()].filter((row) => row.accountId === accountId);
  }

  byTarget(targetId: string): LinkRecord[] {
    return [...this.rows.values()].filter((row) => row.targetId === targetId);
  }

  removeTarget(targetId: string): void {
    for (const [key, row] of this.rows) if (row.targetId === targetId) this.rows.delete(key);
  }
}

export class Store {
  readonly snowflakes: SnowflakeIds;
  readonly sequences = new Sequences();

  readonly accounts = new Map<string, AccountRecord>();
  readonly statuses = new Map<string, StatusRecord>();
  readonly media = new Map<string, MediaRecord>();
  readonly polls = new Map<string, PollRecord>();
  readonly applications = new Map<string, ApplicationRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly authCodes = new Map<string, AuthCodeRecord>();
  /** browser session cookie -> signed-in account id, for /oauth/authorize */
  readonly sessions = new Map<string, string>();
  readonly notifications = new Map<string, NotificationRecord>();
  readonly lists = new Map<string, ListRecord>();
  readonly filters = new Map<string, FilterRecord>();
  readonly scheduled = new Map<string, ScheduledStatusRecord>();
  /** scheduled status id -> cancels its timer */
  readonly scheduledTimers = new Map<string, () => void>();
  readonly reports = new Map<string, ReportRecord>();
  readonly conversations = new Map<string, ConversationRecord>();
  /** accountId -> timeline name -> marker */
  readonly markers = new Map<string, Map<string, MarkerRecord>>();
  /** access token -> Web Push subscription (stored, never delivered) */
  readonly pushSubscriptions = new Map<string, PushSubscriptionRecord>();
  /** URL path -> file, for everything served under /system/ */
  readonly files = new Map<string, StoredFile>();
  /** accountId:key -> status id, for the Idempotency-Key header */
  readonly idempotency = new Map<string, { statusId: string; at: number }>();

  readonly follows = new Map<string, FollowRecord>();
  readonly followRequests = new Map<string, FollowRecord>();
  readonly mutes = new Map<string, MuteRecord>();
  readonly blocks: LinkTable;
  readonly favourites: LinkTable;
  readonly bookmarks: LinkTable;
  readonly pins: LinkTable;
  readonly statusMutes: LinkTable;
  readonly endorsements: LinkTable;
  readonly notes = new Map<string, string>();
  /** accountId -> blocked domains (with a sequence id for paging) */
  readonly domainBlocks = new Map<string, Map<string, string>>();
  /** accountId -> followed tag names -> sequence id */
  readonly followedTags = new Map<string, Map<string, string>>();
  readonly featuredTags = new Map<string, Map<string, string>>();
  /** tag name -> first time it was used, for Tag ids */
  readonly tags = new Map<string, { id: string; createdAt: number }>();

  constructor(readonly now: () => number) {
    this.snowflakes = new SnowflakeIds(now);
    this.blocks = new LinkTable(this.sequences, "blocks");
    this.favourites = new LinkTable(this.sequences, "favourites");
    this.bookmarks = new LinkTable(this.sequences, "bookmarks");
    this.pins = new LinkTable(this.sequences, "status_pins");
    this.statusMutes = new LinkTable(this.sequences, "conversation_mutes");
    this.endorsements = new LinkTable(this.sequences, "account_pins");
  }

  accountByUsername(username: string): AccountRecord | undefined {
    const wanted = username.toLowerCase();
    for (const account of this.accounts.values()) if (account.username.toLowerCase() === wanted) return account;
    return undefined;
  }

  accountByLogin(login: string): AccountRecord | undefined {
    const wanted = login.toLowerCase();
    for (const account of this.accounts.values()) {
      if (account.email.toLowerCase() === wanted || account.username.toLowerCase() === wanted) return account;
    }
    return undefined;
  }

  relationKey(accountId: string, targetId: string): string {
    return `${accountId}:${targetId}`;
  }

  follow(accountId: string, targetId: string): FollowRecord | undefined {
    return this.follows.get(this.relationKey(accountId, targetId));
  }

  followRequest(accountId: string, targetId: string): FollowRecord | undefined {
    return this.followRequests.get(this.relationKey(accountId, targetId));
  }

  mute(accountId: string, targetId: string): MuteRecord | undefined {
    const mute = this.mutes.get(this.relationKey(accountId, targetId));
    if (mute && mute.expiresAt !== null && mute.expiresAt <= this.now()) {
      this.mutes.delete(this.relationKey(accountId, targetId));
      return undefined;
    }
    return mute;
  }

  followerIds(accountId: string): string[] {
    return [...this.follows.values()].filter((f) => f.targetId === accountId).map((f) => f.accountId);
  }

  followingIds(accountId: string): string[] {
    return [...this.follows.values()].filter((f) => f.accountId === accountId).map((f) => f.targetId);
  }

  statusesOf(accountId: string): StatusRecord[] {
    return [...this.statuses.values()].filter((s) => s.accountId === accountId);
  }

  domainBlocksOf(accountId: string): Map<string, string> {
    let blocks = this.domainBlocks.get(accountId);
    if (!blocks) {
      blocks = new Map();
      this.domainBlocks.set(accountId, blocks);
    }
    return blocks;
  }

  tagSet(table: Map<string, Map<string, string>>, accountId: string): Map<string, string> {
    let tags = table.get(accountId);
    if (!tags) {
      tags = new Map();
      table.set(accountId, tags);
    }
    return tags;
  }

  touchTag(name: string): { id: string; createdAt: number } {
    const key = name.toLowerCase();
    let tag = this.tags.get(key);
    if (!tag) {
      tag = { id: this.sequences.next("tags"), createdAt: this.now() };
      this.tags.set(key, tag);
    }
    return tag;
  }

  markersOf(accountId: string): Map<string, MarkerRecord> {
    let markers = this.markers.get(accountId);
    if (!markers) {
      markers = new Map();
      this.markers.set(accountId, markers);
    }
    return markers;
  }
}
