/** The contenders, in table order; raw fetch first: it is the floor every ratio is taken to. */
import raw from "./raw.mjs";
import mastodonTs from "./mastodon-ts.mjs";
import masto from "./masto.mjs";
import megalodon from "./megalodon.mjs";

export const contenders = [raw, mastodonTs, masto, megalodon];
export const byName = (name) => contenders.find((c) => c.name === name);
