// Per-user odds and ends: markers, preferences, conversations, push subscription, annual
// reports, e-mail confirmation (docs: methods/markers.md, preferences.md, conversations.md,
// push.md, annual_reports.md, emails.md, async_refreshes.md).
import { renderConversation, renderMarker, renderPreferences } from "../render/misc.js";
import type { Context } from "../server/context.js";
import { recordNotFound, validationFailed } from "../server/errors.js";
import { paginate } from "../server/pagination.js";
import { json } from "../server/response.js";
import type { Router } from "../server/router.js";
import { isNumericId } from "../state/ids.js";
import { pageResponse } from "./helpers.js";
import { pushRoutes } from "./push.js";

const MARKER_TIMELINES = ["home", "notifications"];

export function meRoutes(r: Router): void {
  r.get("/api/v1/markers", { access: "user", scopes: ["read:statuses"] }, (c) => {
    const markers = c.store.markersOf(c.user().id);
    const wanted = c.params.list("timeline");
    const body: Record<string, unknown> = {};
    for (const name of wanted.length > 0 ? wanted : MARKER_TIMELINES) {
      const marker = markers.get(name);
      if (marker) body[name] = renderMarker(marker);
    }
    return json(body);
  });

  r.post("/api/v1/markers", { access: "user", scopes: ["write:statuses"] }, (c) => {
    const markers = c.store.markersOf(c.user().id);
    const body: Record<string, unknown> = {};
    for (const name of MARKER_TIMELINES) {
      const lastReadId = c.params.obj(name)?.str("last_read_id");
      if (lastReadId === undefined) continue;
      if (!isNumericId(lastReadId)) throw validationFailed("Last read is invalid");
      const previous = markers.get(name);
      const marker = { lastReadId, version: (previous?.version ?? 0) + 1, updatedAt: c.core.now() };
      markers.set(name, marker);
      body[name] = renderMarker(marker);
    }
    return json(body);
  });

  r.get("/api/v1/preferences", { access: "user", scopes: ["read:accounts"] }, (c) => json(renderPreferences(c.user())));

  r.get("/api/v1/conversations", { access: "user", scopes: ["read:statuses"] }, (c) => {
    const viewer = c.user();
    const mine = [...c.store.conversations.values()].filter((x) => x.participantIds.includes(viewer.id) && !x.hiddenBy.has(viewer.id));
    const page = paginate(c, mine, { cursor: (x) => x.lastStatusId, next: "when-full" });
    return pageResponse(page, page.items.map((x) => renderConversation(c.core, x, viewer)));
  });
  const ownConversation = (c: Context) => {
    const conversation = c.store.conversations.get(c.path("id"));
    if (!conversation || !conversation.participantIds.includes(c.user().id)) throw recordNotFound();
    return conversation;
  };
  r.delete("/api/v1/conversations/:id", { access: "user", scopes: ["write:conversations"] }, (c) => {
    ownConversation(c).hiddenBy.add(c.user().id);
    return json({});
  });
  r.post("/api/v1/conversations/:id/read", { access: "user", scopes: ["write:conversations"] }, (c) => {
    const conversation = ownConversation(c);
    conversation.unreadBy.delete(c.user().id);
    return json(renderConversation(c.core, conversation, c.user()));
  });

  pushRoutes(r);

  r.get("/api/v1/annual_reports", { access: "user", scopes: ["read:accounts"] }, () => json({ annual_reports: [], accounts: [], statuses: [] }));
  r.get("/api/v1/annual_reports/:year", { access: "user", scopes: ["read:accounts"] }, () => json({ annual_reports: [], accounts: [], statuses: [] }));
  r.get("/api/v1/annual_reports/:year/state", { access: "user", scopes: ["read:accounts"] }, () => json({ state: "ineligible" }));
  r.post("/api/v1/annual_reports/:year/read", { access: "user", scopes: ["write:accounts"] }, () => json({}));
  r.post("/api/v1/annual_reports/:year/generate", { access: "user", scopes: ["write:accounts"] }, () => {
    throw recordNotFound();
  });
  r.get("/api/v1_alpha/async_refreshes/:id", { access: "user", scopes: ["read"] }, () => {
    throw recordNotFound();
  });
  r.post("/api/v1/emails/confirmations", { access: "app" }, () => json({}));
}
