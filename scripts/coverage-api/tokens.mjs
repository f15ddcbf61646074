// A small TypeScript tokenizer, just enough for coverage-api.mjs: identifiers, punctuation,
// string literals, and template literals with their `${...}` parts tokenized recursively.
// Comments are dropped; regular expression literals are skipped as one token.
//   { t: "id", v }  { t: "p", v }  { t: "str", v }  { t: "num" }  { t: "re" }
//   { t: "tpl", quasis: string[], exprs: Token[][], tag: string | null }

const REGEX_AFTER_WORDS = new Set(["return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await"]);
const PUNCTUATION = ["===", "!==", "...", "=>", "&&", "||", "??", "?.", "==", "!=", "<=", ">=", "+=", "-=", "*=", "|=", "&=", "^="];

function regexAllowed(previous) {
  if (!previous) return true;
  if (previous.t === "id") return REGEX_AFTER_WORDS.has(previous.v);
  if (previous.t === "p") return ![")", "]", "}"].includes(previous.v);
  return false;
}

function readString(src, i, quote) {
  let value = "";
  for (i++; i < src.length && src[i] !== quote; i++) {
    if (src[i] === "\\") {
      i++;
      value += src[i] === "n" ? "\n" : src[i] === "0" ? "\0" : src[i];
    } else value += src[i];
  }
  return { value, end: i + 1 };
}

function readRegex(src, i) {
  let inClass = false;
  for (i++; i < src.length; i++) {
    if (src[i] === "\\") i++;
    else if (src[i] === "[") inClass = true;
    else if (src[i] === "]") inClass = false;
    else if (src[i] === "/" && !inClass) break;
  }
  for (i++; i < src.length && /[a-z]/i.test(src[i]); i++);
  return i;
}

function readTemplate(src, i, tag) {
  const quasis = [];
  const exprs = [];
  let text = "";
  for (i++; i < src.length && src[i] !== "`"; i++) {
    if (src[i] === "\\") {
      text += src[i + 1];
      i++;
    } else if (src[i] === "$" && src[i + 1] === "{") {
      quasis.push(text);
      text = "";
      const inner = scan(src, i + 2, true);
      exprs.push(inner.tokens);
      i = inner.end; // at the closing "}"
    } else text += src[i];
  }
  quasis.push(text);
  return { token: { t: "tpl", quasis, exprs, tag }, end: i + 1 };
}

/** Tokenizes from `i`; with `untilBrace`, stops at the "}" that closes a template's `${`. */
function scan(src, i, untilBrace) {
  const tokens = [];
  let depth = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) i++;
    else if (c === "/" && src[i + 1] === "/") i = src.indexOf("\n", i) < 0 ? src.length : src.indexOf("\n", i);
    else if (c === "/" && src[i + 1] === "*") i = src.indexOf("*/", i + 2) + 2;
    else if (c === '"' || c === "'") {
      const { value, end } = readString(src, i, c);
      tokens.push({ t: "str", v: value });
      i = end;
    } else if (c === "`") {
      const previous = tokens[tokens.length - 1];
      const { token, end } = readTemplate(src, i, previous?.t === "id" ? previous.v : null);
      tokens.push(token);
      i = end;
    } else if (/[A-Za-z_$]/.test(c)) {
      const word = /^[A-Za-z0-9_$]+/.exec(src.slice(i, i + 80))[0];
      tokens.push({ t: "id", v: word });
      i += word.length;
    } else if (/[0-9]/.test(c)) {
      i += /^[0-9a-fA-Fxn_.]+/.exec(src.slice(i, i + 80))[0].length;
      tokens.push({ t: "num" });
    } else if (c === "/" && regexAllowed(tokens[tokens.length - 1])) {
      i = readRegex(src, i);
      tokens.push({ t: "re" });
    } else {
      if (untilBrace && c === "}" && depth === 0) return { tokens, end: i };
      if (c === "{") depth++;
      if (c === "}") depth--;
      const long = PUNCTUATION.find((p) => src.startsWith(p, i));
      tokens.push({ t: "p", v: long ?? c });
      i += long ? long.length : 1;
    }
  }
  return { tokens, end: i };
}

export function tokenize(src) {
  return scan(src, 0, false).tokens;
}
