// The route table: one file per API area. Order matters where a fixed path segment would
// otherwise be taken for an :id (e.g. /api/v2/notifications/policy before /:group_key).
import { oauthAuthorizeRoutes } from "../oauth/authorize-routes.js";
import { oauthTokenRoutes } from "../oauth/token-routes.js";
import { Router } from "../server/router.js";
import { accountActionRoutes } from "./account-actions.js";
import { accountRoutes } from "./accounts.js";
import { appRoutes } from "./apps.js";
import { collectionRoutes } from "./collections.js";
import { credentialRoutes } from "./credentials.js";
import { filterRoutes } from "./filters.js";
import { groupedNotificationRoutes } from "./grouped-notifications.js";
import { instanceRoutes } from "./instance.js";
import { listRoutes } from "./lists.js";
import { meRoutes } from "./me.js";
import { mediaRoutes } from "./media.js";
import { notificationRoutes } from "./notifications.js";
import { reportRoutes } from "./reports.js";
import { scheduledRoutes } from "./scheduled.js";
import { searchRoutes } from "./search.js";
import { statusActionRoutes } from "./status-actions.js";
import { statusRoutes } from "./statuses.js";
import { streamingRoutes } from "./streaming.js";
import { tagRoutes } from "./tags.js";
import { timelineRoutes } from "./timelines.js";

export function apiRouter(): Router {
  const r = new Router();
  oauthTokenRoutes(r);
  oauthAuthorizeRoutes(r);
  appRoutes(r);
  credentialRoutes(r);
  accountRoutes(r);
  accountActionRoutes(r);
  statusRoutes(r);
  statusActionRoutes(r);
  scheduledRoutes(r);
  timelineRoutes(r);
  notificationRoutes(r);
  groupedNotificationRoutes(r);
  mediaRoutes(r);
  listRoutes(r);
  searchRoutes(r);
  collectionRoutes(r);
  filterRoutes(r);
  tagRoutes(r);
  reportRoutes(r);
  meRoutes(r);
  instanceRoutes(r);
  streamingRoutes(r);
  return r;
}
