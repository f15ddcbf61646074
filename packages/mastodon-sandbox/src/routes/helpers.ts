// Lookups and renderers shared by the route files.
import { renderAccount } from "../render/account.js";
import { renderStatus, type StatusRenderOptions } from "../render/status.js";
import type { Context } from "../server/context.js";
import { recordNotFound, validationFailed } from "../server/errors.js";
import type { Page } from "../server/pagination.js";
import { json } from "../server/response.js";
import { canView } from "../services/visibility.js";
import type { AccountRecord, StatusParams, StatusRecord, Visibility } from "../state/types.js";
import { VISIBILITIES } from "../state/types.js";

export function findAccount(c: Context, id = c.path("id")): AccountRecord {
  const account = c.store.accounts.get(id);
  if (!account || account.suspended) throw recordNotFound();
  return account;
}

/** A status the viewer may see; anything else is "Record not found", as Mastodon hides it. */
export function findStatus(c: Context, id = c.path("id")): StatusRecord {
  const status = c.store.statuses.get(id);
  if (!status || !canView(c.store, c.viewer, status)) throw recordNotFound();
  return status;
}

export function ownStatus(c: Context, id = c.path("id")): StatusRecord {
  const status = c.store.statuses.get(id);
  if (!status || status.accountId !== c.user().id) throw recordNotFound();
  return status;
}

export function accountJson(c: Context, accounts: AccountRecord[]) {
  return accounts.map((account) => renderAccount(c.core, account));
}

export function statusJson(c: Context, statuses: StatusRecord[], options: StatusRenderOptions = {}) {
  return statuses.map((status) => renderStatus(c.core, status, c.viewer, options));
}

/** A JSON page with its Link header. */
export function pageResponse<T>(page: Page<T>, body: unknown): Response {
  return json(body, 200, page.link ? { link: page.link } : {});
}

export function parseVisibility(value: string | undefined): Visibility | null {
  if (value === undefined || value === "") return null;
  const found = VISIBILITIES.find((v) => v === value);
  if (!found) throw validationFailed("Visibility is not included in the list");
  return found;
}

/** The body of POST /api/v1/statuses (docs: methods/statuses.md#create). */
export function statusParams(c: Context): StatusParams {
  const p = c.params;
  const poll = p.obj("poll");
  const options = poll?.list("options") ?? [];
  return {
    text: p.str("status") ?? "",
    spoilerText: p.str("spoiler_text") ?? null,
    visibility: parseVisibility(p.str("visibility")),
    sensitive: p.bool("sensitive") ?? null,
    language: p.str("language") || null,
    inReplyToId: p.str("in_reply_to_id") || null,
    mediaIds: p.list("media_ids"),
    poll: poll && options.length > 0
      ? {
          options,
          expiresIn: poll.int("expires_in") ?? 86_400,
          multiple: poll.bool("multiple") ?? false,
          hideTotals: poll.bool("hide_totals") ?? false,
        }
      : null,
  };
}
