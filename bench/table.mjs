/**
 * Turns the results (latest.json) into the one markdown table, the targets and what could not run.
 * Ratios are to raw fetch: for times "× raw" is the contender's time over raw's (lower is
 * better); for stream rates it is the contender's rate over raw's (higher is better). Each is the
 * median of the per-repetition ratios, every repetition against raw's in the same round: this
 * machine's speed drifts by tens of percent over minutes, and a round is short enough to share it.
 */
import { BUDGETS } from "./budgets.mjs";

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** Interquartile range over the median, in %: how much repetitions disagree, one outlier aside. */
const quantile = (sorted, q) => {
  const at = (sorted.length - 1) * q, lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo);
};
const spread = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length > 1 ? ((quantile(s, 0.75) - quantile(s, 0.25)) / median(s)) * 100 : 0;
};
const int = (n) => Math.round(n).toLocaleString("en-US");
const fixed = (n, d) => n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const ratio = (r) => `${fixed(r, 2)}×`;
const kB = (bytes) => `${fixed(bytes / 1000, 1)} kB`;

/** Targets on mastodon-ts (the issue's numbers). */
export const TARGETS = {
  sequential: 1.0, concurrent: 1.0, walk: 1.0, retainedMB: 4, streamRate: 0.9, coldOverEmptyMs: 20, leanGzip: 4000, wholeGzip: 25_000,
};

/**
 * The median over repetitions of `series[i] / floor[i]` (or its inverse): both series come from
 * the same rounds, one value per round (run.mjs keeps them aligned). NaN when one is missing.
 */
export function pairedRatio(series, floor, inverse = false) {
  if (!Array.isArray(series) || !Array.isArray(floor)) return NaN;
  const n = Math.min(series.length, floor.length);
  if (n === 0) return NaN;
  return median(Array.from({ length: n }, (_, i) => (inverse ? floor[i] / series[i] : series[i] / floor[i])));
}

/** The median of a per-repetition series, or why there is none. */
function summary(series) {
  if (!series) return { missing: "not measured" };
  if (series.unsupported) return { missing: series.unsupported };
  if (series.error) return { missing: series.error };
  if (!series.length) return { missing: "no repetition finished" };
  return { value: median(series), spread: spread(series) };
}

export function render(data) {
  const { contenders, results: r, machine, server, config } = data;
  const raw = "raw";
  const lines = [];
  const notRun = [];
  const note = (who, what, why) => notRun.push(`${who}, ${what}: ${why}`);

  /** A row of per-contender cells; `cell(name)` returns text, or { missing } for a contender that could not run. */
  const row = (label, cell, what = label) => {
    const cells = contenders.map((c) => {
      const out = cell(c.name);
      if (out && typeof out === "object") {
        if (out.missing !== undefined) note(c.label, what, out.missing);
        return out.missing !== undefined ? "not run" : "—";
      }
      return out ?? "—";
    });
    lines.push(`| ${label} | ${cells.join(" | ")} |`);
  };

  /** Cells for a time-like series (value per repetition): its median, and the paired ratio to raw. */
  const timeRow = (label, key, format, higherIsBetter, what) => {
    row(label, (name) => {
      const s = summary(r[key]?.[name]);
      if (s.missing) return s;
      return `${format(s.value)} (${ratio(pairedRatio(r[key][name], r[key]?.[raw], higherIsBetter))})`;
    }, what);
  };
  const rateRow = (label, key, what) => {
    row(label, (name) => {
      const s = summary(r[key]?.[name]);
      if (s.missing) return s;
      return `${int(s.value)} (${ratio(pairedRatio(r[key][name], r[key]?.[raw]))})`;
    }, what);
  };
  const walkField = (name, field) => (Array.isArray(r.walk?.[name]) ? r.walk[name].map((w) => w[field]) : r.walk?.[name]);

  lines.push(`| ${config.quick ? "(quick smoke run) " : ""}| ${contenders.map((c) => `${c.label} ${c.version}`).join(" | ")} |`);
  lines.push(`|---|${contenders.map(() => "--:").join("|")}|`);
  timeRow(`Sequential: one page of 40 statuses, µs per call (× raw time)`, "sequential", (v) => int(v * 1000), false, "sequential calls");
  timeRow(`${config.inflight} calls in flight: calls/s (× raw time per call)`, "concurrent", int, true, "calls in flight");
  row(`Walk ${int(server.total)} statuses with the library's pagination: ms (× raw time)`, (name) => {
    const s = summary(walkField(name, "ms"));
    return s.missing ? s : `${int(s.value)} (${ratio(pairedRatio(walkField(name, "ms"), walkField(raw, "ms")))})`;
  }, "walk");
  row("Walk: peak RSS of the process, MB", (name) => { const s = summary(walkField(name, "peakRssMB")); return s.missing ? s : fixed(s.value, 1); }, "walk");
  row("Walk: most live heap held (after GC), MB", (name) => { const s = summary(walkField(name, "retainedMB")); return s.missing ? s : fixed(s.value, 2); }, "walk");
  rateRow(`SSE stream, ${int(config.streamEvents)} updates: events/s (× raw rate)`, "sse", "SSE stream");
  rateRow(`WebSocket stream, ${int(config.streamEvents)} updates: events/s (× raw rate)`, "websocket", "WebSocket stream");
  row(`Cold start: import + make a client, ms over empty Node (${fixed(r.cold?.emptyMs ?? NaN, 1)} ms)`, (name) => {
    const c = r.cold?.byName?.[name];
    return !c ? { missing: "not measured" } : c.error ? { missing: c.error } : `${c.overEmptyMs >= 0 ? "+" : ""}${fixed(c.overEmptyMs, 1)}`;
  }, "cold start");
  const bundleRow = (label, entry) => row(label, (name) => {
    const b = r.bundles?.[name]?.[entry];
    return !b ? undefined : b.error ? { missing: `could not bundle: ${b.error}` } : `${int(b.gzip)} B`;
  }, `bundle "${entry}"`);
  bundleRow("Browser bundle, client + home timeline: gzip bytes", "client + home timeline");
  bundleRow("Same, lean path (mastodon-ts/core + /api/timelines)", "lean: core + timelines");
  bundleRow("Lean path with a RateLimiter (wait / pace)", "lean + RateLimiter");
  bundleRow("Browser bundle, the whole client: gzip bytes", "whole client");
  row("Install: packages in node_modules (itself included)", (name) => { const i = r.install?.[name]; return !i ? { missing: "skipped (BENCH_SKIP_INSTALL)" } : i.error ? { missing: i.error } : int(i.packages); }, "install footprint");
  row("Install: size on disk", (name) => { const i = r.install?.[name]; return !i ? { missing: "skipped (BENCH_SKIP_INSTALL)" } : i.error ? { missing: i.error } : i.bytes ? kB(i.bytes) : "0"; }, "install footprint");
  row("created_at as the caller gets it", (name) => r.dates?.[name] ?? undefined);

  const floorNoise = ["sequential", "concurrent", "sse", "websocket"].map((k) => [k, summary(r[k]?.[raw])]).concat([["walk", summary(walkField(raw, "ms"))]]);
  const header = [
    `## mastodon-ts benchmark${config.quick ? " (quick smoke run: BENCH_QUICK=1, too few repetitions to trust)" : ""}`,
    "",
    `- Machine: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, ${machine.platform}, ${machine.date}; load average ${machine.load} at the start; mastodon-ts ${machine.revision}.`,
    `- Server (fixture-server.mjs, a separate process on 127.0.0.1): ${server.source}; pages of 40 average ${kB(server.avgPageBytes)}; ${int(server.total)} statuses; ${int(config.streamEvents)} events a stream. ` +
      (data.ceiling?.error ? `Its ceiling could not be measured: ${data.ceiling.error}.` : `Its ceiling (a client that reads every byte and parses nothing): ${int(data.ceiling.restCallsPerSec)} calls/s with ${config.inflight} in flight, ${int(data.ceiling.sseEventsPerSec)} SSE and ${int(data.ceiling.wsEventsPerSec)} WebSocket events/s.`),
    `- Repetitions, interleaved round-robin over the contenders after a warm-up: ${config.reps} × ${config.seqCalls} sequential calls, ${config.concReps} × ${config.concCalls} calls ${config.inflight} in flight, ${config.walkReps} walks (each in a fresh process), ${config.streamReps} streams per transport, ${config.coldRounds} cold starts; medians shown. Each ratio is the median of the per-round ratios to raw (a round shares the machine's drift).`,
    `- Noise, the raw floor's spread across repetitions (interquartile range / median): ${floorNoise.map(([k, s]) => `${k} ${s.missing ? "n/a" : `${fixed(s.spread, 1)} %`}`).join(", ")}.`,
    "",
  ];

  const t = TARGETS;
  const checks = [];
  const check = (target, measured, ok) => checks.push(`| ${target} | ${measured} | ${ok === null ? "not measured" : ok ? "met" : "**not met**"} |`);
  const rel = (a, b, inverse) => {
    const value = pairedRatio(a, b, inverse);
    return Number.isFinite(value) ? value : null;
  };
  const seq = rel(r.sequential?.["mastodon-ts"], r.sequential?.[raw]);
  check(`Sequential ≤ ${ratio(t.sequential)} raw fetch, dates parsed`, seq === null ? "—" : `${ratio(seq)}, created_at ${r.dates?.["mastodon-ts"] ?? "?"}`, seq === null ? null : seq <= t.sequential && r.dates?.["mastodon-ts"] === "Date");
  const conc = rel(r.concurrent?.["mastodon-ts"], r.concurrent?.[raw], true);
  check(`${config.inflight} in flight ≤ ${ratio(t.concurrent)} raw fetch (time per call)`, conc === null ? "—" : ratio(conc), conc === null ? null : conc <= t.concurrent);
  const walk = rel(walkField("mastodon-ts", "ms"), walkField(raw, "ms"));
  check(`Walk ${int(server.total)} statuses ≤ ${ratio(t.walk)} raw fetch`, walk === null ? "—" : ratio(walk), walk === null ? null : walk <= t.walk);
  const held = summary(walkField("mastodon-ts", "retainedMB"));
  check(`Memory flat with paginationIterator (live heap ≤ ${t.retainedMB} MB; all statuses kept would be ≈ 24 MB)`, held.missing ? "—" : `${fixed(held.value, 2)} MB`, held.missing ? null : held.value <= t.retainedMB);
  for (const transport of ["sse", "websocket"]) {
    const rate = rel(r[transport]?.["mastodon-ts"], r[transport]?.[raw]);
    check(`${transport === "sse" ? "SSE" : "WebSocket"} stream ≥ ${ratio(t.streamRate)} the raw rate`, rate === null ? "—" : ratio(rate), rate === null ? null : rate >= t.streamRate);
  }
  const cold = r.cold?.byName?.["mastodon-ts"];
  check(`Cold start ≤ empty Node + ${t.coldOverEmptyMs} ms`, cold?.overEmptyMs === undefined ? "—" : `+${fixed(cold.overEmptyMs, 1)} ms`, cold?.overEmptyMs === undefined ? null : cold.overEmptyMs <= t.coldOverEmptyMs);
  const lean = r.bundles?.["mastodon-ts"]?.["lean: core + timelines"];
  check(`Bundle, client + home timeline (lean path) ≤ ${int(t.leanGzip)} B gzip`, lean?.gzip ? `${int(lean.gzip)} B` : "—", lean?.gzip ? lean.gzip <= t.leanGzip : null);
  const whole = r.bundles?.["mastodon-ts"]?.["whole client"];
  check(`Bundle, whole client ≤ ${int(t.wholeGzip)} B gzip`, whole?.gzip ? `${int(whole.gzip)} B` : "—", whole?.gzip ? whole.gzip <= t.wholeGzip : null);
  const [leanBudget, wholeBudget] = BUDGETS;
  check("A size budget check that fails CI when exceeded", `bench/size-budget.mjs, in \`npm test\`: lean path ≤ ${int(leanBudget.limit)} B; whole client ≤ ${int(wholeBudget.limit)} B (the size reached) until ${int(wholeBudget.target)} is met`, true);

  const table = [...header, ...lines, "", "### Targets (mastodon-ts)", "", "| target | measured | |", "|---|---|---|", ...checks, ""];
  table.push("### Not run, and notes", "");
  if (notRun.length) for (const n of [...new Set(notRun)]) table.push(`- ${n}`);
  else table.push("- nothing: every measurement ran");
  for (const n of data.notes ?? []) table.push(`- ${n}`);
  return `${table.join("\n")}\n`;
}
