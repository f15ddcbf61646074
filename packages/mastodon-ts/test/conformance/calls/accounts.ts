/** Accounts, relationships and the lists of accounts the user keeps. */
import { call, type CallEntry, type RecordedCall } from "./core.ts";

/** update_credentials' profile fields: fields_attributes[i][name|value] → [[name, value], ...]. */
function profileFields(r: RecordedCall): Array<[string, string]> | undefined {
  const fields: Array<[string, string]> = [];
  for (let i = 0; r.has(`fields_attributes[${i}][name]`); i++) {
    fields.push([r.str(`fields_attributes[${i}][name]`) ?? "", r.str(`fields_attributes[${i}][value]`) ?? ""]);
  }
  return fields.length > 0 ? fields : undefined;
}

function updateCredentialsOptions(r: RecordedCall): Record<string, unknown> {
  const avatar = r.file("avatar");
  const header = r.file("header");
  return {
    display_name: r.str("display_name"),
    note: r.str("note"),
    avatar: avatar?.bytes,
    avatar_mime_type: avatar?.contentType,
    header: header?.bytes,
    header_mime_type: header?.contentType,
    locked: r.bool("locked"),
    bot: r.bool("bot"),
    discoverable: r.bool("discoverable"),
    fields: profileFields(r),
    hide_collections: r.bool("hide_collections"),
    indexable: r.bool("indexable"),
    attribution_domains: r.list("attribution_domains"),
    default_privacy: r.str("source[privacy]"),
    default_sensitive: r.bool("source[sensitive]"),
    default_language: r.str("source[language]"),
    default_quote_policy: r.str("source[quote_policy]"),
  };
}

export const ACCOUNT_CALLS: readonly CallEntry[] = [
  call("GET /api/v1/accounts/verify_credentials", "accountVerifyCredentials", "Account", (m) => m.accountVerifyCredentials()),
  call("GET /api/v1/accounts/lookup", "accountLookup", "Account", (m, r) => m.accountLookup(r.str("acct"))),
  call("GET /api/v1/accounts/relationships", "accountRelationships", "Relationship[]",
    (m, r) => m.accountRelationships(r.oneOrList("id"), { with_suspended: r.bool("with_suspended") })),
  call("GET /api/v1/accounts/familiar_followers", "accountFamiliarFollowers", "FamiliarFollowers[]",
    (m, r) => m.accountFamiliarFollowers(r.oneOrList("id"))),
  call("GET /api/v1/accounts/search", "accountSearch", "Account[]", (m, r) => m.accountSearch(r.str("q"), {
    limit: r.num("limit"), following: r.bool("following"), resolve: r.bool("resolve"), offset: r.num("offset"),
  })),
  call("GET /api/v1/accounts", "accounts", "Account[]", (m, r) => m.accounts(r.list("id"))),
  call("GET /api/v1/accounts/:id", "account", "Account", (m, r) => m.account(r.ref())),
  call("GET /api/v1/accounts/:id/statuses", "accountStatuses", "Status[]", (m, r) => m.accountStatuses(r.ref(), {
    only_media: r.bool("only_media"), pinned: r.bool("pinned"), exclude_replies: r.bool("exclude_replies"),
    exclude_reblogs: r.bool("exclude_reblogs"), tagged: r.str("tagged"), ...r.paging(),
  })),
  call("GET /api/v1/accounts/:id/following", "accountFollowing", "Account[]", (m, r) => m.accountFollowing(r.ref(), r.paging())),
  call("GET /api/v1/accounts/:id/followers", "accountFollowers", "Account[]", (m, r) => m.accountFollowers(r.ref(), r.paging())),
  call("GET /api/v1/accounts/:id/lists", "accountLists", "UserList[]", (m, r) => m.accountLists(r.ref())),
  call("GET /api/v1/accounts/:id/featured_tags", "accountFeaturedTags", "FeaturedTag[]", (m, r) => m.accountFeaturedTags(r.ref())),
  call("POST /api/v1/accounts/:id/follow", "accountFollow", "Relationship", (m, r) => m.accountFollow(r.ref(), {
    reblogs: r.bool("reblogs"), notify: r.bool("notify"), languages: r.list("languages"),
  })),
  call("POST /api/v1/accounts/:id/unfollow", "accountUnfollow", "Relationship", (m, r) => m.accountUnfollow(r.ref())),
  call("POST /api/v1/accounts/:id/remove_from_followers", "accountRemoveFromFollowers", "Relationship",
    (m, r) => m.accountRemoveFromFollowers(r.ref())),
  call("POST /api/v1/accounts/:id/block", "accountBlock", "Relationship", (m, r) => m.accountBlock(r.ref())),
  call("POST /api/v1/accounts/:id/unblock", "accountUnblock", "Relationship", (m, r) => m.accountUnblock(r.ref())),
  call("POST /api/v1/accounts/:id/mute", "accountMute", "Relationship",
    (m, r) => m.accountMute(r.ref(), { notifications: r.bool("notifications"), duration: r.num("duration") })),
  call("POST /api/v1/accounts/:id/unmute", "accountUnmute", "Relationship", (m, r) => m.accountUnmute(r.ref())),
  call("POST /api/v1/accounts/:id/pin", "accountPin", "Relationship", (m, r) => m.accountPin(r.ref())),
  call("POST /api/v1/accounts/:id/unpin", "accountUnpin", "Relationship", (m, r) => m.accountUnpin(r.ref())),
  call("POST /api/v1/accounts/:id/endorse", "accountEndorse", "Relationship", (m, r) => m.accountEndorse(r.ref())),
  call("POST /api/v1/accounts/:id/unendorse", "accountUnendorse", "Relationship", (m, r) => m.accountUnendorse(r.ref())),
  call("POST /api/v1/accounts/:id/note", "accountNoteSet", "Relationship", (m, r) => m.accountNoteSet(r.ref(), r.str("comment"))),
  call("PATCH /api/v1/accounts/update_credentials", "accountUpdateCredentials", "Account",
    (m, r) => m.accountUpdateCredentials(updateCredentialsOptions(r))),
  call("DELETE /api/v1/profile/avatar", "accountDeleteAvatar", "Account", (m) => m.accountDeleteAvatar()),
  call("DELETE /api/v1/profile/header", "accountDeleteHeader", "Account", (m) => m.accountDeleteHeader()),
  call("GET /api/v1/endorsements", "endorsements", "Account[]", (m) => m.endorsements()),

  // Lists of accounts the user keeps.
  call("GET /api/v1/mutes", "mutes", "Account[]", (m, r) => m.mutes(r.paging())),
  call("GET /api/v1/blocks", "blocks", "Account[]", (m, r) => m.blocks(r.paging())),
  call("GET /api/v1/follow_requests", "followRequests", "Account[]", (m, r) => m.followRequests(r.paging())),
  call("POST /api/v1/follow_requests/:id/authorize", "followRequestAuthorize", "Relationship",
    (m, r) => m.followRequestAuthorize(r.ref())),
  call("POST /api/v1/follow_requests/:id/reject", "followRequestReject", "Relationship", (m, r) => m.followRequestReject(r.ref())),
  call("GET /api/v1/domain_blocks", "domainBlocks", "string[]", (m, r) => m.domainBlocks(r.paging())),
  call("POST /api/v1/domain_blocks", "domainBlock", "any", (m, r) => m.domainBlock(r.str("domain"))),
  call("DELETE /api/v1/domain_blocks", "domainUnblock", "any", (m, r) => m.domainUnblock(r.str("domain"))),
  call("GET /api/v2/suggestions", "suggestions", "Suggestion[]", (m) => m.suggestions(),
    { when: (r) => !r.env.cassette.interactions.slice(0, r.position).some((i) => i.request.path === "/api/v2/suggestions") }),
  call("GET /api/v2/suggestions", "suggestionsV2", "Suggestion[]", (m) => m.suggestionsV2()),
  call("GET /api/v1/suggestions", "suggestionsV1", "Account[]", (m) => m.suggestionsV1()),
  call("DELETE /api/v1/suggestions/:id", "suggestionDelete", "any", (m, r) => m.suggestionDelete(r.ref())),
  call("GET /api/v1/directory", "directory", "Account[]", (m, r) => m.directory({
    offset: r.num("offset"), limit: r.num("limit"), order: r.str("order"), local: r.bool("local"),
  })),
];
