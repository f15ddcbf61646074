/**
 * The instance methods of Mastodon.py 2.2.2 (../shared/spec/mastodonpy-methods.json), in this
 * library's lowerCamelCase. The call table is typed against these names, so a call can name a
 * method the client does not have yet: the driver then reports the cassette as not exercisable.
 */
export const METHOD_NAMES = [
  "acceptMultipleNotificationRequests", "acceptNotificationRequest", "account", "accountBlock",
  "accountDeleteAvatar", "accountDeleteHeader", "accountEndorse", "accountFamiliarFollowers", "accountFeaturedTags",
  "accountFollow", "accountFollowers", "accountFollowing", "accountLists", "accountLookup", "accountMute",
  "accountNoteSet", "accountPin", "accountRelationships", "accountRemoveFromFollowers", "accountSearch",
  "accountStatuses", "accountUnblock", "accountUnendorse", "accountUnfollow", "accountUnmute", "accountUnpin",
  "accountUpdateCredentials", "accountVerifyCredentials", "accounts", "addFilterKeywordV2", "addFilterStatusV2",
  "adminAccount", "adminAccountApprove", "adminAccountDelete", "adminAccountEnable", "adminAccountModerate",
  "adminAccountReject", "adminAccountUnsensitive", "adminAccountUnsilence", "adminAccountUnsuspend", "adminAccounts",
  "adminAccountsV1", "adminAccountsV2", "adminApproveTrendingLink", "adminApproveTrendingStatus",
  "adminApproveTrendingTag", "adminCanonicalEmailBlock", "adminCanonicalEmailBlocks",
  "adminCreateCanonicalEmailBlock", "adminCreateDomainAllow", "adminCreateDomainBlock",
  "adminCreateEmailDomainBlock", "adminCreateIpBlock", "adminDeleteCanonicalEmailBlock", "adminDeleteDomainAllow",
  "adminDeleteDomainBlock", "adminDeleteEmailDomainBlock", "adminDeleteIpBlock", "adminDimensions",
  "adminDomainAllow", "adminDomainAllows", "adminDomainBlocks", "adminEmailDomainBlock", "adminEmailDomainBlocks",
  "adminIpBlock", "adminIpBlocks", "adminMeasures", "adminRejectTrendingLink", "adminRejectTrendingStatus",
  "adminRejectTrendingTag", "adminReport", "adminReportAssign", "adminReportReopen", "adminReportResolve",
  "adminReportUnassign", "adminReports", "adminRetention", "adminTestCanonicalEmailBlock", "adminTrendingLinks",
  "adminTrendingStatuses", "adminTrendingTags", "adminUpdateDomainBlock", "adminUpdateIpBlock",
  "announcementDismiss", "announcementReactionCreate", "announcementReactionDelete", "announcements",
  "appVerifyCredentials", "authRequestUrl", "awaitAsyncRefresh", "blocks", "bookmarks", "clearCaches",
  "conversations", "conversationsRead", "createAccount", "createFilterV2", "customEmojis", "decodeBlurhash",
  "deleteFilterKeywordV2", "deleteFilterStatusV2", "deleteFilterV2", "directory", "dismissGroupedNotification",
  "dismissMultipleNotificationRequests", "dismissNotificationRequest", "domainBlock", "domainBlocks",
  "domainUnblock", "emailResendConfirmation", "endorsements", "favourites", "featuredTagCreate", "featuredTagDelete",
  "featuredTagSuggestions", "featuredTags", "fetchNext", "fetchPrevious", "fetchRemaining", "filter", "filterCreate",
  "filterDelete", "filterKeywordsV2", "filterStatusV2", "filterStatusesV2", "filterUpdate", "filterV2", "filters",
  "filtersApply", "filtersV2", "followRequestAuthorize", "followRequestReject", "followRequests", "followedTags",
  "follows", "generateMediaEditAttributes", "getApproxServerTime", "getAsyncRefreshInfo", "getAsyncRefreshStatus",
  "getPaginationInfo", "groupedNotification", "groupedNotificationAccounts", "groupedNotifications", "instance",
  "instanceActivity", "instanceDomainBlocks", "instanceExtendedDescription", "instanceHealth", "instanceLanguages",
  "instanceNodeinfo", "instancePeers", "instanceRules", "instanceTermsOfService", "instanceTranslationLanguages",
  "instanceV1", "instanceV2", "list", "listAccounts", "listAccountsAdd", "listAccountsDelete", "listCreate",
  "listDelete", "listUpdate", "lists", "logIn", "makePoll", "markersGet", "markersSet", "me", "media", "mediaPost",
  "mediaUpdate", "mutes", "notificationRequest", "notificationRequests", "notifications", "notificationsClear",
  "notificationsDismiss", "notificationsMerged", "notificationsPolicy", "notificationsUnreadCount",
  "oauthAuthorizationServerInfo", "oauthUserinfo", "paginationIterator", "persistableLoginCredentials", "poll",
  "pollVote", "preferences", "pushSubscription", "pushSubscriptionDecryptPush", "pushSubscriptionDelete",
  "pushSubscriptionGenerateKeys", "pushSubscriptionSet", "pushSubscriptionUpdate", "report", "reports",
  "retrieveMastodonVersion", "revokeAccessToken", "scheduledStatus", "scheduledStatusDelete",
  "scheduledStatusUpdate", "scheduledStatuses", "search", "searchV1", "searchV2", "setLanguage", "status",
  "statusBookmark", "statusCard", "statusContext", "statusDelete", "statusFavourite", "statusFavouritedBy",
  "statusHistory", "statusMute", "statusPin", "statusPost", "statusQuoteRevoke", "statusQuotes", "statusReblog",
  "statusRebloggedBy", "statusReply", "statusSource", "statusTranslate", "statusUnbookmark", "statusUnfavourite",
  "statusUnmute", "statusUnpin", "statusUnreblog", "statusUpdate", "statusUpdateQuoteApprovalPolicy", "statuses",
  "streamDirect", "streamHashtag", "streamHealthy", "streamList", "streamLocal", "streamPublic", "streamUser",
  "suggestionDelete", "suggestions", "suggestionsV1", "suggestionsV2", "tag", "tagFeature", "tagFollow",
  "tagUnfeature", "tagUnfollow", "timeline", "timelineHashtag", "timelineHome", "timelineIsAvailable",
  "timelineLink", "timelineList", "timelineLocal", "timelinePublic", "toot", "trendingLinks", "trendingStatuses",
  "trendingTags", "trends", "unreadGroupedNotificationsCount", "updateFilterV2", "updateNotificationsPolicy",
  "verifyMinimumVersion",
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

/** Static methods of `Mastodon` that the cassettes exercise. */
export const STATIC_NAMES = ["createApp"] as const;
export type StaticName = (typeof STATIC_NAMES)[number];
