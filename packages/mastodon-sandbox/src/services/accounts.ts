// Creating accounts, applications and tokens: used by seeding, POST /api/v1/accounts and OAuth.
import { randomBytes } from "node:crypto";
import type { Core } from "../core.js";
import { DEFAULT_SCOPES, type SeedUser } from "../options.js";
import type { AccountRecord, ApplicationRecord, TokenRecord } from "../state/types.js";

/** 43 URL-safe characters, like Doorkeeper's tokens. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

export function createAccount(core: Core, user: SeedUser): AccountRecord {
  const store = core.store;
  const account: AccountRecord = {
    id: store.snowflakes.next(),
    username: user.username,
    email: user.email ?? `${user.username}@localhost`,
    password: user.password ?? `${user.username}-password`,
    displayName: user.displayName ?? "",
    note: user.note ?? "",
    locked: user.locked ?? false,
    bot: user.bot ?? false,
    discoverable: null,
    indexable: false,
    hideCollections: null,
    role: user.role ?? "user",
    createdAt: core.now(),
    avatar: null,
    header: null,
    avatarDescription: "",
    headerDescription: "",
    fields: [],
    source: { privacy: "public", sensitive: false, language: null, quotePolicy: "public" },
    suspended: false,
  };
  store.accounts.set(account.id, account);
  return account;
}

export interface NewApplication {
  name: string;
  website?: string | null;
  redirectUris?: string[];
  scopes?: string[];
}

export function createApplication(core: Core, input: NewApplication): ApplicationRecord {
  const app: ApplicationRecord = {
    id: core.store.sequences.next("oauth_applications"),
    name: input.name,
    website: input.website ?? null,
    redirectUris: input.redirectUris ?? ["urn:ietf:wg:oauth:2.0:oob"],
    scopes: input.scopes ?? ["read"],
    clientId: randomToken(),
    clientSecret: randomToken(),
  };
  core.store.applications.set(app.id, app);
  return app;
}

export function issueToken(core: Core, applicationId: string, accountId: string | null, scopes: string[]): TokenRecord {
  const token: TokenRecord = {
    token: randomToken(),
    refreshToken: core.options.issueRefreshTokens && accountId !== null ? randomToken() : null,
    applicationId,
    accountId,
    scopes,
    createdAt: core.now(),
    revoked: false,
  };
  core.store.tokens.set(token.token, token);
  return token;
}

export interface SeededAccount {
  id: string;
  username: string;
  acct: string;
  password: string;
  email: string;
  locked: boolean;
  access_token: string;
  scopes: string[];
}

/** Creates the configured users, each with a ready access token from the sandbox's own app. */
export function seedUsers(core: Core, users: SeedUser[]): { application: ApplicationRecord; accounts: SeededAccount[] } {
  const application = createApplication(core, {
    name: "Mastodon Sandbox",
    website: null,
    scopes: [...DEFAULT_SCOPES, "admin:read", "admin:write"],
  });
  const accounts = users.map((user) => {
    const account = createAccount(core, user);
    const scopes = user.scopes ?? DEFAULT_SCOPES;
    const token = issueToken(core, application.id, account.id, scopes);
    return {
      id: account.id,
      username: account.username,
      acct: account.username,
      password: account.password,
      email: account.email,
      locked: account.locked,
      access_token: token.token,
      scopes,
    };
  });
  return { application, accounts };
}
