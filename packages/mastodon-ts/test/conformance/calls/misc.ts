/** Lists, filters (v1 and v2), featured and followed tags, Web Push, reports. */
import { call, type CallEntry, type RecordedCall } from "./core.ts";

/** data[alerts][follow] → follow_events, data[alerts][admin.sign_up] → admin_sign_up_events, ... */
function pushEvents(r: RecordedCall): Record<string, unknown> {
  const events: Record<string, unknown> = {};
  for (const pair of r.request.pairs) {
    const alert = /^data\[alerts\]\[(.+)\]$/.exec(pair.key)?.[1];
    if (alert) events[`${alert.replace(/\./g, "_")}_events`] = r.bool(pair.key);
  }
  return events;
}

const bytes = (base64: string | undefined): Uint8Array => new Uint8Array(Buffer.from(base64 ?? "", "base64"));

function filterV1Options(r: RecordedCall): Record<string, unknown> {
  return { irreversible: r.bool("irreversible"), whole_word: r.bool("whole_word"), expires_in: r.num("expires_in") };
}

export const MISC_CALLS: readonly CallEntry[] = [
  call("GET /api/v1/lists", "lists", "UserList[]", (m) => m.lists()),
  call("GET /api/v1/lists/:id", "list", "UserList", (m, r) => m.list(r.ref())),
  call("POST /api/v1/lists", "listCreate", "UserList", (m, r) => m.listCreate(r.str("title"), {
    replies_policy: r.str("replies_policy"), exclusive: r.bool("exclusive"),
  })),
  call("PUT /api/v1/lists/:id", "listUpdate", "UserList", (m, r) => m.listUpdate(r.ref(), r.str("title"), {
    replies_policy: r.str("replies_policy"), exclusive: r.bool("exclusive"),
  })),
  call("DELETE /api/v1/lists/:id", "listDelete", "any", (m, r) => m.listDelete(r.ref())),
  call("GET /api/v1/lists/:id/accounts", "listAccounts", "Account[]", (m, r) => m.listAccounts(r.ref(), r.paging())),
  call("POST /api/v1/lists/:id/accounts", "listAccountsAdd", "any",
    (m, r) => m.listAccountsAdd(r.ref(), r.list("account_ids")?.map((id) => r.entityOr(id)))),
  call("DELETE /api/v1/lists/:id/accounts", "listAccountsDelete", "any",
    (m, r) => m.listAccountsDelete(r.ref(), r.list("account_ids")?.map((id) => r.entityOr(id)))),

  call("GET /api/v1/filters", "filters", "Filter[]", (m) => m.filters()),
  call("GET /api/v1/filters/:id", "filter", "Filter", (m, r) => m.filter(r.ref())),
  call("POST /api/v1/filters", "filterCreate", "Filter", (m, r) => m.filterCreate(r.str("phrase"), r.list("context"), filterV1Options(r))),
  call("PUT /api/v1/filters/:id", "filterUpdate", "Filter",
    (m, r) => m.filterUpdate(r.ref(), { phrase: r.str("phrase"), context: r.list("context"), ...filterV1Options(r) })),
  call("DELETE /api/v1/filters/:id", "filterDelete", "any", (m, r) => m.filterDelete(r.ref())),
  call("GET /api/v2/filters", "filtersV2", "FilterV2[]", (m) => m.filtersV2()),
  call("POST /api/v2/filters", "createFilterV2", "FilterV2", (m, r) => m.createFilterV2(r.str("title"), r.list("context"), r.str("filter_action"), {
    expires_in: r.num("expires_in"), keywords_attributes: r.json.keywords_attributes,
  })),
  call("GET /api/v2/filters/statuses/:id", "filterStatusV2", "FilterStatus", (m, r) => m.filterStatusV2(r.ref())),
  call("DELETE /api/v2/filters/statuses/:id", "deleteFilterStatusV2", "any", (m, r) => m.deleteFilterStatusV2(r.ref())),
  call("DELETE /api/v2/filters/keywords/:id", "deleteFilterKeywordV2", "any", (m, r) => m.deleteFilterKeywordV2(r.ref())),
  call("GET /api/v2/filters/:id", "filterV2", "FilterV2", (m, r) => m.filterV2(r.ref())),
  call("PUT /api/v2/filters/:id", "updateFilterV2", "FilterV2", (m, r) => m.updateFilterV2(r.ref(), {
    title: r.str("title"), context: r.list("context"), filter_action: r.str("filter_action"), expires_in: r.num("expires_in"),
    keywords_attributes: r.json.keywords_attributes,
  })),
  call("DELETE /api/v2/filters/:id", "deleteFilterV2", "any", (m, r) => m.deleteFilterV2(r.ref())),
  call("GET /api/v2/filters/:id/keywords", "filterKeywordsV2", "FilterKeyword[]", (m, r) => m.filterKeywordsV2(r.ref())),
  call("POST /api/v2/filters/:id/keywords", "addFilterKeywordV2", "FilterKeyword",
    (m, r) => m.addFilterKeywordV2(r.ref(), r.str("keyword"), { whole_word: r.bool("whole_word") })),
  call("GET /api/v2/filters/:id/statuses", "filterStatusesV2", "FilterStatus[]", (m, r) => m.filterStatusesV2(r.ref())),
  call("POST /api/v2/filters/:id/statuses", "addFilterStatusV2", "FilterStatus",
    (m, r) => m.addFilterStatusV2(r.ref(), r.entityOr(r.str("status_id") ?? ""))),

  call("GET /api/v1/featured_tags", "featuredTags", "FeaturedTag[]", (m) => m.featuredTags()),
  call("GET /api/v1/featured_tags/suggestions", "featuredTagSuggestions", "Tag[]", (m) => m.featuredTagSuggestions()),
  call("POST /api/v1/featured_tags", "featuredTagCreate", "FeaturedTag", (m, r) => m.featuredTagCreate(r.str("name"))),
  call("DELETE /api/v1/featured_tags/:id", "featuredTagDelete", "any", (m, r) => m.featuredTagDelete(r.ref())),
  call("POST /api/v1/tags/:name/feature", "tagFeature", "Tag", (m, r) => m.tagFeature(r.param("name"))),
  call("POST /api/v1/tags/:name/unfeature", "tagUnfeature", "Tag", (m, r) => m.tagUnfeature(r.param("name"))),
  call("GET /api/v1/followed_tags", "followedTags", "Tag[]", (m, r) => m.followedTags(r.paging())),
  call("GET /api/v1/tags/:name", "tag", "Tag", (m, r) => m.tag(r.param("name"))),
  call("POST /api/v1/tags/:name/follow", "tagFollow", "Tag", (m, r) => m.tagFollow(r.param("name"))),
  call("POST /api/v1/tags/:name/unfollow", "tagUnfollow", "Tag", (m, r) => m.tagUnfollow(r.param("name"))),

  call("GET /api/v1/push/subscription", "pushSubscription", "WebPushSubscription", (m) => m.pushSubscription()),
  call("POST /api/v1/push/subscription", "pushSubscriptionSet", "WebPushSubscription", (m, r) => m.pushSubscriptionSet(
    r.str("subscription[endpoint]"),
    { pubkey: bytes(r.str("subscription[keys][p256dh]")), auth: bytes(r.str("subscription[keys][auth]")) },
    { ...pushEvents(r), policy: r.str("policy"), standard: r.bool("subscription[standard]") },
  )),
  call("PUT /api/v1/push/subscription", "pushSubscriptionUpdate", "WebPushSubscription",
    (m, r) => m.pushSubscriptionUpdate({ ...pushEvents(r), policy: r.str("policy") })),
  call("DELETE /api/v1/push/subscription", "pushSubscriptionDelete", "any", (m) => m.pushSubscriptionDelete()),

  call("GET /api/v1/reports", "reports", "Report[]", (m) => m.reports()),
  call("POST /api/v1/reports", "report", "Report", (m, r) => m.report(r.entityOr(r.str("account_id") ?? ""), {
    status_ids: r.list("status_ids")?.map((id) => r.entityOr(id)), comment: r.str("comment"), forward: r.bool("forward"),
    category: r.str("category"), rule_ids: r.list("rule_ids"), forward_to_domains: r.list("forward_to_domains"),
  })),
];
