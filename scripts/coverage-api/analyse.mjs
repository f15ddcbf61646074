// Finds the endpoints one source file reaches, from its tokens (see tokens.mjs):
//  1. request specs: object literals with `method` and `path`; the path expression is followed to
//     its literals through local variables, helper functions of the file and callers' arguments;
//  2. URLs built on a base: `${base}/oauth/authorize` (GET, and WS in a file that uses WebSocket);
//  3. streaming subscriptions: objects with `stream: "public:local"` → GET /api/v1/streaming/public/local.
// A `path`-tagged template value is one parameter segment ("{}"); a plain template value may span
// several segments ("{*}").

const VERBS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]);
const ONE = "\u0001";
const MANY = "\u0002";
const MAX_DEPTH = 6;
const isPathLike = (text) => /^\/[A-Za-z._]/.test(text);
const is = (token, value) => token?.t === "p" && token.v === value;

function matching(tokens, open) {
  const pairs = { "(": ")", "[": "]", "{": "}" };
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (is(tokens[i], tokens[open].v)) depth++;
    else if (is(tokens[i], pairs[tokens[open].v]) && --depth === 0) return i;
  }
  return tokens.length - 1;
}

/** Tokens from `start` up to the first of `stops` outside brackets. */
function until(tokens, start, stops) {
  let depth = 0;
  let i = start;
  for (; i < tokens.length; i++) {
    const v = tokens[i].t === "p" ? tokens[i].v : null;
    if (depth === 0 && stops.includes(v)) break;
    if (["(", "[", "{"].includes(v)) depth++;
    if ([")", "]", "}"].includes(v)) depth--;
    if (depth < 0) break;
  }
  return tokens.slice(start, i);
}

/** Comma-separated parts of the bracket group opening at `open`. */
function parts(tokens, open) {
  const out = [];
  for (let i = open + 1, close = matching(tokens, open); i < close;) {
    const part = until(tokens, i, [","]);
    out.push(part);
    i += part.length + 1;
  }
  return out;
}

function findFunctions(tokens) {
  const functions = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!(tokens[i].t === "id" && tokens[i].v === "function" && tokens[i + 1]?.t === "id" && is(tokens[i + 2], "("))) continue;
    const params = parts(tokens, i + 2).map((p) => (p[0]?.t === "id" ? p[0].v : is(p[0], "...") ? p[1]?.v : null)).filter((name) => name !== "this");
    let k = matching(tokens, i + 2) + 1;
    if (is(tokens[k], ":")) {
      // Skip the return type; a "{" right after ":", "|", "<", ",", ... is a type literal, not the body.
      let depth = 0;
      for (k++; k < tokens.length; k++) {
        const previous = tokens[k - 1];
        const typeContext = previous.t === "p" && [":", "|", "&", "<", ",", "(", "[", "=>"].includes(previous.v);
        if (depth === 0 && is(tokens[k], "{") && !typeContext) break;
        if (["(", "[", "{", "<"].some((v) => is(tokens[k], v))) depth++;
        if ([")", "]", "}", ">"].some((v) => is(tokens[k], v))) depth--;
      }
    }
    if (is(tokens[k], "{")) functions.push({ name: tokens[i + 1].v, params, start: k, end: matching(tokens, k) });
  }
  return functions;
}

/** Object literals that have all of `keys`: { index, values: { key: tokens } }. */
function findObjects(tokens, keys) {
  const found = [];
  const stack = [];
  tokens.forEach((token, i) => {
    if (token.t === "p" && ["(", "[", "{"].includes(token.v)) stack.push({ kind: token.v, index: i, values: {} });
    else if (token.t === "p" && [")", "]", "}"].includes(token.v)) {
      const object = stack.pop();
      if (object?.kind === "{" && keys.every((key) => object.values[key])) found.push(object);
    } else if (token.t === "id" && keys.includes(token.v) && stack.at(-1)?.kind === "{" && (is(tokens[i - 1], "{") || is(tokens[i - 1], ","))) {
      if (is(tokens[i + 1], ":")) stack.at(-1).values[token.v] = until(tokens, i + 2, [",", "}", ";"]);
      else if (is(tokens[i + 1], ",") || is(tokens[i + 1], "}")) stack.at(-1).values[token.v] = [token]; // shorthand
    }
  });
  return found;
}

function* allTokens(tokens) {
  for (const token of tokens) {
    yield token;
    if (token.t === "tpl") for (const expr of token.exprs) yield* allTokens(expr);
  }
}

export function analyseFile(tokens) {
  const evidence = new Set();
  for (const token of allTokens(tokens)) {
    if (token.t === "str") evidence.add(token.v.split(/[/?]/)[0]);
    if (token.t === "tpl") evidence.add(token.quasis[0].split(/[/?]/)[0]);
  }
  const usesWebSocket = [...allTokens(tokens)].some((t) => t.t === "id" && t.v === "WebSocket");
  return { tokens, functions: findFunctions(tokens), evidence, usesWebSocket };
}

const enclosing = (analysis, index) =>
  analysis.functions.filter((f) => f.start <= index && index <= f.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0] ?? null;

/** Where `name` gets its value in the function (or the file): declarations, for-of, assignments. */
function valueSources(analysis, fn, name) {
  const { tokens } = analysis;
  const [from, to] = fn ? [fn.start, fn.end] : [0, tokens.length - 1];
  const sources = [];
  for (let i = from; i <= to; i++) {
    if (!(tokens[i].t === "id" && tokens[i].v === name) || is(tokens[i - 1], ".")) continue;
    if (is(tokens[i + 1], "=")) sources.push(until(tokens, i + 2, [";", ","]));
    else if (tokens[i + 1]?.t === "id" && tokens[i + 1].v === "of" && ["const", "let"].includes(tokens[i - 1]?.v)) sources.push(until(tokens, i + 2, [")"]));
  }
  return sources;
}

/** The argument given for parameter `index` of `fn` at each of its call sites in the file. */
function callArguments(analysis, fn, index) {
  const { tokens } = analysis;
  const out = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!(tokens[i].t === "id" && tokens[i].v === fn.name) || tokens[i - 1]?.v === "function" || is(tokens[i - 1], ".")) continue;
    let open = i + 1;
    let shift = 0;
    if (is(tokens[i + 1], ".") && tokens[i + 2]?.v === "call") [open, shift] = [i + 3, 1];
    if (!is(tokens[open], "(")) continue;
    const args = parts(tokens, open);
    if (args[index + shift]) out.push({ tokens: args[index + shift], fn: enclosing(analysis, i) });
  }
  return out;
}

function returnExpressions(analysis, fn) {
  const out = [];
  for (let i = fn.start; i < fn.end; i++) {
    if (analysis.tokens[i].t === "id" && analysis.tokens[i].v === "return") out.push(until(analysis.tokens, i + 1, [";"]));
  }
  return out;
}

function identifierPaths(analysis, fn, name, depth) {
  const sources = valueSources(analysis, fn, name);
  if (sources.length === 0 && fn?.params.includes(name)) {
    return callArguments(analysis, fn, fn.params.indexOf(name)).flatMap((arg) => resolvePaths(analysis, arg.fn, arg.tokens, depth + 1));
  }
  if (sources.length === 0 && fn) return identifierPaths(analysis, null, name, depth + 1);
  return sources.flatMap((source) => resolvePaths(analysis, fn, source, depth + 1));
}

function templatePaths(analysis, fn, template, depth) {
  let prefixes = [""];
  template.quasis.forEach((quasi, k) => {
    prefixes = prefixes.map((p) => p + quasi);
    if (k >= template.exprs.length) return;
    if (prefixes.every((p) => p === "")) {
      // At the start: a path prefix (inline it), or a base URL (the origin: drop it).
      const inner = resolvePaths(analysis, fn, template.exprs[k], depth + 1);
      if (inner.length > 0) prefixes = inner;
      return;
    }
    prefixes = prefixes.map((p) => p + (template.tag === "path" ? ONE : MANY));
  });
  return prefixes.filter(isPathLike);
}

/** The path strings an expression can evaluate to. */
function resolvePaths(analysis, fn, expression, depth = 0) {
  if (depth > MAX_DEPTH) return [];
  const out = [];
  expression.forEach((token, i) => {
    const next = expression[i + 1];
    if (token.t === "str" && isPathLike(token.v)) out.push(token.v);
    else if (token.t === "tpl") out.push(...templatePaths(analysis, fn, token, depth));
    else if (token.t === "id" && !is(expression[i - 1], ".") && !is(expression[i - 1], "?.") && next?.t !== "tpl") {
      const callee = analysis.functions.find((f) => f.name === token.v);
      const isCall = is(next, "(") || (is(next, ".") && expression[i + 2]?.v === "call");
      if (callee && isCall) {
        // A local helper: its return values, unless the call's own arguments already name paths.
        const args = expression.slice(i + 1, i + 1 + until(expression, i + 1, [";"]).length);
        if (!args.some((t) => (t.t === "str" && isPathLike(t.v)) || t.t === "tpl")) {
          for (const returned of returnExpressions(analysis, callee)) out.push(...resolvePaths(analysis, callee, returned, depth + 1));
        }
      } else if (!isCall && !is(next, ".") && !is(next, "?.")) out.push(...identifierPaths(analysis, fn, token.v, depth));
    }
  });
  return out;
}

/** The strings an expression can evaluate to (for stream names). */
function resolveStrings(analysis, fn, expression, depth = 0) {
  if (depth > MAX_DEPTH) return [];
  return expression.flatMap((token, i) => {
    if (token.t === "str") return [token.v];
    if (token.t === "tpl") {
      let values = [""];
      token.quasis.forEach((quasi, k) => {
        values = values.map((v) => v + quasi);
        if (k < token.exprs.length) {
          const inner = resolveStrings(analysis, fn, token.exprs[k], depth + 1);
          values = values.flatMap((v) => (inner.length ? inner : [""]).map((x) => v + x));
        }
      });
      return values;
    }
    if (token.t === "id" && !is(expression[i - 1], ".") && !is(expression[i + 1], ".") && !is(expression[i + 1], "(")) {
      return valueSources(analysis, fn, token.v).flatMap((source) => resolveStrings(analysis, fn, source, depth + 1));
    }
    return [];
  });
}

function segments(path) {
  return path.replace(/[?#].*$/, "").replace(/\/+$/, "").split("/").filter(Boolean)
    .map((segment) => (segment.includes(MANY) ? "{*}" : segment.includes(ONE) ? "{}" : segment));
}

/** Every (verb, path) the file reaches: { verb, segments, where, evidence }. */
export function endpointsOfFile(analysis) {
  const out = [];
  const add = (verb, path, index) => out.push({ verb, segments: segments(path), where: enclosing(analysis, index)?.name ?? "", evidence: analysis.evidence });
  for (const spec of findObjects(analysis.tokens, ["method", "path"])) {
    const fn = enclosing(analysis, spec.index);
    const verbs = spec.values.method.filter((t) => t.t === "str" && VERBS.has(t.v)).map((t) => t.v);
    for (const path of new Set(resolvePaths(analysis, fn, spec.values.path))) for (const verb of verbs) add(verb, path, spec.index);
  }
  // URLs put into error details (new MastodonAPIError({ url: `${base}/...` })) are not requests.
  const inErrors = new Set();
  analysis.tokens.forEach((token, i) => {
    if (token.t === "id" && /Error(For)?$/.test(token.v) && is(analysis.tokens[i + 1], "(")) {
      for (let k = i + 1, end = matching(analysis.tokens, i + 1); k <= end; k++) inErrors.add(k);
    }
  });
  analysis.tokens.forEach((token, index) => {
    if (inErrors.has(index)) return;
    for (const template of allTokens([token])) {
      if (template.t !== "tpl" || template.quasis[0] !== "" || template.exprs.length === 0 || !isPathLike(template.quasis[1])) continue;
      const path = template.quasis.slice(1).join(MANY);
      add("GET", path, index);
      if (analysis.usesWebSocket) add("WS", path, index);
    }
  });
  for (const object of findObjects(analysis.tokens, ["stream"])) {
    for (const name of new Set(resolveStrings(analysis, enclosing(analysis, object.index), object.values.stream))) {
      if (/^[a-z:]+$/.test(name)) add("GET", `/api/v1/streaming/${name.replace(/:/g, "/")}`, object.index);
    }
  }
  return out;
}
