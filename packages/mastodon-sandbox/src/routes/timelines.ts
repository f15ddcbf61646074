// Timelines (docs: methods/timelines.md): home, public, hashtag, list and link.
import type { Context } from "../server/context.js";
import { recordNotFound } from "../server/errors.js";
import { paginate } from "../server/pagination.js";
import type { Router } from "../server/router.js";
import { homeRecipients } from "../services/fanout.js";
import { matchFilters } from "../services/filters.js";
import { visibleTo } from "../services/visibility.js";
import type { StatusRecord } from "../state/types.js";
import { pageResponse, statusJson } from "./helpers.js";

const PUBLIC_KEEP = ["local", "remote", "only_media"];

export function timelineRoutes(r: Router): void {
  r.get("/api/v1/timelines/home", { access: "user", scopes: ["read:statuses"] }, (c) => {
    const viewer = c.user();
    const statuses = [...c.store.statuses.values()].filter((s) => homeRecipients(c.core, s).includes(viewer.id));
    return timeline(c, statuses, "home", []);
  });

  r.get("/api/v1/timelines/public", { access: "optional", scopes: ["read:statuses"] }, (c) => {
    // Every account is local: remote=true is always empty, local=true changes nothing.
    const statuses = c.params.bool("remote") ? [] : publicStatuses(c);
    return timeline(c, statuses, "public", PUBLIC_KEEP);
  });

  r.get("/api/v1/timelines/tag/:hashtag", { access: "optional", scopes: ["read:statuses"] }, (c) => {
    const name = c.path("hashtag").toLowerCase();
    const any = c.params.list("any").map((t) => t.toLowerCase());
    const all = c.params.list("all").map((t) => t.toLowerCase());
    const none = c.params.list("none").map((t) => t.toLowerCase());
    const statuses = c.params.bool("remote") ? [] : [...c.store.statuses.values()].filter((s) => {
      const tags = s.tags.map((t) => t.toLowerCase());
      return s.visibility === "public" && s.reblogOfId === null &&
        (tags.includes(name) || any.some((t) => tags.includes(t))) &&
        all.every((t) => tags.includes(t)) &&
        !none.some((t) => tags.includes(t));
    });
    return timeline(c, statuses, "public", [...PUBLIC_KEEP, "any", "all", "none"]);
  });

  r.get("/api/v1/timelines/list/:list_id", { access: "user", scopes: ["read:lists"] }, (c) => {
    const viewer = c.user();
    const list = c.store.lists.get(c.path("list_id"));
    if (!list || list.accountId !== viewer.id) throw recordNotFound();
    const statuses = [...c.store.statuses.values()].filter((s) => {
      if (!list.memberIds.includes(s.accountId)) return false;
      if (s.inReplyToAccountId === null || s.inReplyToAccountId === s.accountId) return true;
      if (list.repliesPolicy === "none") return false;
      if (list.repliesPolicy === "list") return list.memberIds.includes(s.inReplyToAccountId) || s.inReplyToAccountId === viewer.id;
      return c.store.follow(viewer.id, s.inReplyToAccountId) !== undefined || s.inReplyToAccountId === viewer.id;
    });
    return timeline(c, statuses, "home", []);
  });

  r.get("/api/v1/timelines/link", { access: "optional", scopes: ["read:statuses"] }, (c) => {
    const url = c.params.str("url") ?? "";
    const statuses = url === "" ? [] : publicStatuses(c).filter((s) => s.text.includes(url));
    return timeline(c, statuses, "public", ["url"]);
  });

  r.get("/api/v1/timelines/direct", { access: "user", scopes: ["read:statuses"] }, (c) => {
    const viewer = c.user();
    const statuses = [...c.store.statuses.values()].filter(
      (s) => s.visibility === "direct" && (s.accountId === viewer.id || s.mentionIds.includes(viewer.id)),
    );
    return timeline(c, statuses, "home", []);
  });
}

function publicStatuses(c: Context): StatusRecord[] {
  return [...c.store.statuses.values()].filter(
    (s) =>
      s.visibility === "public" &&
      s.reblogOfId === null &&
      (s.inReplyToId === null || s.inReplyToAccountId === s.accountId) &&
      (!c.params.bool("only_media") || s.mediaIds.length > 0),
  );
}

function timeline(c: Context, candidates: StatusRecord[], context: string, keep: string[]): Response {
  const viewer = c.viewer;
  const statuses = candidates.filter((s) => {
    if (!visibleTo(c.store, viewer, s)) return false;
    // Filters with the "hide" action remove statuses from timelines entirely.
    return !viewer || !matchFilters(c.store, viewer, s, context).some((m) => m.filter.action === "hide");
  });
  const page = paginate(c, statuses, { cursor: (s) => s.id, next: "always", keep });
  return pageResponse(page, statusJson(c, page.items, { context }));
}
