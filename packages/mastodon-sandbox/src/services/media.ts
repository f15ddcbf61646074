// Media uploads: content-type checks, image dimensions, stored files and the delayed
// "processing" state of v2 uploads (docs: methods/media.md).
import { randomBytes } from "node:crypto";
import type { Core } from "../core.js";
import { LIMITS, SUPPORTED_MIME_TYPES } from "../render/instance.js";
import { validationFailed } from "../server/errors.js";
import type { UploadedFile } from "../server/params.js";
import type { AccountRecord, MediaRecord, StoredFile } from "../state/types.js";

const MAGIC: [string, (b: Uint8Array) => boolean][] = [
  ["image/png", (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47],
  ["image/jpeg", (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ["image/gif", (b) => ascii(b, 0, 3) === "GIF"],
  ["image/webp", (b) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP"],
  ["audio/wav", (b) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WAVE"],
  ["video/mp4", (b) => ascii(b, 4, 8) === "ftyp"],
  ["video/webm", (b) => b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3],
  ["audio/ogg", (b) => ascii(b, 0, 4) === "OggS"],
  ["audio/flac", (b) => ascii(b, 0, 4) === "fLaC"],
  ["audio/mpeg", (b) => ascii(b, 0, 3) === "ID3" || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0)],
];

const EXTENSIONS: Record<string, string> = {
  "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp", "video/mp4": "mp4",
  "video/webm": "webm", "audio/ogg": "ogg", "audio/mpeg": "mp3", "audio/wav": "wav", "audio/flac": "flac",
};

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

export function sniffContentType(file: UploadedFile): string {
  const declared = file.contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (SUPPORTED_MIME_TYPES.includes(declared)) return declared;
  return MAGIC.find(([, test]) => test(file.data))?.[0] ?? declared;
}

export function mediaType(contentType: string): MediaRecord["type"] {
  if (contentType === "image/gif") return "gifv";
  if (contentType.startsWith("image/")) return "image";
  if (contentType.startsWith("video/")) return "video";
  if (contentType.startsWith("audio/")) return "audio";
  return "unknown";
}

/** Width and height from PNG, GIF and JPEG headers; null for anything else. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && bytes[0] === 0x89 && ascii(bytes, 12, 16) === "IHDR") {
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length >= 10 && ascii(bytes, 0, 3) === "GIF") {
    return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    let offset = 2;
    while (offset + 9 < bytes.length) {
      if (bytes[offset] !== 0xff) return null;
      const marker = bytes[offset + 1] ?? 0;
      const length = view.getUint16(offset + 2);
      const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isFrame) return { width: view.getUint16(offset + 7), height: view.getUint16(offset + 5) };
      offset += 2 + length;
    }
  }
  return null;
}

/** Mastodon splits ids into 3-digit folders: /system/media_attachments/files/117/020/570/... */
function idFolders(id: string): string {
  return id.padStart(18, "0").match(/.{1,3}/g)?.join("/") ?? id;
}

export function storeFile(core: Core, folder: string, id: string, style: string, contentType: string, data: Uint8Array<ArrayBuffer>): StoredFile {
  const extension = EXTENSIONS[contentType] ?? "bin";
  const file = {
    path: `/system/${folder}/${idFolders(id)}/${style}/${randomBytes(8).toString("hex")}.${extension}`,
    contentType,
    data,
  };
  core.store.files.set(file.path, file);
  return file;
}

export function parseFocus(text: string | undefined): { x: number; y: number } | null | undefined {
  if (text === undefined) return undefined;
  const [x, y] = text.split(",").map((part) => Number(part.trim()));
  if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  return { x: Math.max(-1, Math.min(1, x)), y: Math.max(-1, Math.min(1, y)) };
}

export interface UploadInput {
  file: UploadedFile | undefined;
  thumbnail?: UploadedFile | undefined;
  description?: string | undefined;
  focus?: string | undefined;
  /** v2 uploads finish "later"; v1 uploads are ready at once. */
  asynchronous: boolean;
}

export function createMedia(core: Core, account: AccountRecord, input: UploadInput): MediaRecord {
  const { file } = input;
  if (!file || file.data.length === 0) throw validationFailed("File can't be blank");
  const contentType = sniffContentType(file);
  if (!SUPPORTED_MIME_TYPES.includes(contentType)) throw validationFailed("File content type is invalid", "File is invalid");
  const type = mediaType(contentType);
  const limit = type === "image" ? LIMITS.imageSizeLimit : LIMITS.videoSizeLimit;
  if (file.data.length > limit) throw validationFailed(`File must be less than ${Math.round(limit / 1_048_576)} MB`);
  if ((input.description?.length ?? 0) > 1500) throw validationFailed("Description is too long (maximum is 1500 characters)");
  const id = core.store.snowflakes.next();
  const size = type === "image" || type === "gifv" ? imageSize(file.data) : null;
  const stored = storeFile(core, "media_attachments/files", id, "original", contentType, file.data);
  const preview =
    type === "image" || type === "gifv"
      ? storeFile(core, "media_attachments/files", id, "small", contentType, file.data)
      : input.thumbnail
        ? storeFile(core, "media_attachments/thumbnails", id, "original", sniffContentType(input.thumbnail), input.thumbnail.data)
        : null;
  const media: MediaRecord = {
    id,
    accountId: account.id,
    type,
    file: stored,
    preview,
    width: size?.width ?? null,
    height: size?.height ?? null,
    description: input.description ?? null,
    focus: parseFocus(input.focus) ?? null,
    readyAt: input.asynchronous ? core.now() + core.options.mediaProcessingMs : core.now(),
    statusId: null,
    scheduledStatusId: null,
  };
  core.store.media.set(id, media);
  return media;
}
