/**
 * Utilities of Mastodon.py that are not one endpoint each: language, version checks, the server's
 * clock, BlurHash decoding, status length, caches, and whether a timeline can be read.
 */
import type { MastodonClient } from "../core/client.js";
import { MastodonAPIError, MastodonError, MastodonIllegalArgumentError } from "../core/errors.js";
import { fetchServerVersion, parseVersion, versionAtLeast } from "../core/versions.js";
import { blurhashComponents, decodeBlurhashPixels } from "../internal/blurhash.js";
import { statusLength } from "../internal/status-length.js";
import type { InstanceTimelinesAccessConfiguration, InstanceTimelinesAccessFeedConfiguration } from "../entities/index.js";
import { instanceV2 } from "./instance.js";

/** Sets the language (ISO 639 code) the server answers in, sent as `lang` with every request. */
export function setLanguage(this: MastodonClient, lang: string | null): void {
  this.lang = lang;
}

/** Fetches the server's version from the instance endpoint (also when already known), as "x.y.z". */
export async function retrieveMastodonVersion(this: MastodonClient): Promise<string | null> {
  return fetchServerVersion(this);
}

/**
 * Whether the server runs at least `version_str`. Fetches the server's version first unless
 * `cached` is set; a version that cannot be found counts as 1.0.0, as in Mastodon.py.
 */
export async function verifyMinimumVersion(this: MastodonClient, version_str: string, options: { cached?: boolean } = {}): Promise<boolean> {
  if (parseVersion(version_str) === null) throw new MastodonIllegalArgumentError(`version_str ${JSON.stringify(version_str)} is not a version like "4.3.0"`);
  if (!options.cached) {
    try {
      await fetchServerVersion(this);
    } catch (error) {
      if (!(error instanceof MastodonError)) throw error;
    }
  }
  return versionAtLeast(parseVersion(this.server_version) ?? [1, 0, 0], version_str);
}

/** Empties the client's memoised lookups (OAuth server metadata and the like). */
export function clearCaches(this: MastodonClient): void {
  this.cache.clear();
}

/** The server's clock, read from the Date header of HEAD / (latency is not compensated). */
export async function getApproxServerTime(this: MastodonClient): Promise<Date> {
  const headers = await this.request<Record<string, string>>({ method: "HEAD", path: "/", headersOnly: true });
  const date = new Date(headers.date ?? "");
  if (Number.isNaN(date.getTime())) {
    throw new MastodonAPIError({
      status: 200, reason: "No server time in response", error: "No server time in response.", error_description: null,
      headers: {}, method: "HEAD", url: `${this.api_base_url}/`, body: null,
    });
  }
  return date;
}

export interface DecodeBlurhashOptions {
  /** Output size [width, height]: per component (the default) or in pixels. Default [16, 16]. */
  out_size?: readonly [number, number];
  /** true: out_size is multiplied by the hash's component counts. */
  size_per_component?: boolean;
  /** true (default): linear-light floats, for further scaling; false: sRGB integers 0..255. */
  return_linear?: boolean;
}

/** Decodes a media attachment's BlurHash (or a hash string) to rows of [r, g, b] pixels. */
export function decodeBlurhash(
  this: MastodonClient, media_dict: { blurhash?: string | null } | string, options: DecodeBlurhashOptions = {},
): number[][][] {
  const hash = typeof media_dict === "string" ? media_dict : media_dict?.blurhash;
  if (typeof hash !== "string") throw new MastodonIllegalArgumentError("media_dict has no blurhash");
  const [width, height] = options.out_size ?? [16, 16];
  const [componentsX, componentsY] = blurhashComponents(hash);
  const perComponent = options.size_per_component ?? true;
  return decodeBlurhashPixels(hash, perComponent ? width * componentsX : width, perComponent ? height * componentsY : height, options.return_linear ?? true);
}

/**
 * The length Mastodon checks against its character limit: links count 23, remote mentions count
 * only their "@username", graphemes are counted, and the spoiler text is added. Also a static method.
 */
export function getStatusLength(text: string, options: { spoiler_text?: string | null } = {}): number {
  if (typeof text !== "string") throw new MastodonIllegalArgumentError("text must be a string");
  return statusLength(text, options.spoiler_text ?? "");
}

export interface TimelineIsAvailableOptions {
  /** "public" (default), "local", "tag/NAME" (or "hashtag"), "link", "home" or "list/ID". */
  timeline?: string;
  /** Only the local posts of the timeline. */
  local?: boolean;
  /** Only the remote posts of the timeline. */
  remote?: boolean;
  /** Whether it would be read with a user token ("authenticated" feeds are then readable). */
  with_auth?: boolean;
  /** Throw when the server's settings cannot be read, instead of assuming the timeline is there. */
  fail_hard?: boolean;
}

function feedOf(timeline: string): keyof InstanceTimelinesAccessConfiguration | "user" {
  const kind = timeline.split("/")[0];
  if (kind === "public" || kind === "local") return "live_feeds";
  if (kind === "tag" || kind === "hashtag") return "hashtag_feeds";
  if (kind === "link") return "trending_link_feeds";
  if (kind === "home" || kind === "list") return "user";
  throw new MastodonIllegalArgumentError(`timeline must be "public", "local", "tag/NAME", "link", "home" or "list/ID"; got ${JSON.stringify(timeline)}`);
}

/**
 * Whether a timeline can be read, from the server's timeline access settings
 * (`configuration.timelines_access`, Mastodon 4.5+). Servers without them put no such limits.
 */
export async function timelineIsAvailable(this: MastodonClient, options: TimelineIsAvailableOptions = {}): Promise<boolean> {
  const timeline = options.timeline ?? "public";
  const feed = feedOf(timeline);
  const withAuth = options.with_auth ?? false;
  if (feed === "user") return withAuth;
  let access: InstanceTimelinesAccessFeedConfiguration | undefined;
  try {
    // Servers before 4.5 have no timelines_access: the optional chain finds nothing there.
    const info: { configuration?: { timelines_access?: Partial<InstanceTimelinesAccessConfiguration> } } = await instanceV2.call(this);
    access = info.configuration?.timelines_access?.[feed];
  } catch (error) {
    if (options.fail_hard || !(error instanceof MastodonError)) throw error;
    return true;
  }
  if (!access) {
    if (options.fail_hard) throw new MastodonError("The server does not publish its timeline access settings (Mastodon 4.5+)");
    return true;
  }
  const local = options.local || timeline === "local";
  const sides: Array<"local" | "remote"> = local && !options.remote ? ["local"] : options.remote && !local ? ["remote"] : ["local", "remote"];
  return sides.every((side) => access[side] === "public" || (access[side] === "authenticated" && withAuth));
}
