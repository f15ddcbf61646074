/** The server's custom emojis. https://docs.joinmastodon.org/methods/custom_emojis/ */
import type { MastodonClient } from "../core/client.js";
import type { NonPaginatedList } from "../core/types.js";
import type { CustomEmoji } from "../entities/index.js";

/** Every custom emoji the server offers, with its shortcode, image URLs and category. */
export async function customEmojis(this: MastodonClient): Promise<NonPaginatedList<CustomEmoji>> {
  return this.request({ method: "GET", path: "/api/v1/custom_emojis", version: ["2.1.0", "2.1.0"] });
}
