// The sandbox as a fetch-style handler: Request in, Response out (the design of hono), so
// tests can call it in-process and server/http.ts only adapts node:http to it.
// The pipeline: CORS preflight -> control API -> faults -> rate limit -> route -> auth -> handler ->
// error rendering -> CORS headers.
import type { Core } from "../core.js";
import { authorize, tokenFromRequest, usableToken } from "./auth.js";
import { queryParams, readBodyParams } from "./body.js";
import { Context } from "./context.js";
import { addCorsHeaders, corsPreflight } from "./cors.js";
import { ApiError, internalError, routeNotFound, tooManyRequests } from "./errors.js";
import { Params } from "./params.js";
import type { RateLimitCheck } from "./ratelimit.js";
import { isoMicroseconds } from "./ratelimit.js";
import { json } from "./response.js";
import type { Router } from "./router.js";
import type { FaultRule } from "../faults/rules.js";

export interface ConnectionInfo {
  remoteAddress: string;
}

/** What the transport should do besides sending the response (fault injection). */
export interface Outcome {
  response: Response;
  transport?: "drop" | "truncate";
}

const GATEWAY_PAGE = (status: number) =>
  `<html>\r\n<head><title>${status} Bad Gateway</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

export class SandboxApp {
  constructor(
    private readonly core: Core,
    private readonly router: Router,
    private readonly control: Router | undefined,
  ) {}

  /** In-process entry point: `await app.fetch(new Request("http://sandbox/api/v1/instance"))`. */
  readonly fetch = async (request: Request, info?: ConnectionInfo): Promise<Response> =>
    (await this.handle(request, info)).response;

  async handle(request: Request, info: ConnectionInfo = { remoteAddress: "127.0.0.1" }): Promise<Outcome> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return { response: this.render(new ApiError(400, { error: "Bad Request" })) };
    }
    const path = url.pathname.replace(/\/+$/, "") || "/";
    const preflight = corsPreflight(request, path);
    if (preflight) return { response: preflight };
    const outcome = await this.handlePath(request, url, path, info);
    // Injected faults carry the headers too, so that a browser client sees their status (behind
    // nginx, a real 502 to 504 page would not have them).
    addCorsHeaders(request, path, outcome.response);
    return outcome;
  }

  private async handlePath(request: Request, url: URL, path: string, info: ConnectionInfo): Promise<Outcome> {
    if (path.startsWith("/__sandbox/") && this.control) return { response: await this.dispatch(this.control, request, url, path, info, {}) };

    const decision = this.core.faults.decide(request.method, path);
    if (decision.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, decision.latencyMs));
    const fault = decision.action;
    if (fault?.kind === "drop") return { response: new Response(null), transport: "drop" };
    if (fault?.kind === "error") return { response: this.faultResponse(fault) };
    if (fault?.kind === "rate-limit") return { response: this.render(this.rateLimitStorm(fault)) };

    const tokenString = tokenFromRequest(request, url);
    let rateHeaders: Record<string, string> = {};
    if (path.startsWith("/api/") && !path.startsWith("/api/v1/streaming")) {
      const verdict = this.core.rateLimiter.hit(this.rateLimitChecks(request.method, path, tokenString, info));
      rateHeaders = verdict.headers;
      if (!verdict.allowed) return { response: this.render(tooManyRequests(rateHeaders)) };
    }
    const response = await this.dispatch(this.router, request, url, path, info, rateHeaders);
    return fault?.kind === "truncate" ? { response, transport: "truncate" } : { response };
  }

  private async dispatch(router: Router, request: Request, url: URL, path: string, info: ConnectionInfo, extraHeaders: Record<string, string>): Promise<Response> {
    let response: Response;
    try {
      const match = router.match(request.method, path);
      if (!match) throw routeNotFound();
      const tokenString = tokenFromRequest(request, url);
      const auth = authorize(this.core, match.route, tokenString);
      const query = queryParams(url);
      const body = await readBodyParams(request);
      const context = new Context(this.core, request, url, match.pathParams, new Params({ ...query, ...body }), new Params(query), auth, info.remoteAddress);
      response = await match.route.handler(context);
    } catch (error) {
      response = this.render(error);
    }
    for (const [name, value] of Object.entries(extraHeaders)) response.headers.set(name, value);
    if (path.startsWith("/api/") && !response.headers.has("cache-control")) response.headers.set("cache-control", "private, no-store");
    if (path.startsWith("/api/")) response.headers.set("vary", "Authorization, Origin");
    return response;
  }

  /** The one place where errors become responses. */
  render(error: unknown): Response {
    if (error instanceof ApiError) return json(error.body, error.status, error.headers);
    this.core.options.onError(error);
    const fallback = internalError();
    return json(fallback.body, fallback.status);
  }

  private rateLimitChecks(method: string, path: string, tokenString: string | undefined, info: ConnectionInfo): RateLimitCheck[] {
    const limits = this.core.options.rateLimit;
    if (limits === false) return [];
    const token = usableToken(this.core, tokenString);
    const checks: RateLimitCheck[] = [
      { rule: limits.api, key: token ? `api:token:${token.token}` : `api:ip:${info.remoteAddress}` },
    ];
    const accountId = token?.accountId;
    if (accountId && limits.media && method === "POST" && /^\/api\/v[12]\/media$/.test(path)) {
      checks.push({ rule: limits.media, key: `media:${accountId}` });
    }
    const deleting = (method === "DELETE" && /^\/api\/v1\/statuses\/[^/]+$/.test(path)) || (method === "POST" && /^\/api\/v1\/statuses\/[^/]+\/unreblog$/.test(path));
    if (accountId && limits.deletes && deleting) checks.push({ rule: limits.deletes, key: `deletes:${accountId}` });
    return checks;
  }

  private faultResponse(fault: FaultRule): Response {
    const status = fault.status ?? 503;
    if (fault.body !== undefined) return new Response(fault.body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
    if (status >= 502 && status <= 504) return new Response(GATEWAY_PAGE(status), { status, headers: { "content-type": "text/html" } });
    return json({ error: status >= 500 ? internalError().body.error : "Injected fault" }, status);
  }

  private rateLimitStorm(fault: FaultRule): ApiError {
    const limit = this.core.options.rateLimit === false ? 300 : this.core.options.rateLimit.api.limit;
    return tooManyRequests({
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": isoMicroseconds(this.core.now() + (fault.ms ?? 1000)),
    });
  }
}
