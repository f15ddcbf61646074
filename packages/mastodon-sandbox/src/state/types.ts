// Records of the in-memory store. They hold what a Mastodon database would hold; the JSON the
// API sends is computed from them by src/render/.

export type Visibility = "public" | "unlisted" | "private" | "direct";
export const VISIBILITIES: readonly Visibility[] = ["public", "unlisted", "private", "direct"];

export interface StoredFile {
  /** URL path under which the bytes are served, e.g. /system/media_attachments/files/... */
  path: string;
  contentType: string;
  data: Uint8Array<ArrayBuffer>;
}

export interface AccountRecord {
  id: string;
  username: string;
  email: string;
  password: string;
  displayName: string;
  note: string;
  locked: boolean;
  bot: boolean;
  discoverable: boolean | null;
  indexable: boolean;
  hideCollections: boolean | null;
  role: "owner" | "admin" | "user";
  createdAt: number;
  avatar: StoredFile | null;
  header: StoredFile | null;
  avatarDescription: string;
  headerDescription: string;
  fields: { name: string; value: string }[];
  source: { privacy: Visibility; sensitive: boolean; language: string | null; quotePolicy: string };
  suspended: boolean;
}

export interface StatusEditRecord {
  text: string;
  spoilerText: string;
  sensitive: boolean;
  mediaIds: string[];
  pollOptions: string[] | null;
  createdAt: number;
}

export interface StatusRecord {
  id: string;
  accountId: string;
  createdAt: number;
  text: string;
  spoilerText: string;
  visibility: Visibility;
  sensitive: boolean;
  language: string | null;
  inReplyToId: string | null;
  inReplyToAccountId: string | null;
  reblogOfId: string | null;
  mediaIds: string[];
  pollId: string | null;
  mentionIds: string[];
  tags: string[];
  applicationId: string | null;
  editedAt: number | null;
  edits: StatusEditRecord[];
}

export interface MediaRecord {
  id: string;
  accountId: string;
  type: "image" | "gifv" | "video" | "audio" | "unknown";
  file: StoredFile;
  preview: StoredFile | null;
  width: number | null;
  height: number | null;
  description: string | null;
  focus: { x: number; y: number } | null;
  readyAt: number;
  statusId: string | null;
  scheduledStatusId: string | null;
}

export interface PollRecord {
  id: string;
  statusId: string;
  options: string[];
  multiple: boolean;
  hideTotals: boolean;
  expiresAt: number | null;
  /** accountId -> chosen option indexes */
  votes: Map<string, number[]>;
}

export interface ApplicationRecord {
  id: string;
  name: string;
  website: string | null;
  redirectUris: string[];
  scopes: string[];
  clientId: string;
  clientSecret: string;
}

export interface TokenRecord {
  token: string;
  refreshToken: string | null;
  applicationId: string;
  accountId: string | null;
  scopes: string[];
  createdAt: number;
  revoked: boolean;
}

export interface AuthCodeRecord {
  code: string;
  applicationId: string;
  accountId: string;
  scopes: string[];
  redirectUri: string;
  codeChallenge: string | null;
  expiresAt: number;
}

export interface FollowRecord {
  id: string;
  accountId: string;
  targetId: string;
  showReblogs: boolean;
  notify: boolean;
  languages: string[] | null;
}

export interface MuteRecord {
  id: string;
  accountId: string;
  targetId: string;
  notifications: boolean;
  expiresAt: number | null;
}

/** Favourites, bookmarks, blocks, pins...: an id (for pagination), who, and what. */
export interface LinkRecord {
  id: string;
  accountId: string;
  targetId: string;
}

export type NotificationType =
  | "mention"
  | "status"
  | "reblog"
  | "follow"
  | "follow_request"
  | "favourite"
  | "poll"
  | "update"
  | "admin.sign_up"
  | "admin.report";

export interface NotificationRecord {
  id: string;
  accountId: string;
  type: NotificationType;
  fromAccountId: string;
  statusId: string | null;
  reportId: string | null;
  createdAt: number;
}

export interface ListRecord {
  id: string;
  accountId: string;
  title: string;
  repliesPolicy: "followed" | "list" | "none";
  exclusive: boolean;
  memberIds: string[];
}

export interface FilterRecord {
  id: string;
  accountId: string;
  title: string;
  context: string[];
  expiresAt: number | null;
  action: "warn" | "hide" | "blur";
  keywords: { id: string; keyword: string; wholeWord: boolean }[];
  statuses: { id: string; statusId: string }[];
}

export interface MarkerRecord {
  lastReadId: string;
  version: number;
  updatedAt: number;
}

export interface ScheduledStatusRecord {
  id: string;
  accountId: string;
  applicationId: string | null;
  scheduledAt: number;
  params: StatusParams;
}

/** What a client asked for when posting; kept as-is for scheduled statuses. */
export interface StatusParams {
  text: string;
  spoilerText: string | null;
  visibility: Visibility | null;
  sensitive: boolean | null;
  language: string | null;
  inReplyToId: string | null;
  mediaIds: string[];
  poll: { options: string[]; expiresIn: number; multiple: boolean; hideTotals: boolean } | null;
}

export interface ReportRecord {
  id: string;
  accountId: string;
  targetId: string;
  statusIds: string[];
  ruleIds: string[] | null;
  comment: string;
  category: string;
  forward: boolean;
  createdAt: number;
}

export interface ConversationRecord {
  id: string;
  /** Everyone taking part, the owner included. */
  participantIds: string[];
  lastStatusId: string;
  unreadBy: Set<string>;
  hiddenBy: Set<string>;
}

export interface PushSubscriptionRecord {
  id: string;
  endpoint: string;
  standard: boolean;
  alerts: Record<string, boolean>;
  policy: "all" | "followed" | "follower" | "none";
}
