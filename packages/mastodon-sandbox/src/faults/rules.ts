// Fault injection: rules that make the sandbox misbehave on purpose, so clients can be tested
// against slow, failing, throttling and flaky servers. Rules are plain data; the mechanism
// that applies them lives in server/app.ts (HTTP) and streaming/ (stream cuts).

export type FaultKind =
  /** Wait `ms` before answering (combines with any other fault). */
  | "latency"
  /** Answer with `status` (default 503) instead of running the route. */
  | "error"
  /** Answer 429 with X-RateLimit-* headers, as if the quota were used up. */
  | "rate-limit"
  /** Destroy the socket without answering. */
  | "drop"
  /** Answer normally but cut the body in half and destroy the socket. */
  | "truncate";

export interface FaultRule {
  kind: FaultKind;
  /** Path prefix ("/api/v1/statuses") or a regular expression; all paths when absent. */
  path?: string | RegExp;
  method?: string;
  ms?: number;
  status?: number;
  /** Body of an "error" answer; defaults to Mastodon's JSON error or a gateway HTML page. */
  body?: string;
  /** 0..1, default 1. */
  probability?: number;
  /** Apply to this many matching requests, then retire. Unlimited when absent. */
  times?: number;
}

export interface FaultDecision {
  latencyMs: number;
  action: FaultRule | undefined;
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

export class FaultController {
  private rules: ActiveRule[] = [];

  constructor(
    initial: FaultRule[] = [],
    private readonly random: () => number = Math.random,
  ) {
    for (const rule of initial) this.add(rule);
  }

  add(rule: FaultRule): void {
    this.rules.push({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map(({ rule, remaining }) =>
      Number.isFinite(remaining) ? { ...rule, times: remaining } : { ...rule },
    );
  }

  /** Decides what happens to one request; consumes `times` of the rules that fire. */
  decide(method: string, path: string): FaultDecision {
    let latencyMs = 0;
    let action: FaultRule | undefined;
    for (const active of this.rules) {
      const { rule } = active;
      if (active.remaining <= 0 || !matches(rule, method, path)) continue;
      if (rule.kind !== "latency" && action) continue;
      if (this.random() >= (rule.probability ?? 1)) continue;
      active.remaining -= 1;
      if (rule.kind === "latency") latencyMs += rule.ms ?? 0;
      else action = rule;
    }
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return { latencyMs, action };
  }
}

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.path === undefined) return true;
  return typeof rule.path === "string" ? path.startsWith(rule.path) : rule.path.test(path);
}

const KINDS: readonly FaultKind[] = ["latency", "error", "rate-limit", "drop", "truncate"];

/** Validates a rule received as JSON by the control API: `path` is a prefix, `pathPattern` a regex. */
export function faultRuleFromJson(value: unknown): FaultRule | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const record = new Map(Object.entries(value));
  const kind = KINDS.find((k) => k === record.get("kind"));
  if (!kind) return undefined;
  const rule: FaultRule = { kind };
  const path = record.get("path");
  if (typeof path === "string") rule.path = path;
  const pattern = record.get("pathPattern");
  if (typeof pattern === "string") {
    try {
      rule.path = new RegExp(pattern);
    } catch {
      return undefined;
    }
  }
  const method = record.get("method");
  if (typeof method === "string") rule.method = method;
  const body = record.get("body");
  if (typeof body === "string") rule.body = body;
  for (const key of ["ms", "status", "probability", "times"] as const) {
    const number = record.get(key);
    if (typeof number === "number" && Number.isFinite(number)) rule[key] = number;
  }
  return rule;
}
