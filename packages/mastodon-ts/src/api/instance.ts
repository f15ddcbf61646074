/** The server: its description, rules, policies, activity and health. https://docs.joinmastodon.org/methods/instance/ */
import type { MastodonClient } from "../core/client.js";
import { formatDate } from "../core/encode.js";
import { MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError, MastodonServerError } from "../core/errors.js";
import { path } from "../core/path.js";
import type { NonPaginatedList } from "../core/types.js";
import type {
  Activity, DomainBlock, ExtendedDescription, Instance, InstanceV2, Nodeinfo, PrivacyPolicy, Rule, SupportedLocale, TermsOfService,
} from "../entities/index.js";
import { serverAtLeast } from "../core/versions.js";

/** The instance, from /api/v2/instance on Mastodon 4.0 and newer, from /api/v1/instance before. */
export async function instance(this: MastodonClient): Promise<InstanceV2 | Instance> {
  return (await serverAtLeast(this, "4.0.0")) ? instanceV2.call(this) : instanceV1.call(this);
}

export async function instanceV1(this: MastodonClient): Promise<Instance> {
  return this.request({ method: "GET", path: "/api/v1/instance/", version: ["1.1.0", "2.3.0"] });
}

export async function instanceV2(this: MastodonClient): Promise<InstanceV2> {
  return this.request({ method: "GET", path: "/api/v2/instance/", version: ["4.0.0", "4.0.0"] });
}

/** Weekly figures (posts, logins, sign-ups) of the last three months. */
export async function instanceActivity(this: MastodonClient): Promise<NonPaginatedList<Activity>> {
  return this.request({ method: "GET", path: "/api/v1/instance/activity", version: ["2.1.2", "2.1.2"] });
}

/** The domains this server knows of. */
export async function instancePeers(this: MastodonClient): Promise<NonPaginatedList<string>> {
  return this.request({ method: "GET", path: "/api/v1/instance/peers", version: ["2.1.2", "2.1.2"] });
}

export async function instanceRules(this: MastodonClient): Promise<NonPaginatedList<Rule>> {
  return this.request({ method: "GET", path: "/api/v1/instance/rules", version: ["3.4.0", "3.4.0"] });
}

/** The server's long description (HTML). */
export async function instanceExtendedDescription(this: MastodonClient): Promise<ExtendedDescription> {
  return this.request({ method: "GET", path: "/api/v1/instance/extended_description", version: ["4.0.0", "4.0.0"] });
}

/** The server's privacy policy. Not in Mastodon.py. */
export async function instancePrivacyPolicy(this: MastodonClient): Promise<PrivacyPolicy> {
  return this.request({ method: "GET", path: "/api/v1/instance/privacy_policy", version: ["4.0.0", "4.0.0"] });
}

/** A date-only path segment: "2025-01-31", from a Date (its UTC day) or such a string. */
function dateSegment(date: Date | string): string {
  if (date instanceof Date) {
    if (Number.isNaN(date.getTime())) throw new MastodonIllegalArgumentError("date is an invalid Date");
    return formatDate(date);
  }
  if (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new MastodonIllegalArgumentError(`date must be a Date or a "YYYY-MM-DD" string, got ${JSON.stringify(date)}`);
  }
  return date;
}

/**
 * The terms of service in effect now, or, with `date`, the version that took effect on that day
 * (GET /api/v1/instance/terms_of_service/:date). A server without terms answers 404.
 */
export async function instanceTermsOfService(this: MastodonClient, options: { date?: Date | string | null } = {}): Promise<TermsOfService> {
  const date = options.date ?? null;
  const target = date === null ? "/api/v1/instance/terms_of_service" : path`/api/v1/instance/terms_of_service/${dateSegment(date)}`;
  return this.request({ method: "GET", path: target, version: ["4.4.0", "4.4.0"] });
}

/** Language pairs the server's translation service offers: source language → target languages. */
export async function instanceTranslationLanguages(this: MastodonClient): Promise<Record<string, string[]>> {
  return this.request({ method: "GET", path: "/api/v1/instance/translation_languages" });
}

/** The domains this server blocks, when its admins publish them (otherwise the server answers 404). */
export async function instanceDomainBlocks(this: MastodonClient): Promise<NonPaginatedList<DomainBlock>> {
  return this.request({ method: "GET", path: "/api/v1/instance/domain_blocks", version: ["4.0.0", "4.0.0"] });
}

/** The languages the server knows (codes and names). */
export async function instanceLanguages(this: MastodonClient): Promise<NonPaginatedList<SupportedLocale>> {
  return this.request({ method: "GET", path: "/api/v1/instance/languages", version: ["4.2.0", "4.2.0"] });
}

/**
 * Whether the server's web process is healthy (GET /health). Mastodon answers the text "OK"
 * (Mastodon.py also accepts "success"; the docs show JSON `{"status": "UP"}`). Unlike
 * Mastodon.py, a 5xx answer resolves to false instead of throwing: it is the endpoint's way of
 * saying "unhealthy". Network failures still throw.
 */
export async function instanceHealth(this: MastodonClient): Promise<boolean> {
  try {
    const body = await this.request<unknown>({ method: "GET", path: "/health", version: ["3.0.0", "3.0.0"] });
    return body !== null && typeof body === "object" && "status" in body && body.status === "UP";
  } catch (error) {
    // The answer is plain text, which the pipeline reports as "not JSON" with the text as body.
    if (error instanceof MastodonAPIError && error.status === 200 && typeof error.body === "string") {
      return ["OK", "success"].includes(error.body.trim());
    }
    if (error instanceof MastodonServerError) return false;
    throw error;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const NODEINFO_2_0 = "http://nodeinfo.diaspora.software/ns/schema/2.0";

/**
 * The server's NodeInfo document: /.well-known/nodeinfo names one URL per schema version; the one
 * for `schema` (NodeInfo 2.0 by default) is fetched. As in Mastodon.py, when that URL answers 404
 * its path is tried under the API base URL instead. The token is only sent to the API's own origin.
 */
export async function instanceNodeinfo(this: MastodonClient, options: { schema?: string | null } = {}): Promise<Nodeinfo> {
  const schema = options.schema ?? NODEINFO_2_0;
  const index = await this.request<{ links?: unknown }>({ method: "GET", path: "/.well-known/nodeinfo", raw: true, version: ["3.0.0", "3.0.0"] });
  const links = Array.isArray(index.links) ? index.links : [];
  let href: string | null = null;
  for (const link of links) {
    // The last matching link wins, as in Mastodon.py.
    if (isRecord(link) && link.rel === schema && typeof link.href === "string") href = link.href;
  }
  if (href === null) throw new MastodonIllegalArgumentError(`Requested nodeinfo schema is not available: ${schema}`);
  const url = new URL(href, this.api_base_url);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new MastodonIllegalArgumentError(`the server's nodeinfo link is not an HTTP URL: ${href}`);
  }
  const sameOrigin = url.origin === new URL(this.api_base_url).origin;
  try {
    return await this.request({ method: "GET", path: url.href, auth: sameOrigin });
  } catch (error) {
    if (!(error instanceof MastodonNotFoundError)) throw error;
    return this.request({ method: "GET", path: url.pathname + url.search });
  }
}
