// Poll (docs: entities/Poll.md).
import type { Core } from "../core.js";
import type { AccountRecord, PollRecord } from "../state/types.js";
import { isoTime } from "./time.js";

export function pollExpired(core: Core, poll: PollRecord): boolean {
  return poll.expiresAt !== null && poll.expiresAt <= core.now();
}

export function renderPoll(core: Core, poll: PollRecord, viewer: AccountRecord | null, authorId: string) {
  const expired = pollExpired(core, poll);
  const counts = poll.options.map(() => 0);
  for (const choices of poll.votes.values()) for (const index of choices) counts[index] = (counts[index] ?? 0) + 1;
  const totalsHidden = poll.hideTotals && !expired && viewer?.id !== authorId;
  const own = viewer ? poll.votes.get(viewer.id) : undefined;
  const base = {
    id: poll.id,
    expires_at: poll.expiresAt === null ? null : isoTime(poll.expiresAt),
    expired,
    multiple: poll.multiple,
    votes_count: counts.reduce((sum, n) => sum + n, 0),
    voters_count: poll.votes.size,
  };
  const options = poll.options.map((title, index) => ({ title, votes_count: totalsHidden ? null : (counts[index] ?? 0) }));
  if (!viewer) return { ...base, options, emojis: [] };
  // The author "has voted" in their own poll, as in Mastodon.
  return { ...base, voted: own !== undefined || viewer.id === authorId, own_votes: own ?? [], options, emojis: [] };
}
