/**
 * The call table: which client call produces a recorded request, with its arguments decoded
 * from the recording, and the type its result must have. Entries live in calls/<area>.ts, their
 * types and the argument decoder in calls/core.ts; this file puts them together and looks up.
 */
import type { Interaction } from "./cassette.ts";
import { matchRoute, RecordedCall, type CallEntry, type CallEnv } from "./calls/core.ts";
import { ACCOUNT_CALLS } from "./calls/accounts.ts";
import { ADMIN_CALLS } from "./calls/admin.ts";
import { INSTANCE_CALLS } from "./calls/instance.ts";
import { MISC_CALLS } from "./calls/misc.ts";
import { NOTIFICATION_CALLS } from "./calls/notifications.ts";
import { OAUTH_CALLS } from "./calls/oauth.ts";
import { STATUS_CALLS } from "./calls/statuses.ts";
import { TIMELINE_CALLS } from "./calls/timelines.ts";

export * from "./calls/core.ts";

export const CALL_TABLE: readonly CallEntry[] = [
  ...OAUTH_CALLS, ...ACCOUNT_CALLS, ...STATUS_CALLS, ...TIMELINE_CALLS, ...NOTIFICATION_CALLS,
  ...INSTANCE_CALLS, ...MISC_CALLS, ...ADMIN_CALLS,
];

/** The first entry whose route and conditions fit the interaction at `position`. */
export function findCall(
  interactions: readonly Interaction[], position: number, env: CallEnv, table: readonly CallEntry[] = CALL_TABLE,
): { entry: CallEntry; recorded: RecordedCall } | null {
  const interaction = interactions[position];
  if (!interaction) return null;
  for (const entry of table) {
    const params = matchRoute(entry.route, interaction.request);
    if (!params) continue;
    const recorded = new RecordedCall(interactions, position, params, env);
    if (entry.when && !entry.when(recorded)) continue;
    return { entry, recorded };
  }
  return null;
}
