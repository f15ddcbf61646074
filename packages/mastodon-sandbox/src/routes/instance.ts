// Server-wide information (docs: methods/instance.md, custom_emojis.md, health.md, trends.md,
// directory.md, announcements.md, suggestions.md, oembed.md).
import { renderAccount } from "../render/account.js";
import { renderInstanceV1, renderInstanceV2 } from "../render/instance.js";
import { renderTag } from "../render/misc.js";
import { recordNotFound, routeNotFound } from "../server/errors.js";
import type { Context } from "../server/context.js";
import { escapeHtml, json } from "../server/response.js";
import type { Router } from "../server/router.js";
import { accountJson, findStatus } from "./helpers.js";

/** Cached like Mastodon's instance endpoints. */
const CACHEABLE = { "cache-control": "max-age=300, public, stale-while-revalidate=30, stale-if-error=86400" };

export function instanceRoutes(r: Router): void {
  r.get("/api/v2/instance", {}, (c) => json(renderInstanceV2(c.core), 200, CACHEABLE));
  r.get("/api/v1/instance", {}, (c) => json(renderInstanceV1(c.core), 200, CACHEABLE));
  r.get("/api/v1/instance/peers", {}, () => json([], 200, CACHEABLE));
  r.get("/api/v1/instance/activity", {}, (c) => {
    const week = 7 * 86_400_000;
    const now = c.core.now();
    return json(Array.from({ length: 12 }, (_, i) => {
      const start = now - (i + 1) * week;
      const statuses = [...c.store.statuses.values()].filter((s) => s.createdAt > start && s.createdAt <= start + week).length;
      return { week: String(Math.floor(start / 1000)), statuses: String(statuses), logins: "0", registrations: "0" };
    }), 200, CACHEABLE);
  });
  r.get("/api/v1/instance/rules", {}, () => json([], 200, CACHEABLE));
  r.get("/api/v1/instance/domain_blocks", {}, () => {
    // The recorded server does not publish its domain blocks either.
    throw routeNotFound();
  });
  r.get("/api/v1/instance/extended_description", {}, (c) =>
    json({ updated_at: new Date(c.core.now()).toISOString(), content: "<p>A sandbox for Mastodon API clients.</p>" }, 200, CACHEABLE),
  );
  r.get("/api/v1/instance/privacy_policy", {}, (c) =>
    json({ updated_at: new Date(c.core.now()).toISOString(), content: "<p>Nothing leaves this machine.</p>" }, 200, CACHEABLE),
  );
  r.get("/api/v1/instance/terms_of_service", {}, () => {
    throw recordNotFound();
  });
  r.get("/api/v1/instance/terms_of_service/:date", {}, () => {
    throw recordNotFound();
  });
  r.get("/api/v1/instance/translation_languages", {}, () => json({}, 200, CACHEABLE));
  r.get("/api/v1/instance/languages", {}, () => json([{ code: "en", name: "English" }], 200, CACHEABLE));

  r.get("/api/v1/custom_emojis", {}, (c) =>
    json([{ shortcode: "sandbox", url: `${c.core.baseUrl()}/avatars/original/missing.png`, static_url: `${c.core.baseUrl()}/avatars/original/missing.png`, visible_in_picker: true, category: null }], 200, CACHEABLE),
  );

  r.get("/health", {}, () => new Response("OK", { headers: { "content-type": "text/plain; charset=utf-8" } }));

  r.get("/api/v1/trends/tags", {}, (c) => {
    const names = [...c.store.tags.keys()].slice(0, c.params.int("limit") ?? 10);
    return json(names.map((name) => renderTag(c.core, name, null)));
  });
  r.get("/api/v1/trends/statuses", {}, () => json([]));
  r.get("/api/v1/trends/links", {}, () => json([]));

  r.get("/api/v1/directory", {}, (c) => {
    const offset = Math.max(0, c.params.int("offset") ?? 0);
    const limit = Math.min(Math.max(1, c.params.int("limit") ?? 40), 80);
    const accounts = [...c.store.accounts.values()].filter((a) => a.discoverable === true && !a.suspended);
    if (c.params.str("order") === "new") accounts.sort((a, b) => b.createdAt - a.createdAt);
    return json(accountJson(c, accounts.slice(offset, offset + limit)));
  });

  r.get("/api/v1/announcements", { access: "user" }, () => json([]));
  r.post("/api/v1/announcements/:id/dismiss", { access: "user", scopes: ["write:accounts"] }, () => {
    throw recordNotFound();
  });
  r.put("/api/v1/announcements/:id/reactions/:name", { access: "user", scopes: ["write:favourites"] }, () => {
    throw recordNotFound();
  });
  r.delete("/api/v1/announcements/:id/reactions/:name", { access: "user", scopes: ["write:favourites"] }, () => {
    throw recordNotFound();
  });

  const suggestions = (v2: boolean) => (c: Context) => {
    const viewer = c.user();
    const following = new Set(c.store.followingIds(viewer.id));
    const candidates = [...c.store.accounts.values()].filter((a) => a.id !== viewer.id && !following.has(a.id) && !a.suspended);
    const limited = candidates.slice(0, Math.min(c.params.int("limit") ?? 40, 80));
    return json(v2 ? limited.map((a) => ({ source: "global", sources: ["most_followed"], account: renderAccount(c.core, a) })) : accountJson(c, limited));
  };
  r.get("/api/v2/suggestions", { access: "user", scopes: ["read"] }, suggestions(true));
  r.get("/api/v1/suggestions", { access: "user", scopes: ["read"] }, suggestions(false));

  r.get("/api/oembed", {}, (c) => {
    const url = c.params.str("url") ?? "";
    const id = /\/(\d+)$/.exec(url)?.[1];
    if (!id) throw recordNotFound();
    const status = findStatus(c, id);
    const author = c.store.accounts.get(status.accountId);
    return json({
      type: "rich",
      version: "1.0",
      title: `New status by ${author?.username ?? ""}`,
      author_name: author?.displayName || author?.username || "",
      author_url: `${c.core.baseUrl()}/@${author?.username ?? ""}`,
      provider_name: c.core.domain(),
      provider_url: `${c.core.baseUrl()}/`,
      cache_age: 86400,
      html: `<blockquote class="mastodon-embed">${escapeHtml(status.text)}</blockquote>`,
      width: c.params.int("maxwidth") ?? 400,
      height: c.params.int("maxheight") ?? null,
    });
  });

  r.get("/api/proofs", {}, () => {
    throw routeNotFound();
  });
}
