/** oEmbed previews of posts, for embedding them in other sites. https://docs.joinmastodon.org/methods/oembed/ */
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import type { OEmbed } from "../entities/index.js";

export interface OembedOptions {
  /** Width of the iframe in pixels (the server's default is 400). */
  maxwidth?: number | null;
  /** Height of the iframe in pixels (none by default). */
  maxheight?: number | null;
}

/** The oEmbed preview of a post, given the post's URL. Public; not in Mastodon.py. */
export async function oembed(this: MastodonClient, url: string, options: OembedOptions = {}): Promise<OEmbed> {
  if (typeof url !== "string" || url === "") throw new MastodonIllegalArgumentError("url must be the URL of a post");
  for (const key of ["maxwidth", "maxheight"] as const) {
    const value = options[key];
    if (value !== undefined && value !== null && !(Number.isInteger(value) && value > 0)) {
      throw new MastodonIllegalArgumentError(`${key} must be a positive whole number of pixels, got ${String(value)}`);
    }
  }
  return this.request({
    method: "GET", path: "/api/oembed",
    params: { url, maxwidth: options.maxwidth ?? undefined, maxheight: options.maxheight ?? undefined },
    auth: false, version: ["1.0.0", "1.0.0"],
  });
}
