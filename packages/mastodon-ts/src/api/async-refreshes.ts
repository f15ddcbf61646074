/**
 * Async refreshes (Mastodon 4.4+, API still "alpha"): some answers come while a background job
 * is still producing results; these methods tell how it goes and wait for it.
 * https://docs.joinmastodon.org/methods/async_refreshes/
 */
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { idOf, type IdLike } from "../core/ids.js";
import { path } from "../core/path.js";
import { asyncRefreshHintOf } from "../core/async-refresh.js";
import type { AsyncRefresh } from "../entities/index.js";

/**
 * The async refresh a result announced (its Mastodon-Async-Refresh header), as
 * [refresh, seconds to wait before asking again], or null when the result is complete.
 */
export function getAsyncRefreshInfo(this: MastodonClient, result: unknown): [AsyncRefresh, number] | null {
  const hint = asyncRefreshHintOf(result);
  if (!hint) return null;
  return [{ id: hint.id, status: "running", result_count: hint.result_count }, hint.retry];
}

function isIdLike(value: unknown): value is IdLike {
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint") return true;
  return value !== null && typeof value === "object" && "id" in value && (typeof value.id === "string" || typeof value.id === "number");
}

/** The state of an async refresh, given its id, the AsyncRefresh, or a result that announced one. */
export async function getAsyncRefreshStatus(this: MastodonClient, result_or_id: IdLike | AsyncRefresh | object): Promise<AsyncRefresh> {
  const hint = asyncRefreshHintOf(result_or_id);
  let id: string;
  if (hint) id = hint.id;
  else if (isIdLike(result_or_id)) id = idOf(result_or_id, "result_or_id");
  else throw new MastodonIllegalArgumentError("result_or_id must be an async refresh id, an AsyncRefresh, or a result that announced one");
  const answer = await this.request<{ async_refresh: AsyncRefresh }>({
    method: "GET", path: path`/api/v1_alpha/async_refreshes/${id}`, version: ["4.4.0", "4.4.0"],
  });
  return answer.async_refresh;
}

export interface AwaitAsyncRefreshOptions {
  /** Give up after this many seconds; 0 (the default) waits as long as it takes. */
  timeout?: number | null;
  /** Give up after asking this many times; -1 (the default) asks as often as it takes. */
  max_attempts?: number | null;
}

/**
 * Waits until the async refresh a result announced has finished, asking every `retry` seconds
 * (as the server said, at least one), then repeats the request and resolves to its fresh result.
 * A result that announced no refresh is returned as it is; when `timeout` or `max_attempts` runs
 * out first, resolves to null. Waiting uses the client's clock, never a busy loop.
 */
export async function awaitAsyncRefresh<T>(this: MastodonClient, result: T, options: AwaitAsyncRefreshOptions = {}): Promise<T | null> {
  const timeout = options.timeout ?? 0;
  const maxAttempts = options.max_attempts ?? -1;
  if (!(Number.isFinite(timeout) && timeout >= 0)) throw new MastodonIllegalArgumentError(`timeout must be a number of seconds >= 0, got ${String(timeout)}`);
  if (!(Number.isInteger(maxAttempts) && maxAttempts >= -1)) throw new MastodonIllegalArgumentError(`max_attempts must be a whole number >= -1, got ${String(maxAttempts)}`);
  const hint = asyncRefreshHintOf(result);
  if (!hint) return result;
  const deadline = timeout > 0 ? this.clock.now() + timeout * 1000 : Number.POSITIVE_INFINITY;
  const interval = Math.max(hint.retry, 1) * 1000;
  for (let attempt = 0; maxAttempts < 0 || attempt < maxAttempts; attempt++) {
    const left = deadline - this.clock.now();
    if (left <= 0) break;
    await new Promise<void>((resolve) => this.clock.setTimeout(resolve, Math.min(interval, left)));
    const refresh = await getAsyncRefreshStatus.call(this, hint.id);
    if (refresh.status === "finished") return this.request<T>(hint.request);
  }
  return null;
}
