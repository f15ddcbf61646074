// A small method + path router. Routes are declared with the access they need, so
// authentication and scope checks happen in one place (server/app.ts), before any handler runs.
import type { Context } from "./context.js";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * - public:   no token needed; a valid token still identifies the viewer.
 * - optional: like public, but a token must carry one of `scopes` (Mastodon's authorize_if_got_token!).
 * - app:      any valid token (app or user) with one of `scopes`.
 * - user:     a token bound to a user, with one of `scopes`.
 */
export type Access = "public" | "optional" | "app" | "user";

export type Handler = (c: Context) => Response | Promise<Response>;

export interface Route {
  method: Method;
  pattern: string;
  access: Access;
  scopes: readonly string[];
  handler: Handler;
  regex: RegExp;
  names: string[];
}

export interface RouteMatch {
  route: Route;
  pathParams: Record<string, string>;
}

export interface RouteOptions {
  access?: Access;
  /** Any one of these satisfies the route (docs: api/oauth-scopes.md). */
  scopes?: readonly string[];
}

function compile(pattern: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = pattern
    .split("/")
    .map((segment) => {
      if (segment === "*") {
        names.push("*");
        return "(.+)";
      }
      if (segment.startsWith(":")) {
        names.push(segment.slice(1));
        return "([^/]+)";
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return { regex: new RegExp(`^${source}$`), names };
}

export class Router {
  readonly routes: Route[] = [];

  add(method: Method, pattern: string, options: RouteOptions, handler: Handler): void {
    const { regex, names } = compile(pattern);
    this.routes.push({
      method,
      pattern,
      access: options.access ?? (options.scopes ? "user" : "public"),
      scopes: options.scopes ?? [],
      handler,
      regex,
      names,
    });
  }

  get(pattern: string, options: RouteOptions, handler: Handler): void {
    this.add("GET", pattern, options, handler);
  }
  post(pattern: string, options: RouteOptions, handler: Handler): void {
    this.add("POST", pattern, options, handler);
  }
  put(pattern: string, options: RouteOptions, handler: Handler): void {
    this.add("PUT", pattern, options, handler);
  }
  patch(pattern: string, options: RouteOptions, handler: Handler): void {
    this.add("PATCH", pattern, options, handler);
  }
  delete(pattern: string, options: RouteOptions, handler: Handler): void {
    this.add("DELETE", pattern, options, handler);
  }

  /** HEAD is answered by the GET route, as Rails does. */
  match(method: string, path: string): RouteMatch | undefined {
    const wanted = method === "HEAD" ? "GET" : method;
    for (const route of this.routes) {
      if (route.method !== wanted) continue;
      const found = route.regex.exec(path);
      if (!found) continue;
      const pathParams: Record<string, string> = {};
      let valid = true;
      route.names.forEach((name, index) => {
        try {
          pathParams[name] = decodeURIComponent(found[index + 1] ?? "");
        } catch {
          valid = false;
        }
      });
      if (valid) return { route, pathParams };
    }
    return undefined;
  }
}
