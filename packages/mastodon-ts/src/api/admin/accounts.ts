/** Admin: accounts and moderation actions on them. https://docs.joinmastodon.org/methods/admin/accounts/ */
import type { MastodonClient } from "../../core/client.js";
import { optionalIdOf, type IdLike, optionalIdsOf } from "../../core/ids.js";
import { path } from "../../core/path.js";
import type { EmptyResult, PaginatedList } from "../../core/types.js";
import { deprotocolize } from "../../internal/admin-params.js";
import { checkOneOf, pagingParams, type PagingOptions } from "../../internal/params.js";
import type { AdminAccount } from "../../entities/index.js";

const MODERATION_STATUSES = ["active", "pending", "disabled", "silenced", "suspended"] as const;
type ModerationStatus = (typeof MODERATION_STATUSES)[number] | (string & {});

export interface AdminAccountsV2Options extends PagingOptions {
  /** "local" or "remote" accounts only. */
  origin?: "local" | "remote" | (string & {}) | null;
  by_domain?: string | null;
  /** Only accounts in this moderation state. */
  status?: ModerationStatus | null;
  /** Accounts whose username contains this text. */
  username?: string | null;
  display_name?: string | null;
  email?: string | null;
  ip?: string | null;
  /** "staff": only accounts with staff permissions. */
  permissions?: "staff" | (string & {}) | null;
  /** Only accounts invited by this account. */
  invited_by?: IdLike | null;
  role_ids?: IdLike | IdLike[] | null;
}

/** Searches accounts by origin, moderation state, name, e-mail, IP, permissions, inviter or role. */
export async function adminAccountsV2(this: MastodonClient, options: AdminAccountsV2Options = {}): Promise<PaginatedList<AdminAccount>> {
  checkOneOf("permissions", options.permissions, ["staff"]);
  checkOneOf("origin", options.origin, ["local", "remote"]);
  checkOneOf("status", options.status, MODERATION_STATUSES);
  return this.request({
    method: "GET",
    path: "/api/v2/admin/accounts",
    params: {
      origin: options.origin,
      by_domain: options.by_domain ? deprotocolize(options.by_domain) : undefined,
      status: options.status,
      username: options.username,
      display_name: options.display_name,
      email: options.email,
      ip: options.ip,
      permissions: options.permissions,
      invited_by: optionalIdOf(options.invited_by, "invited_by"),
      role_ids: optionalIdsOf(options.role_ids, "role_ids"),
      ...pagingParams(options),
    },
    version: ["2.9.1", "4.0.0"],
  });
}

export interface AdminAccountsV1Options extends PagingOptions {
  /** Remote accounts instead of local ones. */
  remote?: boolean;
  by_domain?: string | null;
  /** The moderation state to list (default "active"). */
  status?: ModerationStatus | null;
  username?: string | null;
  display_name?: string | null;
  email?: string | null;
  ip?: string | null;
  /** Staff accounts only. */
  staff_only?: boolean;
}

/**
 * Lists accounts with the v1 endpoint, whose filters are flags (`active=true`, `remote=true`, ...).
 * A false flag means "either", not "not".
 */
export async function adminAccountsV1(this: MastodonClient, options: AdminAccountsV1Options = {}): Promise<PaginatedList<AdminAccount>> {
  const status = options.status ?? "active";
  checkOneOf("status", status, MODERATION_STATUSES);
  return this.request({
    method: "GET",
    path: "/api/v1/admin/accounts",
    params: {
      remote: options.remote ? true : undefined,
      [status]: true,
      staff: options.staff_only ? true : undefined,
      by_domain: options.by_domain ? deprotocolize(options.by_domain) : undefined,
      username: options.username,
      display_name: options.display_name,
      email: options.email,
      ip: options.ip,
      ...pagingParams(options),
    },
    version: ["2.9.1", "2.9.1"],
  });
}

/**
 * Mastodon.py's deprecated synonym of `adminAccountsV1` (it always calls the v1 endpoint, on every
 * server version; use `adminAccountsV2` for the newer filters).
 */
export async function adminAccounts(this: MastodonClient, options: AdminAccountsV1Options = {}): Promise<PaginatedList<AdminAccount>> {
  return adminAccountsV1.call(this, options);
}

export async function adminAccount(this: MastodonClient, id: IdLike): Promise<AdminAccount> {
  return this.request({ method: "GET", path: path`/api/v1/admin/accounts/${id}`, version: ["2.9.1", "2.9.1"] });
}

/** Lets a local account whose login was disabled log in again. */
export async function adminAccountEnable(this: MastodonClient, id: IdLike): Promise<AdminAccount> {
  return this.request({ method: "POST", path: path`/api/v1/admin/accounts/${id}/enable`, version: ["2.9.1", "2.9.1"] });
}

/** Approves a pending sign-up. */
export async function adminAccountApprove(this: MastodonClient, id: IdLike): Promise<AdminAccount> {
  return this.request({ method: "POST", path: path`/api/v1/admin/accounts/${id}/approve`, version: ["2.9.1", "2.9.1"] });
}

/** Rejects and deletes a pending sign-up; resolves to the account that is now gone. */
export async function adminAccountReject(this: MastodonClient, id: IdLike): Promise<AdminAccount> {
  return this.request({ method: "POST", path: path`/api/v1/admin/accounts/${id}/reject`, version: ["2.9.1", "2.9.1"] });
}

export async function adminAccountUnsilence(this: MastodonClient, id: IdLike): Promise<AdminAccount> {
  return this.request({ method: "POST", path: path`/api/v1/admin/accounts/${id}/unsilence`, version: ["2.9.1", "2.9.1"] });
}

export async function adminAccountUnsuspend(this: MastodonClient, id: IdLike): Promise<AdminAccount> {
  return this.request({ method: "POST", path: path`/api/v1/admin/accounts/${id}/unsuspend`, version: ["2.9.1", "2.9.1"] });
}

/** Deletes a local account (its data is removed by the server in the background). */
export async function adminAccountDelete(this: MastodonClient, id: IdLike): Promise<AdminAccount> {
  return this.request({ method: "DELETE", path: path`/api/v1/admin/accounts/${id}`, version: ["3.3.0", "3.3.0"] });
}

/** Removes the force-sensitive mark from an account's media. */
export async function adminAccountUnsensitive(this: MastodonClient, id: IdLike): Promise<AdminAccount> {
  return this.request({ method: "POST", path: path`/api/v1/admin/accounts/${id}/unsensitive`, version: ["3.3.0", "3.3.0"] });
}

/** The moderation actions of POST /api/v1/admin/accounts/:id/action ("none" only warns). */
const ADMIN_MODERATION_ACTIONS = ["none", "sensitive", "disable", "silence", "suspend"] as const;

export interface AdminAccountModerateOptions {
  /** none (a warning only, the default), sensitive, disable, silence or suspend. */
  action?: (typeof ADMIN_MODERATION_ACTIONS)[number] | (string & {}) | null;
  /** The report this action resolves. */
  report_id?: IdLike | null;
  /** A warning preset whose text is sent to the user (before `text`). */
  warning_preset_id?: IdLike | null;
  /** Text sent to the user. */
  text?: string | null;
  /** E-mail the user about the action (default true). */
  send_email_notification?: boolean | null;
}

/**
 * Takes a moderation action on an account (with no action: a warning), and logs it; also resolves
 * open reports against the account. Resolves to the server's (empty) body.
 */
export async function adminAccountModerate(this: MastodonClient, id: IdLike, options: AdminAccountModerateOptions = {}): Promise<EmptyResult> {
  const action = options.action ?? "none";
  checkOneOf("action", action, ADMIN_MODERATION_ACTIONS);
  return this.request({
    method: "POST",
    path: path`/api/v1/admin/accounts/${id}/action`,
    params: {
      type: action,
      report_id: optionalIdOf(options.report_id, "report_id"),
      warning_preset_id: optionalIdOf(options.warning_preset_id, "warning_preset_id"),
      text: options.text,
      // Mastodon.py leaves false out, which the server reads as its default, true; sending it keeps the user's choice.
      send_email_notification: options.send_email_notification ?? true,
    },
    version: ["2.9.1", "2.9.1"],
  });
}
