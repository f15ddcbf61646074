/** The user's preferences, as set in the web interface. https://docs.joinmastodon.org/methods/preferences/ */
import type { MastodonClient } from "../core/client.js";
import type { Preferences } from "../entities/index.js";

/** The user's default post visibility, sensitivity and language, and reading preferences (read-only). */
export async function preferences(this: MastodonClient): Promise<Preferences> {
  return this.request({ method: "GET", path: "/api/v1/preferences", version: ["2.8.0", "2.8.0"] });
}
