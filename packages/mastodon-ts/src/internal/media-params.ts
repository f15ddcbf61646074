/** Media parameters shared by uploading and updating attachments. */
import { MastodonIllegalArgumentError } from "../core/errors.js";

/** "x,y", as Mastodon reads the focus parameter; coordinates must lie in [-1, 1]. */
export function focusParam(focus: readonly [number, number] | null | undefined): string | undefined {
  if (focus === undefined || focus === null) return undefined;
  if (!Array.isArray(focus) || focus.length !== 2 || focus.some((c) => typeof c !== "number" || !(c >= -1 && c <= 1))) {
    throw new MastodonIllegalArgumentError("focus must be [x, y] with both coordinates between -1 and 1");
  }
  return `${focus[0]},${focus[1]}`;
}
