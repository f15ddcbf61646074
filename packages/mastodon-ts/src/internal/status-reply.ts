/** The mention prefix of a reply, as Mastodon.py's status_reply builds it. */
import type { Status } from "../entities/index.js";

/**
 * "@author @other " for a reply to `original`: its author always comes first (also when that is
 * yourself, so a self-reply threads), then, unless `untag`, every account it mentions except
 * yourself, each once. Every mention is followed by a space.
 */
export function replyMentions(original: Pick<Status, "account" | "mentions">, myId: string, untag: boolean): string {
  const mentioned = new Map<string, string>([[original.account.id, original.account.acct]]);
  if (!untag) {
    for (const account of original.mentions ?? []) {
      if (account.id !== myId && !mentioned.has(account.id)) mentioned.set(account.id, account.acct);
    }
  }
  return [...mentioned.values()].map((acct) => `@${acct} `).join("");
}
