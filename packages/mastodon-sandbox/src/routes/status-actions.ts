// Interactions with a status (docs: methods/statuses.md#favourite ... #unpin).
// Each answers with the status as the viewer now sees it.
import { renderStatus, threadRoot } from "../render/status.js";
import type { Context } from "../server/context.js";
import { json } from "../server/response.js";
import type { Router } from "../server/router.js";
import { favourite, pin, reblog, unreblog } from "../services/interactions.js";
import type { StatusRecord } from "../state/types.js";
import { findStatus, parseVisibility } from "./helpers.js";

function answer(c: Context, status: StatusRecord): Response {
  return json(renderStatus(c.core, status, c.viewer));
}

export function statusActionRoutes(r: Router): void {
  const favourites = { access: "user", scopes: ["write:favourites"] } as const;
  const statuses = { access: "user", scopes: ["write:statuses"] } as const;
  const bookmarks = { access: "user", scopes: ["write:bookmarks"] } as const;
  const mutes = { access: "user", scopes: ["write:mutes"] } as const;
  const accounts = { access: "user", scopes: ["write:accounts"] } as const;

  r.post("/api/v1/statuses/:id/favourite", favourites, (c) => {
    const status = findStatus(c);
    favourite(c.core, c.user(), status);
    return answer(c, status);
  });

  r.post("/api/v1/statuses/:id/unfavourite", favourites, (c) => {
    const status = findStatus(c);
    c.store.favourites.remove(c.user().id, status.id);
    return answer(c, status);
  });

  r.post("/api/v1/statuses/:id/reblog", statuses, (c) => {
    const visibility = parseVisibility(c.params.str("visibility")) ?? undefined;
    const wrapper = reblog(c.core, c.user(), findStatus(c), visibility, c.auth?.application.id ?? null);
    return answer(c, wrapper);
  });

  r.post("/api/v1/statuses/:id/unreblog", statuses, (c) => answer(c, unreblog(c.core, c.user(), findStatus(c))));

  r.post("/api/v1/statuses/:id/bookmark", bookmarks, (c) => {
    const status = findStatus(c);
    c.store.bookmarks.add(c.user().id, status.id);
    return answer(c, status);
  });

  r.post("/api/v1/statuses/:id/unbookmark", bookmarks, (c) => {
    const status = findStatus(c);
    c.store.bookmarks.remove(c.user().id, status.id);
    return answer(c, status);
  });

  // Muting a conversation silences notifications from the whole thread.
  r.post("/api/v1/statuses/:id/mute", mutes, (c) => {
    const status = findStatus(c);
    c.store.statusMutes.add(c.user().id, threadRoot(c.core, status).id);
    return answer(c, status);
  });

  r.post("/api/v1/statuses/:id/unmute", mutes, (c) => {
    const status = findStatus(c);
    c.store.statusMutes.remove(c.user().id, threadRoot(c.core, status).id);
    return answer(c, status);
  });

  r.post("/api/v1/statuses/:id/pin", accounts, (c) => {
    const status = findStatus(c);
    pin(c.core, c.user(), status);
    return answer(c, status);
  });

  r.post("/api/v1/statuses/:id/unpin", accounts, (c) => {
    const status = findStatus(c);
    c.store.pins.remove(c.user().id, status.id);
    return answer(c, status);
  });
}
