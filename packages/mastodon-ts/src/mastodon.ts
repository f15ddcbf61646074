/**
 * `Mastodon`: the complete facade, every API method on one object, as in Mastodon.py.
 * The methods live in src/api/ as functions over MastodonClient; this file only lists the
 * areas. An app that wants a small bundle imports those functions instead (see README).
 */
import { MastodonClient } from "./core/client.js";
import type { MastodonOptions } from "./core/options.js";
import * as accounts from "./api/accounts.js";
import * as apps from "./api/apps.js";
import * as instance from "./api/instance.js";
import * as media from "./api/media.js";
import * as notifications from "./api/notifications.js";
import * as oauth from "./api/oauth.js";
import * as pagination from "./api/pagination.js";
import * as relationships from "./api/relationships.js";
import * as reports from "./api/reports.js";
import * as search from "./api/search.js";
import * as statuses from "./api/statuses.js";
import * as timelines from "./api/timelines.js";

/** Turns an area module's `(this: MastodonClient, ...)` functions into method types. */
type Methods<Area> = {
  [Name in keyof Area as Area[Name] extends (this: MastodonClient, ...args: never[]) => unknown ? Name : never]: OmitThisParameter<Area[Name]>;
};

/** Functions of an area module that take the client as `this`: the API methods. */
function methodsOf(area: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(area).filter(([, value]) => typeof value === "function"));
}

const AREAS = [accounts, instance, media, notifications, oauth, pagination, relationships, reports, search, statuses, timelines];

// Declaration merging: the class gets every area's methods in its type. It is safe here because
// the loop at the end of this file installs exactly those functions on the prototype.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface Mastodon extends
  Methods<typeof accounts>, Methods<typeof instance>, Methods<typeof media>, Methods<typeof notifications>,
  Methods<typeof oauth>, Methods<typeof pagination>, Methods<typeof relationships>, Methods<typeof reports>,
  Methods<typeof search>, Methods<typeof statuses>, Methods<typeof timelines> {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Mastodon extends MastodonClient {
  /** Registers an app; resolves to [client_id, client_secret]. See `createApp` in api/apps.ts. */
  static createApp = apps.createApp;

  constructor(options: MastodonOptions = {}) {
    super(options);
  }
}

for (const area of AREAS) Object.assign(Mastodon.prototype, methodsOf(area));
