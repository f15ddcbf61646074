/**
 * Files for upload: a path (Node), bytes, or a Blob/File; the MIME type comes from the caller,
 * the Blob, the file's first bytes, or its extension, in that order. A type that cannot be
 * determined, or a path that does not exist, is an argument error raised before any request.
 */
import { MastodonIllegalArgumentError } from "./errors.js";
import { optionalFs } from "../platform/builtins.js";

export type MediaInput = string | Blob | Uint8Array | ArrayBuffer;

export interface LoadedFile {
  blob: Blob;
  fileName: string;
}

const EXTENSION_TYPES: Record<string, string> = {
  png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp",
  heic: "image/heic", heif: "image/heif", avif: "image/avif", bmp: "image/bmp", tif: "image/tiff", tiff: "image/tiff",
  mp4: "video/mp4", m4v: "video/mp4", mov: "video/quicktime", webm: "video/webm", ogv: "video/ogg",
  mp3: "audio/mpeg", m4a: "audio/mp4", ogg: "audio/ogg", oga: "audio/ogg", opus: "audio/ogg", wav: "audio/wav",
  flac: "audio/flac", aac: "audio/aac", "3gp": "video/3gpp", wma: "audio/x-ms-wma",
};

const TYPE_EXTENSIONS: Record<string, string> = Object.fromEntries(
  Object.entries(EXTENSION_TYPES).reverse().map(([extension, type]) => [type, extension]),
);

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

/** Recognises the common media formats by their signature bytes. */
export function sniffMimeType(bytes: Uint8Array): string | null {
  if (bytes.length < 4) return null;
  if (bytes[0] === 0x89 && ascii(bytes, 1, 3) === "PNG") return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (ascii(bytes, 0, 4) === "GIF8") return "image/gif";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") return "image/webp";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WAVE") return "audio/wav";
  if (ascii(bytes, 0, 4) === "OggS") return "audio/ogg";
  if (ascii(bytes, 0, 4) === "fLaC") return "audio/flac";
  if (ascii(bytes, 0, 3) === "ID3" || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return "audio/mpeg";
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return "video/webm";
  if (ascii(bytes, 4, 4) === "ftyp") {
    const brand = ascii(bytes, 8, 4);
    if (brand === "avif") return "image/avif";
    if (brand === "heic" || brand === "heix" || brand === "mif1") return "image/heic";
    if (brand === "qt  ") return "video/quicktime";
    if (brand.startsWith("M4A")) return "audio/mp4";
    return "video/mp4";
  }
  if (ascii(bytes, 0, 2) === "BM") return "image/bmp";
  return null;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

function baseName(filePath: string): string {
  return filePath.split(/[\\/]/).pop() || "file";
}

/** Loads a media input into a typed Blob with a file name; `argument` names it in errors. */
export async function loadMedia(input: MediaInput, mimeType: string | undefined, fileName: string | undefined, argument: string): Promise<LoadedFile> {
  let bytes: Uint8Array | null = null;
  let blob: Blob | null = null;
  let name = fileName;
  if (typeof input === "string") {
    const fs = optionalFs();
    if (!fs) throw new MastodonIllegalArgumentError(`${argument}: a file path needs a file system; pass a Blob or bytes instead`);
    if (!fs.existsSync(input) || !fs.statSync(input).isFile()) {
      throw new MastodonIllegalArgumentError(`${argument}: file ${JSON.stringify(input)} does not exist`);
    }
    bytes = new Uint8Array(fs.readFileSync(input));
    name ??= baseName(input);
  } else if (input instanceof Uint8Array) {
    bytes = input;
  } else if (input instanceof ArrayBuffer) {
    bytes = new Uint8Array(input);
  } else if (typeof Blob !== "undefined" && input instanceof Blob) {
    blob = input;
    const fileLike = input as Blob & { name?: unknown };
    if (!name && typeof fileLike.name === "string") name = fileLike.name;
  } else {
    throw new MastodonIllegalArgumentError(`${argument} must be a file path, a Blob or bytes`);
  }

  if (blob && !blob.type && !mimeType) bytes = new Uint8Array(await blob.slice(0, 16).arrayBuffer());
  const type = mimeType || (blob?.type ?? "") || (bytes ? sniffMimeType(bytes) : null) || (name ? EXTENSION_TYPES[extensionOf(name)] : undefined);
  if (!type) {
    throw new MastodonIllegalArgumentError(`${argument}: could not determine the media type; pass ${argument === "media_file" ? "mime_type" : `${argument}_mime_type`}`);
  }
  name ??= `mastodonts_upload.${TYPE_EXTENSIONS[type] ?? "bin"}`;
  if (blob) return { blob: blob.type === type ? blob : new Blob([blob], { type }), fileName: name };
  return { blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), fileName: name };
}
