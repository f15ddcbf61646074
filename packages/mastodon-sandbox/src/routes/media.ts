// Media attachments (docs: methods/media.md) and the files behind them. v2 uploads answer
// 202 with `url: null` while "processing"; GET answers 206 until processing is done.
import { isProcessing, renderMedia } from "../render/media.js";
import type { Context } from "../server/context.js";
import { recordNotFound, unprocessable } from "../server/errors.js";
import { json } from "../server/response.js";
import type { Router } from "../server/router.js";
import { createMedia, parseFocus, sniffContentType, storeFile } from "../services/media.js";
import type { MediaRecord } from "../state/types.js";

/** A 1x1 transparent PNG, served for the default avatar and header. */
const MISSING_PNG = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"),
);

function ownMedia(c: Context): MediaRecord {
  const media = c.store.media.get(c.path("id"));
  if (!media || media.accountId !== c.user().id) throw recordNotFound();
  return media;
}

function upload(c: Context, asynchronous: boolean): Response {
  const media = createMedia(c.core, c.user(), {
    file: c.params.file("file"),
    thumbnail: c.params.file("thumbnail"),
    description: c.params.str("description"),
    focus: c.params.str("focus"),
    asynchronous,
  });
  return json(renderMedia(c.core, media), isProcessing(c.core, media) ? 202 : 200);
}

export function mediaRoutes(r: Router): void {
  const write = { access: "user", scopes: ["write:media"] } as const;

  r.post("/api/v1/media", write, (c) => upload(c, false));
  r.post("/api/v2/media", write, (c) => upload(c, c.core.options.mediaProcessingMs > 0));

  r.get("/api/v1/media/:id", write, (c) => {
    const media = ownMedia(c);
    return json(renderMedia(c.core, media), isProcessing(c.core, media) ? 206 : 200);
  });

  r.put("/api/v1/media/:id", write, (c) => {
    const media = ownMedia(c);
    const description = c.params.str("description");
    if (description !== undefined) {
      if (description.length > 1500) throw unprocessable("Validation failed: Description is too long (maximum is 1500 characters)");
      media.description = description;
    }
    const focus = parseFocus(c.params.str("focus"));
    if (focus !== undefined) media.focus = focus;
    const thumbnail = c.params.file("thumbnail");
    if (thumbnail) media.preview = storeFile(c.core, "media_attachments/thumbnails", media.id, "original", sniffContentType(thumbnail), thumbnail.data);
    return json(renderMedia(c.core, media), isProcessing(c.core, media) ? 206 : 200);
  });

  r.delete("/api/v1/media/:id", write, (c) => {
    const media = ownMedia(c);
    if (media.statusId !== null) throw unprocessable("Media attachment is currently used by a status");
    c.store.media.delete(media.id);
    c.store.files.delete(media.file.path);
    if (media.preview) c.store.files.delete(media.preview.path);
    return json({});
  });

  r.get("/system/*", {}, (c) => {
    const file = c.store.files.get(c.url.pathname);
    if (!file) throw recordNotFound();
    return new Response(file.data, { headers: { "content-type": file.contentType, "cache-control": "public, max-age=31536000" } });
  });

  for (const path of ["/avatars/original/missing.png", "/headers/original/missing.png"]) {
    r.get(path, {}, () => new Response(MISSING_PNG, { headers: { "content-type": "image/png", "cache-control": "public, max-age=31536000" } }));
  }
}
