// Options accepted by startSandbox() / createSandboxApp(), and their defaults.
import type { FaultRule } from "./faults/rules.js";

export interface SeedUser {
  username: string;
  /** Used by the password grant and the /oauth/authorize sign-in form. */
  password?: string;
  email?: string;
  displayName?: string;
  note?: string;
  locked?: boolean;
  bot?: boolean;
  /** "owner" renders the Owner role on the account, like the first user of a real server. */
  role?: "owner" | "admin" | "user";
  /** Scopes of the ready-made access token issued to this user at start-up. */
  scopes?: string[];
}

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

/**
 * Mastodon's hard-coded Rack::Attack throttles (docs: api/rate-limits.md).
 * Set a rule to null to switch it off; set `rateLimit: false` to switch all of them off.
 */
export interface RateLimitOptions {
  /** Every API call, counted per access token (or per IP address when unauthenticated). */
  api: RateLimitRule;
  /** POST /api/v1/media and /api/v2/media, per account. */
  media: RateLimitRule | null;
  /** DELETE /api/v1/statuses/:id and POST /api/v1/statuses/:id/unreblog, per account. */
  deletes: RateLimitRule | null;
}

export interface StreamingOptions {
  /** Milliseconds between `:thump` heartbeat comments on SSE streams. Mastodon uses 15000. */
  heartbeatMs: number;
}

export interface SandboxOptions {
  port?: number;
  host?: string;
  /** Public base URL used in rendered entities; defaults to http://host:port once listening. */
  baseUrl?: string;
  users?: SeedUser[];
  version?: string;
  title?: string;
  /** Mastodon 4.4 removed the password grant; switch it back on for older clients (Mastodon.py log_in). */
  allowPasswordGrant?: boolean;
  /** Mastodon never issues refresh tokens; switch on to exercise a client's refresh logic. */
  issueRefreshTokens?: boolean;
  rateLimit?: Partial<RateLimitOptions> | false;
  streaming?: Partial<StreamingOptions>;
  /** How long an async (v2) media upload stays "processing" (url null, GET answers 206). */
  mediaProcessingMs?: number;
  /** Faults active from the start. */
  faults?: FaultRule[];
  /** Expose the test-only control API under /__sandbox/ (faults, stream cuts, clock). */
  controlApi?: boolean;
  /** Clock used for ids, timestamps and rate-limit windows; inject one to shrink time in tests. */
  now?: () => number;
  /** Receives unexpected internal errors (500s). Defaults to console.error. */
  onError?: (error: unknown) => void;
}

export interface ResolvedOptions {
  host: string;
  port: number;
  baseUrl: string | undefined;
  users: SeedUser[];
  version: string;
  title: string;
  allowPasswordGrant: boolean;
  issueRefreshTokens: boolean;
  rateLimit: RateLimitOptions | false;
  streaming: StreamingOptions;
  mediaProcessingMs: number;
  faults: FaultRule[];
  controlApi: boolean;
  now: () => number;
  onError: (error: unknown) => void;
}

export const DEFAULT_SCOPES = ["read", "write", "follow", "push"];

export const DEFAULT_USERS: SeedUser[] = [
  { username: "admin", password: "admin-password", role: "owner", scopes: [...DEFAULT_SCOPES, "admin:read", "admin:write"] },
  { username: "alice", password: "alice-password", displayName: "Alice", note: "Hello, I am Alice." },
  { username: "bob", password: "bob-password", displayName: "Bob", locked: true, note: "Bob approves his followers." },
];

export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  api: { limit: 300, windowMs: 5 * 60_000 },
  media: { limit: 30, windowMs: 30 * 60_000 },
  deletes: { limit: 30, windowMs: 30 * 60_000 },
};

export function resolveOptions(options: SandboxOptions = {}): ResolvedOptions {
  const rateLimit = options.rateLimit === false ? false : { ...DEFAULT_RATE_LIMITS, ...options.rateLimit };
  return {
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    baseUrl: options.baseUrl?.replace(/\/$/, ""),
    users: options.users ?? DEFAULT_USERS,
    version: options.version ?? "4.6.0",
    title: options.title ?? "Mastodon Sandbox",
    allowPasswordGrant: options.allowPasswordGrant ?? false,
    issueRefreshTokens: options.issueRefreshTokens ?? false,
    rateLimit,
    streaming: { heartbeatMs: 15_000, ...options.streaming },
    mediaProcessingMs: options.mediaProcessingMs ?? 100,
    faults: options.faults ?? [],
    controlApi: options.controlApi ?? false,
    now: options.now ?? Date.now,
    onError: options.onError ?? ((error) => console.error("[mastodon-sandbox] internal error:", error)),
  };
}
