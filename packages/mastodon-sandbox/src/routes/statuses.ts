// Statuses (docs: methods/statuses.md): posting, reading, threads, edits and deletion.
import { renderAccount } from "../render/account.js";
import { renderScheduledStatus } from "../render/misc.js";
import { renderStatus, renderStatusEdit, renderStatusSource } from "../render/status.js";
import { parseTime } from "../render/time.js";
import type { Context } from "../server/context.js";
import { recordNotFound, routeNotFound, validationFailed } from "../server/errors.js";
import { paginate } from "../server/pagination.js";
import { json } from "../server/response.js";
import type { Router } from "../server/router.js";
import { deleteStatus, editStatus, postStatus } from "../services/statuses.js";
import { scheduleStatus } from "../services/scheduled.js";
import { visibleTo } from "../services/visibility.js";
import type { StatusRecord } from "../state/types.js";
import { findStatus, ownStatus, pageResponse, statusJson, statusParams } from "./helpers.js";

const readStatuses = { access: "optional", scopes: ["read:statuses"] } as const;
const writeStatuses = { access: "user", scopes: ["write:statuses"] } as const;

export function statusRoutes(r: Router): void {
  r.post("/api/v1/statuses", writeStatuses, (c) => create(c));

  r.get("/api/v1/statuses", readStatuses, (c) =>
    json(statusJson(c, c.params.list("id").flatMap((id) => {
      const status = c.store.statuses.get(id);
      return status && visibleTo(c.store, c.viewer, status) ? [status] : [];
    }))),
  );

  r.get("/api/v1/statuses/:id", readStatuses, (c) => json(renderStatus(c.core, findStatus(c), c.viewer)));

  r.put("/api/v1/statuses/:id", writeStatuses, (c) => {
    const status = ownStatus(c);
    const p = c.params;
    const parsed = statusParams(c);
    editStatus(c.core, c.user(), status, {
      text: p.str("status"),
      spoilerText: p.str("spoiler_text"),
      sensitive: p.bool("sensitive"),
      language: p.str("language"),
      mediaIds: p.has("media_ids") || p.has("media_ids[]") ? p.list("media_ids") : undefined,
      poll: parsed.poll ?? undefined,
      mediaAttributes: p.objects("media_attributes").map((m) => ({ id: m.str("id") ?? "", description: m.str("description"), focus: m.str("focus") })),
    });
    return json(renderStatus(c.core, status, c.viewer));
  });

  r.delete("/api/v1/statuses/:id", writeStatuses, (c) => {
    const status = ownStatus(c);
    // The answer carries the source text so that clients can offer "delete and redraft".
    const body = renderStatus(c.core, status, c.viewer, { source: true });
    deleteStatus(c.core, status, c.params.bool("delete_media") ?? false);
    return json(body);
  });

  r.get("/api/v1/statuses/:id/context", readStatuses, (c) => {
    const status = findStatus(c);
    return json({
      ancestors: statusJson(c, ancestors(c, status), { context: "thread" }),
      descendants: statusJson(c, descendants(c, status), { context: "thread" }),
    });
  });

  r.get("/api/v1/statuses/:id/history", readStatuses, (c) => {
    const status = findStatus(c);
    const versions = status.edits.length > 0
      ? status.edits
      : [{ text: status.text, spoilerText: status.spoilerText, sensitive: status.sensitive, mediaIds: status.mediaIds, pollOptions: null, createdAt: status.createdAt }];
    return json(versions.map((edit) => renderStatusEdit(c.core, status, edit)));
  });

  r.get("/api/v1/statuses/:id/source", { access: "user", scopes: ["read:statuses"] }, (c) => json(renderStatusSource(ownStatus(c))));

  r.get("/api/v1/statuses/:id/reblogged_by", readStatuses, (c) => {
    const status = findStatus(c);
    const reblogs = [...c.store.statuses.values()].filter((s) => s.reblogOfId === status.id);
    const page = paginate(c, reblogs, { cursor: (s) => s.id, defaultLimit: 40, prev: "since_id" });
    return pageResponse(page, page.items.flatMap((s) => {
      const account = c.store.accounts.get(s.accountId);
      return account ? [renderAccount(c.core, account)] : [];
    }));
  });

  r.get("/api/v1/statuses/:id/favourited_by", readStatuses, (c) => {
    const status = findStatus(c);
    const page = paginate(c, c.store.favourites.byTarget(status.id), { cursor: (f) => f.id, defaultLimit: 40, prev: "since_id" });
    return pageResponse(page, page.items.flatMap((f) => {
      const account = c.store.accounts.get(f.accountId);
      return account ? [renderAccount(c.core, account)] : [];
    }));
  });

  r.get("/api/v1/statuses/:id/quotes", { access: "user", scopes: ["read:statuses"] }, (c) => {
    findStatus(c);
    return json([]);
  });

  r.post("/api/v1/statuses/:id/quotes/:quoting_status_id/revoke", writeStatuses, (c) => {
    ownStatus(c);
    throw recordNotFound();
  });

  r.put("/api/v1/statuses/:id/interaction_policy", writeStatuses, (c) => json(renderStatus(c.core, ownStatus(c), c.viewer)));

  r.post("/api/v1/statuses/:id/translate", { access: "app", scopes: ["read:statuses"] }, (c) => {
    findStatus(c);
    // Translation is not configured on the sandbox, like the recorded server.
    throw routeNotFound();
  });

  r.get("/api/v1/statuses/:id/card", readStatuses, (c) => {
    findStatus(c);
    return json({});
  });
}

function create(c: Context): Response {
  const account = c.user();
  const params = statusParams(c);
  const scheduledText = c.params.str("scheduled_at");
  const scheduledAt = parseTime(scheduledText);
  if (scheduledText && scheduledAt === undefined) throw validationFailed("Scheduled at is invalid");
  // A time in the past posts at once; less than five minutes ahead is refused (ScheduledStatus validation).
  if (scheduledAt !== undefined && scheduledAt > c.core.now()) {
    if (scheduledAt < c.core.now() + 5 * 60_000) throw validationFailed("Scheduled at The scheduled date must be in the future");
    return json(renderScheduledStatus(c.core, scheduleStatus(c.core, account, params, scheduledAt, c.auth?.application.id ?? null)));
  }
  const status = postStatus(c.core, account, params, {
    applicationId: c.auth?.application.id ?? null,
    idempotencyKey: c.header("idempotency-key"),
  });
  return json(renderStatus(c.core, status, c.viewer));
}

function ancestors(c: Context, status: StatusRecord): StatusRecord[] {
  const chain: StatusRecord[] = [];
  let current = status;
  while (current.inReplyToId !== null && chain.length < 40) {
    const parent = c.store.statuses.get(current.inReplyToId);
    if (!parent) break;
    if (visibleTo(c.store, c.viewer, parent)) chain.unshift(parent);
    current = parent;
  }
  return chain;
}

/** Depth-first, oldest reply first at each level, like Mastodon's thread view. */
function descendants(c: Context, status: StatusRecord): StatusRecord[] {
  const result: StatusRecord[] = [];
  const walk = (parentId: string, depth: number) => {
    if (depth > 60 || result.length >= 4096) return;
    const replies = [...c.store.statuses.values()]
      .filter((s) => s.inReplyToId === parentId)
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    for (const reply of replies) {
      if (visibleTo(c.store, c.viewer, reply)) result.push(reply);
      walk(reply.id, depth + 1);
    }
  };
  walk(status.id, 0);
  return result;
}
