// The test-only control API under /__sandbox/ (enabled with the controlApi option):
//   GET/POST/DELETE /__sandbox/faults      list, add ({...rule} or {"faults":[...]}), clear;
//                                           rules as in faults/rules.ts, a regex as "pathPattern"
//   POST /__sandbox/streams/disconnect      cut every streaming connection now
//   POST /__sandbox/streams/half-open       stop sending on every stream, keep sockets open
//   POST /__sandbox/rate-limits/reset       forget all rate-limit counters
import { badRequest } from "../server/errors.js";
import { json } from "../server/response.js";
import { Router } from "../server/router.js";
import type { FaultRule } from "./rules.js";
import { faultRuleFromJson } from "./rules.js";

function describe(rule: FaultRule) {
  if (!(rule.path instanceof RegExp)) return rule;
  const { path, ...rest } = rule;
  return { ...rest, pathPattern: path.source };
}

export function controlRouter(): Router {
  const r = new Router();
  r.get("/__sandbox/faults", {}, (c) => json({ faults: c.core.faults.list().map(describe) }));

  r.post("/__sandbox/faults", {}, async (c) => {
    let body: unknown;
    try {
      body = await c.request.clone().json();
    } catch {
      // Already consumed or not JSON: fall back to the parsed params.
      body = c.params.raw;
    }
    const items = typeof body === "object" && body !== null && "faults" in body && Array.isArray(body.faults) ? body.faults : [body];
    const rules = items.map(faultRuleFromJson);
    if (rules.some((rule) => rule === undefined)) throw badRequest("Invalid fault rule");
    for (const rule of rules) if (rule) c.core.faults.add(rule);
    return json({ faults: c.core.faults.list().map(describe) });
  });

  r.delete("/__sandbox/faults", {}, (c) => {
    c.core.faults.clear();
    return json({ faults: [] });
  });

  r.post("/__sandbox/streams/disconnect", {}, (c) => json({ disconnected: c.core.hub.killAll() }));
  r.post("/__sandbox/streams/half-open", {}, (c) => json({ frozen: c.core.hub.freezeAll() }));
  r.post("/__sandbox/rate-limits/reset", {}, (c) => {
    c.core.rateLimiter.reset();
    return json({});
  });
  return r;
}
