/**
 * The logged-in user's editable profile (Mastodon 4.6), and removing its images (4.2).
 * https://docs.joinmastodon.org/methods/profile/
 */
import { withFiles } from "../core/encode.js";
import type { MastodonClient } from "../core/client.js";
import { loadMedia, type MediaInput } from "../core/media.js";
import type { CredentialAccount, Profile } from "../entities/index.js";

export interface ProfileUpdateOptions {
  display_name?: string | null;
  note?: string | null;
  /** A path (Node), bytes or a Blob. */
  avatar?: MediaInput | null;
  avatar_mime_type?: string | null;
  /** Alt text of the avatar. */
  avatar_description?: string | null;
  header?: MediaInput | null;
  header_mime_type?: string | null;
  /** Alt text of the header. */
  header_description?: string | null;
  locked?: boolean | null;
  bot?: boolean | null;
  discoverable?: boolean | null;
  hide_collections?: boolean | null;
  indexable?: boolean | null;
  /** Show a "Media" tab on the profile. */
  show_media?: boolean | null;
  /** Include replies in the "Media" tab. */
  show_media_replies?: boolean | null;
  /** Show a "Featured" tab on the profile. */
  show_featured?: boolean | null;
  /** Domains of websites allowed to credit the account (at most 10). */
  attribution_domains?: string[] | null;
  /** [name, value] pairs for the profile's metadata table, as in accountUpdateCredentials. */
  fields?: Array<[string, string]> | null;
}

/** The logged-in user's profile as stored: raw note and fields, image descriptions (Mastodon 4.6+). */
export async function profile(this: MastodonClient): Promise<Profile> {
  return this.request({ method: "GET", path: "/api/v1/profile", version: ["4.6.0", "4.6.0"] });
}

/** Updates the logged-in user's profile (Mastodon 4.6+); only the options given are changed. */
export async function profileUpdate(this: MastodonClient, options: ProfileUpdateOptions = {}): Promise<Profile> {
  const avatar = options.avatar ? await loadMedia(options.avatar, options.avatar_mime_type ?? undefined, undefined, "avatar") : undefined;
  const header = options.header ? await loadMedia(options.header, options.header_mime_type ?? undefined, undefined, "header") : undefined;
  return this.request({
    method: "PATCH",
    path: "/api/v1/profile",
    ...withFiles({
      display_name: options.display_name,
      note: options.note,
      avatar_description: options.avatar_description,
      header_description: options.header_description,
      locked: options.locked,
      bot: options.bot,
      discoverable: options.discoverable,
      hide_collections: options.hide_collections,
      indexable: options.indexable,
      show_media: options.show_media,
      show_media_replies: options.show_media_replies,
      show_featured: options.show_featured,
      attribution_domains: options.attribution_domains,
      fields_attributes: options.fields?.map(([name, value]) => ({ name, value })),
    }, { avatar, header }),
    version: ["4.6.0", "4.6.0"],
  });
}

/** Removes the logged-in user's avatar; resolves to the updated account. */
export async function accountDeleteAvatar(this: MastodonClient): Promise<CredentialAccount> {
  return this.request({ method: "DELETE", path: "/api/v1/profile/avatar", version: ["4.2.0", "4.2.0"] });
}

/** Removes the logged-in user's header image; resolves to the updated account. */
export async function accountDeleteHeader(this: MastodonClient): Promise<CredentialAccount> {
  return this.request({ method: "DELETE", path: "/api/v1/profile/header", version: ["4.2.0", "4.2.0"] });
}
