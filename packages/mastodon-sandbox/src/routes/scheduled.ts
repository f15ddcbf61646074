// Scheduled statuses and polls (docs: methods/scheduled_statuses.md, methods/polls.md).
import { renderScheduledStatus } from "../render/misc.js";
import { renderPoll } from "../render/poll.js";
import { parseTime } from "../render/time.js";
import type { Context } from "../server/context.js";
import { recordNotFound, validationFailed } from "../server/errors.js";
import { paginate } from "../server/pagination.js";
import { json } from "../server/response.js";
import type { Router } from "../server/router.js";
import { vote } from "../services/interactions.js";
import { cancelScheduled, reschedule } from "../services/scheduled.js";
import { findStatus, pageResponse } from "./helpers.js";

function ownScheduled(c: Context) {
  const record = c.store.scheduled.get(c.path("id"));
  if (!record || record.accountId !== c.user().id) throw recordNotFound();
  return record;
}

export function scheduledRoutes(r: Router): void {
  r.get("/api/v1/scheduled_statuses", { access: "user", scopes: ["read:statuses"] }, (c) => {
    const mine = [...c.store.scheduled.values()].filter((s) => s.accountId === c.user().id);
    const page = paginate(c, mine, { cursor: (s) => s.id });
    return pageResponse(page, page.items.map((s) => renderScheduledStatus(c.core, s)));
  });

  r.get("/api/v1/scheduled_statuses/:id", { access: "user", scopes: ["read:statuses"] }, (c) =>
    json(renderScheduledStatus(c.core, ownScheduled(c))),
  );

  r.put("/api/v1/scheduled_statuses/:id", { access: "user", scopes: ["write:statuses"] }, (c) => {
    const record = ownScheduled(c);
    const at = parseTime(c.params.str("scheduled_at"));
    if (at === undefined) throw validationFailed("Scheduled at is invalid");
    reschedule(c.core, record, at);
    return json(renderScheduledStatus(c.core, record));
  });

  r.delete("/api/v1/scheduled_statuses/:id", { access: "user", scopes: ["write:statuses"] }, (c) => {
    cancelScheduled(c.core, ownScheduled(c));
    return json({});
  });

  r.get("/api/v1/polls/:id", { access: "optional", scopes: ["read:statuses"] }, (c) => {
    const poll = c.store.polls.get(c.path("id"));
    if (!poll) throw recordNotFound();
    const status = findStatus(c, poll.statusId);
    return json(renderPoll(c.core, poll, c.viewer, status.accountId));
  });

  r.post("/api/v1/polls/:id/votes", { access: "user", scopes: ["write:statuses"] }, (c) => {
    const poll = c.store.polls.get(c.path("id"));
    if (!poll) throw recordNotFound();
    const status = findStatus(c, poll.statusId);
    const choices = c.params.list("choices").map((choice) => (/^\d+$/.test(choice) ? Number(choice) : -1));
    vote(c.core, c.user(), poll, choices);
    return json(renderPoll(c.core, poll, c.viewer, status.accountId));
  });
}
