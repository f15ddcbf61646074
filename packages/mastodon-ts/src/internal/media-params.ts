/** Media parameters shared by uploading, updating and editing attachments. */
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError, MastodonVersionError } from "../core/errors.js";
import { loadMedia, type LoadedFile, type MediaInput } from "../core/media.js";
import { serverAtLeast } from "../core/versions.js";

/** "x,y", as Mastodon reads the focus parameter; coordinates must lie in [-1, 1]. */
export function focusParam(focus: readonly [number, number] | null | undefined): string | undefined {
  if (focus === undefined || focus === null) return undefined;
  if (!Array.isArray(focus) || focus.length !== 2 || focus.some((c) => typeof c !== "number" || !(c >= -1 && c <= 1))) {
    throw new MastodonIllegalArgumentError("focus must be [x, y] with both coordinates between -1 and 1");
  }
  return `${focus[0]},${focus[1]}`;
}

/**
 * Loads a custom thumbnail. Servers before 3.2.0 have none, so Mastodon.py refuses it there
 * (only when the server's version is known: see serverAtLeast in core/versions.ts).
 */
export async function loadThumbnail(client: MastodonClient, thumbnail: MediaInput, mimeType: string | null | undefined, argument = "thumbnail"): Promise<LoadedFile> {
  const file = await loadMedia(thumbnail, mimeType ?? undefined, undefined, argument);
  if (!(await serverAtLeast(client, "3.2.0"))) {
    throw new MastodonVersionError("A custom thumbnail needs Mastodon 3.2.0 or newer");
  }
  return file;
}

/** A file as a data: URI (base64), the form a thumbnail takes inside a JSON body. */
export async function dataUri(file: LoadedFile): Promise<string> {
  const bytes = new Uint8Array(await file.blob.arrayBuffer());
  let binary = "";
  // Chunks keep String.fromCharCode's argument list short for large files.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return `data:${file.blob.type};base64,${btoa(binary)}`;
}
