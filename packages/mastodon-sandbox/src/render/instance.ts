// Instance (v2) and V1_Instance (docs: entities/Instance.md, entities/V1_Instance.md).
// Limits are Mastodon's defaults; the version comes from the sandbox options.
import type { Core } from "../core.js";
import { renderAccount } from "./account.js";
import { VAPID_KEY } from "./misc.js";

export const SUPPORTED_MIME_TYPES = [
  "image/jpeg", "image/png", "image/gif", "image/heic", "image/heif", "image/webp", "image/avif",
  "video/webm", "video/mp4", "video/quicktime", "video/ogg",
  "audio/wave", "audio/wav", "audio/x-wav", "audio/x-pn-wave", "audio/vnd.wave", "audio/ogg", "audio/vorbis",
  "audio/mpeg", "audio/mp3", "audio/webm", "audio/flac", "audio/aac", "audio/m4a", "audio/x-m4a", "audio/mp4",
  "audio/3gpp", "video/x-ms-asf",
];

export const LIMITS = {
  maxCharacters: 500,
  maxMediaAttachments: 4,
  charactersReservedPerUrl: 23,
  pollMaxOptions: 4,
  pollMaxCharactersPerOption: 50,
  pollMinExpiration: 300,
  pollMaxExpiration: 2_629_746,
  imageSizeLimit: 16_777_216,
  videoSizeLimit: 103_809_024,
  maxProfileFields: 4,
  maxDisplayNameLength: 30,
  maxNoteLength: 500,
};

const MEDIA_CONFIGURATION = {
  supported_mime_types: SUPPORTED_MIME_TYPES,
  image_size_limit: LIMITS.imageSizeLimit,
  image_matrix_limit: 33_177_600,
  video_size_limit: LIMITS.videoSizeLimit,
  video_frame_rate_limit: 120,
  video_matrix_limit: 8_294_400,
};

const POLLS_CONFIGURATION = {
  max_options: LIMITS.pollMaxOptions,
  max_characters_per_option: LIMITS.pollMaxCharactersPerOption,
  min_expiration: LIMITS.pollMinExpiration,
  max_expiration: LIMITS.pollMaxExpiration,
};

const STATUSES_CONFIGURATION = {
  max_characters: LIMITS.maxCharacters,
  max_media_attachments: LIMITS.maxMediaAttachments,
  characters_reserved_per_url: LIMITS.charactersReservedPerUrl,
};

function contactAccount(core: Core) {
  const owner = [...core.store.accounts.values()].find((a) => a.role === "owner");
  return owner ? renderAccount(core, owner) : null;
}

export function renderInstanceV2(core: Core) {
  const base = core.baseUrl();
  const { title, version } = core.options;
  return {
    domain: core.domain(),
    title,
    version,
    source_url: "https://github.com/mastodon/mastodon",
    description: "A local Mastodon-compatible server for testing API clients.",
    usage: { users: { active_month: core.store.accounts.size } },
    thumbnail: { url: `${base}/packs/media/images/preview.png`, description: "" },
    icon: [{ src: `${base}/packs/media/icons/android-chrome-36x36.png`, size: "36x36" }],
    languages: ["en"],
    configuration: {
      urls: {
        streaming: core.streamingUrl(),
        status: null,
        about: `${base}/about`,
        privacy_policy: `${base}/privacy-policy`,
        terms_of_service: null,
      },
      vapid: { public_key: VAPID_KEY },
      accounts: {
        max_display_name_length: LIMITS.maxDisplayNameLength,
        max_note_length: LIMITS.maxNoteLength,
        max_avatar_description_length: 150,
        max_header_description_length: 150,
        max_featured_tags: 10,
        max_pinned_statuses: 5,
        max_profile_fields: LIMITS.maxProfileFields,
        profile_field_name_limit: 255,
        profile_field_value_limit: 255,
      },
      statuses: STATUSES_CONFIGURATION,
      media_attachments: { description_limit: 1500, ...MEDIA_CONFIGURATION },
      polls: POLLS_CONFIGURATION,
      translation: { enabled: false },
      timelines_access: {
        live_feeds: { local: "public", remote: "public" },
        hashtag_feeds: { local: "public", remote: "public" },
        trending_link_feeds: { local: "public", remote: "public" },
      },
      limited_federation: false,
    },
    registrations: { enabled: true, approval_required: false, reason_required: false, message: null, min_age: null, url: null },
    api_versions: { mastodon: 11 },
    wrapstodon: null,
    contact: { email: "admin@localhost", account: contactAccount(core) },
    rules: [],
  };
}

export function renderInstanceV1(core: Core) {
  const base = core.baseUrl();
  const store = core.store;
  return {
    uri: core.domain(),
    title: core.options.title,
    short_description: "",
    description: "",
    email: "admin@localhost",
    version: core.options.version,
    urls: { streaming_api: core.streamingUrl() },
    stats: {
      user_count: store.accounts.size,
      status_count: [...store.statuses.values()].filter((s) => s.visibility !== "direct").length,
      domain_count: 0,
    },
    thumbnail: `${base}/packs/media/images/preview.png`,
    languages: ["en"],
    registrations: true,
    approval_required: false,
    invites_enabled: true,
    configuration: {
      accounts: { max_featured_tags: 10 },
      statuses: STATUSES_CONFIGURATION,
      media_attachments: MEDIA_CONFIGURATION,
      polls: POLLS_CONFIGURATION,
    },
    contact_account: contactAccount(core),
    rules: [],
  };
}
