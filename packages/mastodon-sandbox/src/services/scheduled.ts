// Scheduled statuses (docs: methods/scheduled_statuses.md): kept aside, then posted by a timer.
import type { Core } from "../core.js";
import { validationFailed } from "../server/errors.js";
import type { AccountRecord, ScheduledStatusRecord, StatusParams } from "../state/types.js";
import { postStatus } from "./statuses.js";

export function scheduleStatus(core: Core, account: AccountRecord, params: StatusParams, scheduledAt: number, applicationId: string | null): ScheduledStatusRecord {
  const store = core.store;
  const missing = params.mediaIds.filter((id) => store.media.get(id)?.accountId !== account.id);
  if (missing.length > 0) throw validationFailed(`Media (${missing.join(", ")}) not found`);
  const record: ScheduledStatusRecord = {
    id: store.sequences.next("scheduled_statuses"),
    accountId: account.id,
    applicationId,
    scheduledAt,
    params,
  };
  store.scheduled.set(record.id, record);
  for (const id of params.mediaIds) {
    const media = store.media.get(id);
    if (media) media.scheduledStatusId = record.id;
  }
  arm(core, record);
  return record;
}

export function reschedule(core: Core, record: ScheduledStatusRecord, scheduledAt: number): void {
  if (scheduledAt < core.now() + 5 * 60_000) throw validationFailed("Scheduled at The scheduled date must be in the future");
  record.scheduledAt = scheduledAt;
  arm(core, record);
}

export function cancelScheduled(core: Core, record: ScheduledStatusRecord): void {
  core.store.scheduledTimers.get(record.id)?.();
  core.store.scheduledTimers.delete(record.id);
  core.store.scheduled.delete(record.id);
  for (const media of core.store.media.values()) if (media.scheduledStatusId === record.id) media.scheduledStatusId = null;
}

function arm(core: Core, record: ScheduledStatusRecord): void {
  const store = core.store;
  store.scheduledTimers.get(record.id)?.();
  const cancel = core.timers.after(record.scheduledAt - core.now(), () => {
    store.scheduledTimers.delete(record.id);
    if (!store.scheduled.delete(record.id)) return;
    const account = store.accounts.get(record.accountId);
    if (!account) return;
    try {
      postStatus(core, account, record.params, { applicationId: record.applicationId });
    } catch (error) {
      core.options.onError(error);
    }
  });
  store.scheduledTimers.set(record.id, cancel);
}
