// The SSE side of the streaming API (docs: methods/streaming.md). Served on the main port,
// which instance.configuration.urls.streaming points to. Errors use the streaming server's
// own messages, not the REST API's.
import { usableToken, tokenFromRequest } from "../server/auth.js";
import type { Context } from "../server/context.js";
import { ApiError } from "../server/errors.js";
import type { Router } from "../server/router.js";
import { resolveStream, streamNameFromPath } from "../streaming/channels.js";
import { sseResponse } from "../streaming/sse.js";

const SSE_PATHS = ["user", "user/notification", "public", "public/local", "public/remote", "hashtag", "hashtag/local", "list", "direct"];

function openStream(c: Context): Response {
  const tokenString = tokenFromRequest(c.request, c.url);
  if (!tokenString) throw new ApiError(401, { error: "Missing access token" });
  const token = usableToken(c.core, tokenString);
  const account = token?.accountId ? c.store.accounts.get(token.accountId) : undefined;
  if (!token || !account) throw new ApiError(401, { error: "Invalid access token" });
  const name = streamNameFromPath(c.url.pathname.replace(/\/+$/, ""), c.params.bool("only_media") ?? false);
  if (!name) throw new ApiError(400, { error: "Unknown channel requested" });
  const target = resolveStream(c.core, account, token.scopes, { name, tag: c.params.str("tag"), list: c.params.str("list") });
  if ("error" in target) throw new ApiError(target.status, { error: target.error });
  return sseResponse(c.core, account, target);
}

export function streamingRoutes(r: Router): void {
  r.get("/api/v1/streaming/health", {}, () => new Response("OK", { headers: { "content-type": "text/plain", "cache-control": "private, no-store" } }));
  for (const path of SSE_PATHS) r.get(`/api/v1/streaming/${path}`, {}, openStream);
}
