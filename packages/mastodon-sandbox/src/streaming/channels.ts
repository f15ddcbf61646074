// Stream names -> hub channels, with the access checks of Mastodon's streaming server
// (docs: methods/streaming.md#streams).
import type { Core } from "../core.js";
import { hasAnyScope } from "../oauth/scopes.js";
import type { AccountRecord } from "../state/types.js";

export interface StreamTarget {
  channels: string[];
  /** What WebSocket messages carry in "stream", e.g. ["hashtag", "cats"]. */
  stream: string[];
}

export interface StreamError {
  error: string;
  status: number;
}

export interface StreamRequest {
  name: string;
  tag?: string | undefined;
  list?: string | undefined;
}

const NOTIFICATION_SCOPES = ["read", "read:notifications"];
const STATUS_SCOPES = ["read", "read:statuses"];

export function resolveStream(core: Core, account: AccountRecord, scopes: string[], request: StreamRequest): StreamTarget | StreamError {
  const { name } = request;
  const needs = name === "user" ? [...STATUS_SCOPES, "read:notifications"] : name === "user:notification" ? NOTIFICATION_SCOPES : STATUS_SCOPES;
  if (!hasAnyScope(scopes, needs)) return { error: "Access token does not have the required scopes", status: 401 };
  switch (name) {
    case "user":
      return { channels: [`timeline:${account.id}`, `timeline:${account.id}:notifications`], stream: ["user"] };
    case "user:notification":
      return { channels: [`timeline:${account.id}:notifications`], stream: ["user:notification"] };
    case "public":
    case "public:media":
    case "public:local":
    case "public:local:media":
    case "public:remote":
    case "public:remote:media":
      return { channels: [`timeline:${name}`], stream: [name] };
    case "hashtag":
    case "hashtag:local": {
      const tag = request.tag?.replace(/^#/, "").toLowerCase();
      if (!tag) return { error: "No tag for stream provided", status: 400 };
      return { channels: [`timeline:hashtag:${tag}${name === "hashtag:local" ? ":local" : ""}`], stream: [name, request.tag ?? tag] };
    }
    case "list": {
      const list = request.list ? core.store.lists.get(request.list) : undefined;
      if (!list || list.accountId !== account.id) return { error: "Not authorized to stream this list", status: 401 };
      return { channels: [`timeline:list:${list.id}`], stream: ["list", list.id] };
    }
    case "direct":
      return { channels: [`timeline:direct:${account.id}`], stream: ["direct"] };
    default:
      return { error: "Unknown stream type", status: 400 };
  }
}

/** SSE paths (/api/v1/streaming/public/local?only_media=true) -> stream names. */
export function streamNameFromPath(path: string, onlyMedia: boolean): string | undefined {
  const rest = path.replace(/^\/api\/v1\/streaming\/?/, "");
  const names: Record<string, string> = {
    user: "user",
    "user/notification": "user:notification",
    public: "public",
    "public/local": "public:local",
    "public/remote": "public:remote",
    hashtag: "hashtag",
    "hashtag/local": "hashtag:local",
    list: "list",
    direct: "direct",
  };
  const name = names[rest];
  if (name === undefined) return undefined;
  return onlyMedia && name.startsWith("public") ? `${name}:media` : name;
}
