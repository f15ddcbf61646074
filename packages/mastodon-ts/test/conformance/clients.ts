/**
 * The clients of a replay: one per origin and token, made on demand, all using the replay's
 * fetch. A client whose token changed (log_in, create_account, revoke) is found by its token.
 */
import type { Cassette, DecodedRequest } from "./cassette.ts";

export type FetchFn = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
type ClientObject = Record<string, unknown>;

/** What the conformance suite needs from the package's entry point: the facade class and the error classes. */
export interface FacadeModule {
  readonly Mastodon: new (options: Record<string, unknown>) => object;
  readonly [name: string]: unknown;
}

/** Timers fire at once: the client never really waits in a replay (media polling, rate limits). */
const instantClock = {
  now: () => Date.now(),
  setTimeout: (callback: () => void) => setImmediate(callback),
  clearTimeout: (handle: unknown) => clearImmediate(handle as NodeJS.Immediate),
};

const CLIENT_ID = "__MASTODON_PY_TEST_CLIENT_ID";
const CLIENT_SECRET = "__MASTODON_PY_TEST_CLIENT_SECRET";

/** The first value of a parameter anywhere in the cassette's requests. */
function recordedValue(cassette: Cassette, key: string): string | undefined {
  for (const interaction of cassette.interactions) {
    const pair = interaction.request.pairs.find((p) => p.key === key);
    if (pair) return pair.value;
  }
  return undefined;
}

/**
 * Cassettes in cassettes_pre_X_Y_Z were recorded against older servers; their clients are told
 * the version the recorded instance reports, so they choose the endpoints of that version.
 */
function recordedServerVersion(cassette: Cassette): string | undefined {
  if (!cassette.folder.startsWith("cassettes_pre_")) return undefined;
  for (const interaction of cassette.interactions) {
    const version = (interaction.response.json as { version?: unknown } | undefined)?.version;
    if (/^\/api\/v[12]\/instance$/.test(interaction.request.path) && typeof version === "string") return version;
  }
  return undefined;
}

export class ClientPool {
  private readonly clients: Array<{ origin: string; client: ClientObject }> = [];
  private readonly options: Record<string, unknown>;

  constructor(private readonly facade: FacadeModule, cassette: Cassette, private readonly fetch: FetchFn) {
    const version = recordedServerVersion(cassette);
    this.options = {
      client_id: recordedValue(cassette, "client_id") ?? CLIENT_ID,
      client_secret: recordedValue(cassette, "client_secret") ?? CLIENT_SECRET,
      ratelimit_method: "throw",
      clock: instantClock,
      ...(version ? { mastodon_version: version } : {}),
    };
  }

  /** The client that holds the request's token for its origin (made when there is none). */
  clientFor(request: Pick<DecodedRequest, "origin" | "token">): ClientObject {
    const token = request.token;
    const existing = this.clients.find((c) => c.origin === request.origin && (c.client.access_token ?? null) === token);
    if (existing) return existing.client;
    const client = new this.facade.Mastodon({
      ...this.options, api_base_url: request.origin, access_token: token ?? undefined, fetch: this.fetch,
    }) as ClientObject;
    this.clients.push({ origin: request.origin, client });
    return client;
  }

  /** Whether the client (or, for "Mastodon.x", the class) has the method. */
  has(client: ClientObject, name: string): boolean {
    if (name.startsWith("Mastodon.")) return typeof (this.facade.Mastodon as unknown as ClientObject)[name.slice(9)] === "function";
    return typeof client[name] === "function";
  }

  /** getPaginationInfo(page, direction), or undefined when the client has no such method. */
  paginationInfo(client: ClientObject, page: unknown, direction: "next" | "previous"): unknown {
    const method = client.getPaginationInfo;
    if (typeof method !== "function") return undefined;
    return (method as (page: unknown, direction: string) => unknown).call(client, page, direction);
  }
}
