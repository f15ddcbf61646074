/**
 * How Mastodon counts a status against its character limit (app/validators/status_length_validator.rb):
 * every link counts as 23 characters, a mention counts only as its "@username" part (the domain of a
 * remote mention is free), blank text counts as nothing, and the spoiler text is added. The result
 * is counted in grapheme clusters, as the server's `grapheme_length` does ("👍🏽" is one character),
 * falling back to code points where Intl.Segmenter is missing.
 */

const URL_PLACEHOLDER = "x".repeat(23);

const WORD = String.raw`\p{L}\p{M}\p{N}\p{Pc}`;
const PATH_BAD_ENDING = /[\s()?!*"'「」<>;:=,.$%[\]~&|@]/u;
const QUERY_ENDING = /[a-z0-9_&=#/\-^]/i;
// twitter-text's end_mention_match: "@x@" or "@x://" is not a mention.
const NOT_A_MENTION_AFTER = /^(?:[@＠]|:\/\/)/u;

let patterns: { url: RegExp; mention: RegExp } | null = null;
/** Built on first use: their Unicode classes take most of a millisecond to compile, which every program would pay at start-up. */
function linkAndMentionPatterns(): { url: RegExp; mention: RegExp } {
  return (patterns ??= {
    // Link extraction follows twitter-text with Mastodon's patch (config/initializers/twitter_regex.rb):
    // a scheme is required, then a domain with a top-level domain, an optional port, path and query.
    url: new RegExp(
      String.raw`(?<![A-Za-z0-9@＠$#＃])(?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini):\/\/` +
      String.raw`(?:[\p{L}\p{N}](?:[\p{L}\p{N}_-]*[\p{L}\p{N}])?\.)+(?:\p{L}{2,}|xn--[a-z0-9-]+)` +
      String.raw`(?::\d{1,5})?(\/[^\s<>?]*)?(\?[a-z0-9!?*'();:&=+$/%#\[\]\-_.,~|@^]*)?`,
      "giu",
    ),
    // Account::MENTION_RE: not after "=", "/" or a word character; a local username, then maybe @domain.
    mention: new RegExp(String.raw`(?<![=/${WORD}])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@[${WORD}]+(?:[.-]+[${WORD}]+)*)?`, "giu"),
  });
}

interface Entity {
  start: number;
  end: number;
  replacement: string;
}

/** Trims what twitter-text would not take as the end of a link path or query. */
function linkLength(match: RegExpExecArray): number {
  const [whole, path = "", query = ""] = match;
  let keptQuery = query;
  while (keptQuery.length > 1 && !QUERY_ENDING.test(keptQuery.slice(-1))) keptQuery = keptQuery.slice(0, -1);
  if (keptQuery.length > 1) return whole.length - query.length + keptQuery.length;
  let keptPath = path;
  while (keptPath.length > 1) {
    const last = keptPath.slice(-1);
    const balanced = last === ")" && keptPath.split("(").length >= keptPath.split(")").length;
    if (balanced || !PATH_BAD_ENDING.test(last)) break;
    keptPath = keptPath.slice(0, -1);
  }
  return whole.length - query.length - path.length + keptPath.length;
}

function entities(text: string): Entity[] {
  const found: Entity[] = [];
  const { url, mention } = linkAndMentionPatterns();
  for (const match of text.matchAll(url)) {
    found.push({ start: match.index, end: match.index + linkLength(match), replacement: URL_PLACEHOLDER });
  }
  for (const match of text.matchAll(mention)) {
    const end = match.index + match[0].length;
    if (NOT_A_MENTION_AFTER.test(text.slice(end))) continue;
    found.push({ start: match.index, end, replacement: `@${match[1] ?? ""}` });
  }
  // Extractor.remove_overlapping_entities: by position, dropping any that overlaps an earlier one.
  found.sort((a, b) => a.start - b.start);
  const kept: Entity[] = [];
  for (const entity of found) {
    const previous = kept[kept.length - 1];
    if (!previous || entity.start >= previous.end) kept.push(entity);
  }
  return kept;
}

/** The text as the server counts it: links and remote mentions rewritten. */
export function countableText(text: string): string {
  if (text.trim() === "") return "";
  let out = "";
  let position = 0;
  for (const entity of entities(text)) {
    out += text.slice(position, entity.start) + entity.replacement;
    position = entity.end;
  }
  return out + text.slice(position);
}

export function graphemeLength(text: string): number {
  if (typeof Intl === "undefined" || typeof Intl.Segmenter !== "function") return [...text].length;
  let count = 0;
  for (const _ of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)) count++;
  return count;
}

/** The length Mastodon's character limit applies to. */
export function statusLength(text: string, spoilerText: string): number {
  return graphemeLength(spoilerText + countableText(text));
}
