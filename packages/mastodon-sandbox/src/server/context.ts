// What a route handler gets: the parsed request, the authenticated viewer and the sandbox core.
import type { Core } from "../core.js";
import type { AccountRecord, ApplicationRecord, TokenRecord } from "../state/types.js";
import { userRequired } from "./errors.js";
import type { Params } from "./params.js";

export interface AuthInfo {
  token: TokenRecord;
  account: AccountRecord | null;
  application: ApplicationRecord;
}

export class Context {
  constructor(
    readonly core: Core,
    readonly request: Request,
    readonly url: URL,
    readonly pathParams: Record<string, string>,
    /** Query string and body merged, body winning, as in Rails. */
    readonly params: Params,
    readonly query: Params,
    readonly auth: AuthInfo | null,
    readonly remoteAddress: string,
  ) {}

  get store() {
    return this.core.store;
  }

  get viewer(): AccountRecord | null {
    return this.auth?.account ?? null;
  }

  /** The signed-in user; routes declared with access "user" always have one. */
  user(): AccountRecord {
    const account = this.auth?.account;
    if (!account) throw userRequired();
    return account;
  }

  path(name = "id"): string {
    return this.pathParams[name] ?? "";
  }

  header(name: string): string | null {
    return this.request.headers.get(name);
  }
}
