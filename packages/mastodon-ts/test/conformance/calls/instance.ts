/** The server: instance information, trends, search, health, time; and the streaming endpoints. */
import { call, type CallEntry } from "./core.ts";

const STREAMING = "streaming replay: the driver does not replay text/event-stream yet (Mastodon.py ran these "
  + "streams beside the REST calls, so the recorded order is not the call order)";

export const INSTANCE_CALLS: readonly CallEntry[] = [
  call("GET /api/v2/instance", "instance", "InstanceV2", (m) => m.instance()),
  call("GET /api/v1/instance", "instanceV1", "Instance", (m) => m.instanceV1()),
  call("GET /api/v1/instance/activity", "instanceActivity", "Activity[]", (m) => m.instanceActivity()),
  call("GET /api/v1/instance/peers", "instancePeers", "string[]", (m) => m.instancePeers()),
  call("GET /api/v1/instance/rules", "instanceRules", "Rule[]", (m) => m.instanceRules()),
  call("GET /api/v1/instance/extended_description", "instanceExtendedDescription", "ExtendedDescription",
    (m) => m.instanceExtendedDescription()),
  call("GET /api/v1/instance/translation_languages", "instanceTranslationLanguages", "Record<string[]>",
    (m) => m.instanceTranslationLanguages()),
  call("GET /api/v1/instance/languages", "instanceLanguages", "SupportedLocale[]", (m) => m.instanceLanguages()),
  call("GET /api/v1/instance/domain_blocks", "instanceDomainBlocks", "DomainBlock[]", (m) => m.instanceDomainBlocks()),
  call("GET /api/v1/instance/terms_of_service", "instanceTermsOfService", "TermsOfService",
    (m, r) => m.instanceTermsOfService({ date: r.date("date") })),
  call("GET /api/v1/instance/terms_of_service/:date", "instanceTermsOfService", "TermsOfService",
    (m, r) => m.instanceTermsOfService({ date: new Date(r.param("date")) })),
  call("GET /.well-known/nodeinfo", "instanceNodeinfo", "Nodeinfo", (m) => m.instanceNodeinfo(),
    { consumes: (r) => (r.nextIs("GET /nodeinfo/:version") ? 2 : 1) }),
  call("GET /health", "instanceHealth", "boolean", (m) => m.instanceHealth()),
  call("HEAD /", "getApproxServerTime", "date", (m) => m.getApproxServerTime()),
  call("GET /api/v1/custom_emojis", "customEmojis", "CustomEmoji[]", (m) => m.customEmojis()),
  call("GET /api/v1/announcements", "announcements", "Announcement[]", (m) => m.announcements()),
  call("POST /api/v1/announcements/:id/dismiss", "announcementDismiss", "any", (m, r) => m.announcementDismiss(r.ref())),
  call("GET /api/v1/preferences", "preferences", "Preferences", (m) => m.preferences()),
  call("GET /api/v1/trends/tags", "trendingTags", "Tag[]", (m, r) => m.trendingTags({ limit: r.num("limit"), offset: r.num("offset"), lang: r.str("lang") })),
  call("GET /api/v1/trends", "trendingTags", "Tag[]", (m, r) => m.trendingTags({ limit: r.num("limit") })),
  call("GET /api/v1/trends/statuses", "trendingStatuses", "Status[]",
    (m, r) => m.trendingStatuses({ limit: r.num("limit"), offset: r.num("offset"), lang: r.str("lang") })),
  call("GET /api/v1/trends/links", "trendingLinks", "PreviewCard[]",
    (m, r) => m.trendingLinks({ limit: r.num("limit"), offset: r.num("offset"), lang: r.str("lang") })),
  call("GET /api/v1/search", "searchV1", "Search", (m, r) => m.searchV1(r.str("q"), { resolve: r.bool("resolve") })),
  call("GET /api/v2/search", "search", "SearchV2", (m, r) => m.search(r.str("q"), {
    resolve: r.bool("resolve"), result_type: r.str("type"), account_id: r.str("account_id"), offset: r.num("offset"),
    min_id: r.str("min_id"), max_id: r.str("max_id"), exclude_unreviewed: r.bool("exclude_unreviewed"), limit: r.num("limit"),
  })),
  call("GET /api/v1/streaming/health", "streamHealthy", "boolean", (m) => m.streamHealthy()),
  call("GET /api/v1/streaming/user", "streamUser", "any", () => undefined, { notYet: STREAMING }),
  call("GET /api/v1/streaming/public", "streamPublic", "any", () => undefined, { notYet: STREAMING }),
  call("GET /api/v1/streaming/public/local", "streamLocal", "any", () => undefined, { notYet: STREAMING }),
  call("GET /api/v1/streaming/hashtag", "streamHashtag", "any", () => undefined, { notYet: STREAMING }),
  call("GET /api/v1/streaming/list", "streamList", "any", () => undefined, { notYet: STREAMING }),
  call("GET /api/v1/streaming/direct", "streamDirect", "any", () => undefined, { notYet: STREAMING }),
];
