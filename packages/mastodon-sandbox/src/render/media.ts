// MediaAttachment (docs: entities/MediaAttachment.md).
import type { Core } from "../core.js";
import type { MediaRecord } from "../state/types.js";

export function isProcessing(core: Core, media: MediaRecord): boolean {
  return core.now() < media.readyAt;
}

export function renderMedia(core: Core, media: MediaRecord) {
  const base = core.baseUrl();
  const processing = isProcessing(core, media);
  const meta: Record<string, unknown> = {};
  if (media.focus) meta["focus"] = media.focus;
  if (media.width !== null && media.height !== null) {
    const { width, height } = media;
    const scale = Math.min(1, Math.sqrt((480 * 480) / (width * height)));
    const small = { width: Math.round(width * scale), height: Math.round(height * scale) };
    meta["original"] = { width, height, size: `${width}x${height}`, aspect: width / height };
    meta["small"] = { ...small, size: `${small.width}x${small.height}`, aspect: small.width / small.height };
  }
  return {
    id: media.id,
    type: media.type,
    url: processing ? null : `${base}${media.file.path}`,
    preview_url: media.preview ? `${base}${media.preview.path}` : null,
    remote_url: null,
    preview_remote_url: null,
    text_url: null,
    meta,
    description: media.description,
    blurhash: media.type === "image" || media.type === "gifv" || media.type === "video" ? "UGC~-#M{0JfkNFofR%M{IURj%Mt7E0oM%MR*" : null,
  };
}
