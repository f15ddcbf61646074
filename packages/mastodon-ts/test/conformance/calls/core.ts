/**
 * Types of the call table, and the decoder of recorded arguments (RecordedCall).
 * The entries themselves are in the other files of this folder.
 */
import type { Cassette, FilePart, Interaction, RecordedRequest, RecordedResponse } from "../cassette.ts";
import type { MethodName, StaticName } from "./names.ts";

export type ClientFn = (...args: unknown[]) => unknown;
/** The facade as the table sees it: any Mastodon.py method name (it may not exist yet). */
export type Client = Record<MethodName, ClientFn>;
export type Statics = Record<StaticName, ClientFn>;

/** What the driver lends to calls: the class (for static methods), the replay fetch, earlier results. */
export interface CallEnv {
  readonly cassette: Cassette;
  readonly statics: Statics;
  readonly fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** An entity with this id returned earlier in the cassette, if any. */
  entity(id: string): unknown;
}

export interface CallEntry {
  /** "GET /api/v1/accounts/:id/follow": `:name` matches one path segment; any origin. */
  readonly route: string;
  /** The method exercised ("Mastodon.createApp" for the static one). */
  readonly method: MethodName | `Mastodon.${StaticName}`;
  /** Other methods the call needs. */
  readonly uses?: readonly MethodName[];
  /** Declared result: an entity name, "X[]", "X|null", "Record<X>", "string[]", "boolean", "number", "date", "any". */
  readonly returns: string | ((r: RecordedCall) => string);
  /** Further conditions, on the request or on the interactions that follow. */
  readonly when?: (r: RecordedCall) => boolean;
  readonly call: (m: Client, r: RecordedCall) => unknown;
  /**
   * Expected outcome when it is not "resolves on 2xx, rejects by status otherwise": "resolve" or an
   * error class name; `last` is the last interaction the call consumed.
   */
  readonly outcome?: (r: RecordedCall, last: Interaction) => string | undefined;
  /**
   * How many recorded interactions the call must consume when Mastodon.py's method sent several
   * requests (default: at least one). Fewer means the client skipped a request Mastodon.py sent.
   */
  readonly consumes?: (r: RecordedCall) => number;
  /** Set when the driver cannot replay this kind of request yet; the reason is reported. */
  readonly notYet?: string;
}

const PAGING_KEYS = ["max_id", "min_id", "since_id"] as const;
/** Mastodon.py turns a datetime into (seconds << 16) * 1000; such ids are passed back as Dates. */
const DATE_ID_UNIT = 65536000n;

export class RecordedCall {
  constructor(
    readonly interactions: readonly Interaction[],
    readonly position: number,
    readonly params: Readonly<Record<string, string>>,
    readonly env: CallEnv,
  ) {}

  get interaction(): Interaction {
    return this.interactions[this.position] as Interaction;
  }
  get request(): RecordedRequest {
    return this.interaction.request;
  }
  get response(): RecordedResponse {
    return this.interaction.response;
  }
  get json(): Record<string, unknown> {
    const json = this.request.json;
    return json !== null && typeof json === "object" ? (json as Record<string, unknown>) : {};
  }

  /** A `:name` segment of the route. */
  param(name: string): string {
    const value = this.params[name];
    if (value === undefined) throw new Error(`route has no :${name}`);
    return value;
  }
  /** A path id as the entity returned earlier with that id, when there is one (ids accept entities). */
  ref(name = "id"): unknown {
    return this.entityOr(this.param(name));
  }
  entityOr(id: string): unknown {
    return id.length >= 10 ? (this.env.entity(id) ?? id) : id;
  }

  has(key: string): boolean {
    return this.request.pairs.some((p) => p.key === key);
  }
  str(key: string): string | undefined {
    return this.request.pairs.find((p) => p.key === key)?.value;
  }
  bool(key: string): boolean | undefined {
    const value = this.str(key);
    if (value === undefined) return undefined;
    return /^(1|true)$/i.test(value);
  }
  num(key: string): number | undefined {
    const value = this.str(key);
    return value === undefined ? undefined : Number(value);
  }
  /** Values of `key[]` (or of a plain repeated `key`), or undefined when absent. */
  list(key: string): string[] | undefined {
    const values = this.request.pairs.filter((p) => p.key === `${key}[]` || p.key === key).map((p) => p.value);
    return values.length > 0 ? values : undefined;
  }
  /** A list whose single element is passed alone (a single id is accepted where a list is expected). */
  oneOrList(key: string): string | string[] | undefined {
    const values = this.list(key);
    return values && values.length === 1 ? values[0] : values;
  }
  date(key: string): Date | undefined {
    const value = this.str(key);
    return value === undefined ? undefined : new Date(value);
  }
  /** A paging id; one made from a datetime by Mastodon.py goes back as a Date. */
  pageId(key: string): string | Date | undefined {
    const value = this.str(key);
    if (value === undefined || !/^\d+$/.test(value)) return value;
    const n = BigInt(value);
    return n > 0n && n % DATE_ID_UNIT === 0n ? new Date(Number(n / DATE_ID_UNIT) * 1000) : value;
  }
  /** max_id, min_id, since_id and limit, as given. */
  paging(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of PAGING_KEYS) if (this.has(key)) out[key] = this.pageId(key);
    if (this.has("limit")) out.limit = this.num("limit");
    return out;
  }
  /** An uploaded file part of a multipart body. */
  file(name: string): FilePart | undefined {
    return this.request.files.find((f) => f.name === name);
  }

  /** The interaction `offset` places after this one. */
  peek(offset = 1): Interaction | undefined {
    return this.interactions[this.position + offset];
  }
  /** The arguments of the interaction `offset` places ahead (for calls that send several requests). */
  ahead(offset = 1): RecordedCall | undefined {
    return this.peek(offset) ? new RecordedCall(this.interactions, this.position + offset, {}, this.env) : undefined;
  }
  /** How many interactions from this one on have this one's method and path (polling, paging). */
  run(): number {
    let count = 1;
    const { method, path } = this.request;
    while (this.peek(count)?.request.method === method && this.peek(count)?.request.path === path) count++;
    return count;
  }
  /** Whether the interaction `offset` places ahead has this method and a path matching the pattern. */
  nextIs(route: string, offset = 1): boolean {
    const next = this.peek(offset);
    return next !== undefined && matchRoute(route, next.request) !== null;
  }
}

function routeRegex(path: string): RegExp {
  const source = path.split("/").map((segment) => (segment.startsWith(":") ? "([^/]+)" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("/");
  return new RegExp(`^${source}$`);
}

/** Matches "METHOD /path/:param" against a request; returns the params or null. */
export function matchRoute(route: string, request: { method: string; path: string }): Record<string, string> | null {
  const [method, path = ""] = route.split(" ");
  if (method !== request.method) return null;
  const names = path.split("/").filter((s) => s.startsWith(":")).map((s) => s.slice(1));
  const match = routeRegex(path).exec(request.path);
  if (!match) return null;
  return Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? ""]));
}

/** Shorthand for an entry. */
export function call(
  route: string, method: CallEntry["method"], returns: CallEntry["returns"], fn: CallEntry["call"],
  extra: Partial<Omit<CallEntry, "route" | "method" | "returns" | "call">> = {},
): CallEntry {
  return { route, method, returns, call: fn, ...extra };
}
