// Plain text -> the HTML Mastodon renders for statuses and profile notes (Mastodon's
// TextFormatter): HTML-escaped text, links shortened with invisible/ellipsis spans, h-card
// mentions of known local accounts, hashtag links, and simple_format paragraphs.
import { escapeHtml } from "../server/response.js";

export interface FormatResult {
  html: string;
  /** usernames of local accounts that were mentioned, in order of appearance */
  mentions: string[];
  /** hashtag names as written */
  tags: string[];
}

export interface FormatEnvironment {
  baseUrl: string;
  /** The local domain, so that @user@domain of this server is a local mention. */
  localDomain: string;
  /** Returns the canonical username when the account exists locally. */
  findAccount: (username: string) => string | undefined;
}

const URL_RE = /https?:\/\/[^\s<>"]+/giu;
const MENTION_RE = /(?<![=/\p{L}\p{N}_])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)(?:@([\p{L}\p{N}_]+(?:[.-]+[\p{L}\p{N}_]+)*))?/giu;
const HASHTAG_RE = /(?<![=/)\p{L}\p{N}_])#([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu;
const TRAILING_PUNCTUATION = /[.,;:!?'")\]]+$/u;

interface Entity {
  start: number;
  end: number;
  html: string;
}

export function formatText(text: string, env: FormatEnvironment): FormatResult {
  const normalized = text.replace(/\r\n?/g, "\n");
  const entities: Entity[] = [];
  const mentions: string[] = [];
  const tags: string[] = [];
  const taken = (start: number, end: number) => entities.some((e) => start < e.end && end > e.start);

  for (const match of normalized.matchAll(URL_RE)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, "");
    const start = match.index;
    entities.push({ start, end: start + url.length, html: linkHtml(url) });
  }
  for (const match of normalized.matchAll(MENTION_RE)) {
    const start = match.index;
    const end = start + match[0].length;
    const domain = match[2];
    if (taken(start, end) || (domain !== undefined && domain.toLowerCase() !== env.localDomain.toLowerCase())) continue;
    const username = env.findAccount(match[1] ?? "");
    if (username === undefined) continue;
    if (!mentions.includes(username)) mentions.push(username);
    const href = `${env.baseUrl}/@${encodeURIComponent(username)}`;
    entities.push({
      start,
      end,
      html: `<span class="h-card" translate="no"><a href="${escapeHtml(href)}" class="u-url mention">@<span>${escapeHtml(username)}</span></a></span>`,
    });
  }
  for (const match of normalized.matchAll(HASHTAG_RE)) {
    const start = match.index;
    const end = start + match[0].length;
    const name = match[1] ?? "";
    if (taken(start, end) || name.length > 100) continue;
    if (!tags.some((t) => t.toLowerCase() === name.toLowerCase())) tags.push(name);
    const href = `${env.baseUrl}/tags/${encodeURIComponent(name)}`;
    entities.push({
      start,
      end,
      html: `<a href="${escapeHtml(href)}" class="mention hashtag" rel="tag">#<span>${escapeHtml(name)}</span></a>`,
    });
  }

  entities.sort((a, b) => a.start - b.start);
  let html = "";
  let position = 0;
  for (const entity of entities) {
    html += escapeHtml(normalized.slice(position, entity.start)) + entity.html;
    position = entity.end;
  }
  html += escapeHtml(normalized.slice(position));
  return { html: simpleFormat(html), mentions, tags };
}

/** Rails' simple_format: blank lines split paragraphs, single newlines become <br />. */
function simpleFormat(html: string): string {
  const paragraphs = html.split(/\n\n+/).filter((p) => p.trim() !== "");
  if (paragraphs.length === 0) return "";
  return paragraphs.map((p) => `<p>${p.replace(/\n/g, "<br />")}</p>`).join("");
}

/** Mastodon shows the URL without its scheme and cuts it after 30 characters. */
function linkHtml(url: string): string {
  const prefix = /^https?:\/\/(www\.)?/i.exec(url)?.[0] ?? "";
  const rest = url.slice(prefix.length);
  const display = rest.slice(0, 30);
  const suffix = rest.slice(30);
  const cutoff = rest.length > 30;
  return (
    `<a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener" translate="no">` +
    `<span class="invisible">${escapeHtml(prefix)}</span>` +
    `<span class="${cutoff ? "ellipsis" : ""}">${escapeHtml(display)}</span>` +
    `<span class="invisible">${escapeHtml(suffix)}</span></a>`
  );
}
