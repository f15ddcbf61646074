/** Polls. https://docs.joinmastodon.org/methods/polls/ */
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import type { IdLike } from "../core/ids.js";
import { path } from "../core/path.js";
import { checkPoll, type PollOptions } from "../internal/status-params.js";
import type { Poll } from "../entities/index.js";

export async function poll(this: MastodonClient, id: IdLike): Promise<Poll> {
  return this.request({ method: "GET", path: path`/api/v1/polls/${id}`, version: ["2.8.0", "2.8.0"] });
}

/**
 * Votes in a poll: `choices` is the index of an answer in the poll's `options`, or (for a
 * poll with `multiple`) a list of indices. Resolves to the updated poll.
 */
export async function pollVote(this: MastodonClient, id: IdLike, choices: number | number[]): Promise<Poll> {
  const list = Array.isArray(choices) ? choices : [choices];
  if (list.length === 0 || list.some((choice) => !Number.isInteger(choice) || choice < 0)) {
    throw new MastodonIllegalArgumentError("choices must be the index of an answer (an integer from 0), or a non-empty list of them");
  }
  // Always a list, even for one choice: choices[]=1, as Mastodon.py sends it.
  return this.request({ method: "POST", path: path`/api/v1/polls/${id}/votes`, params: { choices: list }, version: ["2.8.0", "2.8.0"] });
}

/**
 * Builds the `poll` option of `statusPost` (no request is sent): the answers, and how many
 * seconds the poll stays open. `multiple` allows several answers; `hide_totals` hides the
 * counts until the poll ends.
 */
export function makePoll(
  this: MastodonClient, options: string[], expires_in: number, extra: { multiple?: boolean; hide_totals?: boolean } = {},
): PollOptions {
  checkPoll({ options, expires_in });
  return { options: [...options], expires_in, multiple: extra.multiple ?? false, hide_totals: extra.hide_totals ?? false };
}
