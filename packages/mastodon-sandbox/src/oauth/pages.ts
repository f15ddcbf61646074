// HTML for the OAuth screens: sign-in + consent, the out-of-band code, and errors.
// Plain forms, so a test can drive them with fetch() as easily as a person with a browser.
import { escapeHtml } from "../server/response.js";

const STRINGS = {
  en: { title: "Authorization required", signIn: "Sign in to authorize", username: "E-mail address or username", password: "Password", approve: "Authorize", deny: "Deny", wants: "would like permission to access your account", as: "Signed in as", code: "Copy this authorization code and paste it into the application.", error: "An error has occurred" },
  de: { title: "Autorisierung erforderlich", signIn: "Zum Autorisieren anmelden", username: "E-Mail-Adresse oder Profilname", password: "Passwort", approve: "Autorisieren", deny: "Ablehnen", wants: "möchte auf dein Konto zugreifen", as: "Angemeldet als", code: "Kopiere diesen Autorisierungscode und füge ihn in die Anwendung ein.", error: "Ein Fehler ist aufgetreten" },
  ja: { title: "承認が必要です", signIn: "ログインして承認", username: "メールアドレスまたはユーザー名", password: "パスワード", approve: "承認", deny: "拒否", wants: "があなたのアカウントへのアクセスを求めています", as: "ログイン中:", code: "この認証コードをコピーしてアプリに貼り付けてください。", error: "エラーが発生しました" },
} as const;

type Lang = keyof typeof STRINGS;

export function pageLang(lang: string | undefined): Lang {
  return lang === "de" || lang === "ja" ? lang : "en";
}

function layout(lang: Lang, title: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="${lang}">\n<head><meta charset="utf-8"><title>${escapeHtml(title)} - Mastodon Sandbox</title></head>\n<body>\n${body}\n</body>\n</html>\n`;
}

export interface AuthorizePageInput {
  lang: Lang;
  appName: string;
  scopes: string[];
  /** The OAuth parameters carried through the form as hidden fields. */
  hidden: Record<string, string>;
  signedInAs: string | null;
  error: string | null;
}

export function authorizePage(input: AuthorizePageInput): string {
  const t = STRINGS[input.lang];
  const hidden = Object.entries(input.hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
  const credentials = input.signedInAs
    ? `<p class="signed-in">${t.as} <strong>@${escapeHtml(input.signedInAs)}</strong></p>`
    : `<h2>${t.signIn}</h2>
<label>${t.username} <input type="text" name="username" autocomplete="username"></label>
<label>${t.password} <input type="password" name="password" autocomplete="current-password"></label>`;
  return layout(input.lang, t.title, `<h1>${t.title}</h1>
${input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : ""}
<p><strong class="app-name">${escapeHtml(input.appName)}</strong> ${t.wants}</p>
<ul class="scopes">${input.scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ul>
<form method="post" action="/oauth/authorize">
${hidden}
${credentials}
<button type="submit" name="decision" value="approve">${t.approve}</button>
<button type="submit" name="decision" value="deny">${t.deny}</button>
</form>`);
}

export function codePage(lang: Lang, code: string): string {
  const t = STRINGS[lang];
  return layout(lang, t.title, `<h1>${t.title}</h1>\n<p>${t.code}</p>\n<input class="oauth-code" readonly type="text" value="${escapeHtml(code)}">`);
}

export function errorPage(lang: Lang, error: string, description: string): string {
  const t = STRINGS[lang];
  return layout(lang, t.error, `<h1>${t.error}</h1>\n<p class="error" data-error="${escapeHtml(error)}">${escapeHtml(description)}</p>`);
}
