/**
 * Server versions. Forks write their version strings in many ways
 * ("4.3.0+glitch", "2.7.2 (compatible; Pleroma 2.5.0)", "3.5.3 (compatible; GoToSocial 0.16.0)",
 * "4.2.1-hometown-1.1.1"): the first x.y[.z] found is the Mastodon API version they claim.
 * A string with no version in it never makes a call fail: it parses to null and checks pass.
 * The checks themselves (version_check_mode) are made by the `Mastodon` facade, before each call.
 */
import type { MastodonClient } from "./client.js";
import { MastodonVersionError } from "./errors.js";
import { cached } from "./cache.js";

export type Version = readonly [major: number, minor: number, patch: number];

export type VersionCheckMode = "none" | "created" | "changed";

export function parseVersion(text: string | null | undefined): Version | null {
  if (!text) return null;
  const match = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

/** "4.3.0-beta.2+glitch" → "4.3.0"; null when there is no version in it. */
export function formatVersion(text: string | null): string | null {
  return parseVersion(text)?.join(".") ?? null;
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function versionAtLeast(actual: Version, required: string): boolean {
  const wanted = parseVersion(required);
  return wanted === null || compareVersions(actual, wanted) >= 0;
}

/** Fetches the server's version from the instance endpoint and stores it on the client. */
export async function fetchServerVersion(client: MastodonClient): Promise<string | null> {
  const instance = await client.request<{ version?: string }>({ method: "GET", path: "/api/v1/instance", raw: true });
  client.server_version = typeof instance.version === "string" ? instance.version : "";
  return formatVersion(client.server_version);
}

/** The server version, fetched once and only when first needed; null when it cannot be parsed. */
async function knownVersion(client: MastodonClient): Promise<Version | null> {
  if (client.server_version === null) await cached(client, "server-version", () => fetchServerVersion(client));
  return parseVersion(client.server_version);
}

/**
 * Whether the server is at least `version`, to choose between old and new endpoints.
 * With no version given and version checks off, the newest API is assumed (as Mastodon.py does),
 * and an unknown or unparsable version counts as new enough.
 */
export async function serverAtLeast(client: MastodonClient, version: string): Promise<boolean> {
  if (client.server_version === null && client.version_check_mode === "none") return true;
  const known = await knownVersion(client);
  return known === null || versionAtLeast(known, version);
}

/** Throws MastodonVersionError when a method ([added, last changed]) needs a newer server than this one. */
export async function checkVersion(client: MastodonClient, [created, changed]: readonly [string, string?]): Promise<void> {
  const required = client.version_check_mode === "changed" && changed ? changed : created;
  const version = await knownVersion(client);
  if (version && !versionAtLeast(version, required)) {
    throw new MastodonVersionError(`Version check failed (need Mastodon ${required} or newer, the instance runs ${version.join(".")})`);
  }
}
