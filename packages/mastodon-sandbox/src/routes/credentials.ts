// The signed-in user's own account: registration, profile updates, avatar and header
// (docs: methods/accounts.md#create, #update_credentials, methods/profile.md).
import { renderCredentialAccount, renderProfile } from "../render/account.js";
import { LIMITS } from "../render/instance.js";
import { renderToken } from "../render/misc.js";
import type { Context } from "../server/context.js";
import { unprocessable, validationFailed } from "../server/errors.js";
import type { UploadedFile } from "../server/params.js";
import { json } from "../server/response.js";
import type { Router } from "../server/router.js";
import { createAccount, issueToken } from "../services/accounts.js";
import { mediaType, sniffContentType, storeFile } from "../services/media.js";
import type { AccountRecord } from "../state/types.js";
import { parseVisibility } from "./helpers.js";

export function credentialRoutes(r: Router): void {
  r.post("/api/v1/accounts", { access: "app", scopes: ["write:accounts"] }, (c) => register(c));

  r.patch("/api/v1/accounts/update_credentials", { access: "user", scopes: ["write:accounts"] }, (c) => {
    const account = c.user();
    updateCredentials(c, account);
    return json(renderCredentialAccount(c.core, account));
  });

  r.get("/api/v1/profile", { access: "user", scopes: ["read:accounts", "profile"] }, (c) => json(renderProfile(c.core, c.user())));
  r.patch("/api/v1/profile", { access: "user", scopes: ["write:accounts"] }, (c) => {
    const account = c.user();
    updateCredentials(c, account);
    return json(renderProfile(c.core, account));
  });

  for (const which of ["avatar", "header"] as const) {
    r.delete(`/api/v1/profile/${which}`, { access: "user", scopes: ["write:accounts"] }, (c) => {
      const account = c.user();
      const file = account[which];
      if (file) c.store.files.delete(file.path);
      account[which] = null;
      return json(renderCredentialAccount(c.core, account));
    });
  }
}

function register(c: Context): Response {
  const p = c.params;
  const username = p.str("username") ?? "";
  const email = p.str("email") ?? "";
  const password = p.str("password") ?? "";
  const errors: string[] = [];
  const details: Record<string, { error: string; description: string }[]> = {};
  const fail = (field: string, label: string, code: string, description: string) => {
    errors.push(`${label} ${description}`);
    (details[field] ??= []).push({ error: code, description });
  };
  if (username === "") fail("username", "Username", "ERR_BLANK", "can't be blank");
  else if (!/^[a-z0-9_]+$/i.test(username) || username.length > 30) fail("username", "Username", "ERR_INVALID", "must contain only letters, numbers and underscores");
  else if (c.store.accountByUsername(username)) fail("username", "Username", "ERR_TAKEN", "has already been taken");
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) fail("email", "E-mail address", "ERR_INVALID", "is invalid");
  else if (c.store.accountByLogin(email)) fail("email", "E-mail address", "ERR_TAKEN", "has already been taken");
  if (password === "") fail("password", "Password", "ERR_BLANK", "can't be blank");
  else if (password.length < 8) fail("password", "Password", "ERR_TOO_SHORT", "is too short (minimum is 8 characters)");
  if (p.bool("agreement") !== true) fail("agreement", "Service agreement", "ERR_ACCEPTED", "must be accepted");
  if (errors.length > 0) throw unprocessable(`Validation failed: ${errors.join(", ")}`, details);
  const account = createAccount(c.core, { username, email, password });
  const auth = c.auth;
  if (!auth) throw unprocessable("This method requires an app token");
  return json(renderToken(issueToken(c.core, auth.application.id, account.id, auth.token.scopes)));
}

function imageUpload(c: Context, account: AccountRecord, which: "avatar" | "header", file: UploadedFile): void {
  const contentType = sniffContentType(file);
  if (mediaType(contentType) !== "image" && contentType !== "image/gif") {
    const label = which === "avatar" ? "Avatar" : "Header";
    throw validationFailed(`${label} content type is invalid`, `${label} is invalid`);
  }
  if (file.data.length > 8 * 1024 * 1024) throw validationFailed(`${which === "avatar" ? "Avatar" : "Header"} must be less than 8 MB`);
  const previous = account[which];
  if (previous) c.store.files.delete(previous.path);
  account[which] = storeFile(c.core, `accounts/${which}s`, account.id, "original", contentType, file.data);
}

function updateCredentials(c: Context, account: AccountRecord): void {
  const p = c.params;
  const displayName = p.str("display_name");
  const note = p.str("note");
  if (displayName !== undefined && [...displayName].length > LIMITS.maxDisplayNameLength) {
    throw validationFailed(`Display name is too long (maximum is ${LIMITS.maxDisplayNameLength} characters)`);
  }
  if (note !== undefined && [...note].length > LIMITS.maxNoteLength) {
    throw validationFailed(`Note is too long (maximum is ${LIMITS.maxNoteLength} characters)`);
  }
  const fields = p.has("fields_attributes") ? p.objects("fields_attributes") : undefined;
  if (fields && fields.length > LIMITS.maxProfileFields) {
    const description = `is too long (maximum is ${LIMITS.maxProfileFields} characters)`;
    throw unprocessable(`Validation failed: Fields ${description}`, { fields: [{ error: "ERR_TOO_LONG", description }] });
  }
  const source = p.obj("source");
  const privacy = parseVisibility(source?.str("privacy"));
  const avatar = p.file("avatar");
  const header = p.file("header");
  if (avatar) imageUpload(c, account, "avatar", avatar);
  if (header) imageUpload(c, account, "header", header);

  if (displayName !== undefined) account.displayName = displayName;
  if (note !== undefined) account.note = note;
  if (fields) {
    account.fields = fields
      .map((f) => ({ name: f.str("name") ?? "", value: f.str("value") ?? "" }))
      .filter((f) => f.name !== "" || f.value !== "");
  }
  account.locked = p.bool("locked") ?? account.locked;
  account.bot = p.bool("bot") ?? account.bot;
  if (p.has("discoverable")) account.discoverable = p.bool("discoverable") ?? null;
  if (p.has("hide_collections")) account.hideCollections = p.bool("hide_collections") ?? null;
  account.indexable = p.bool("indexable") ?? account.indexable;
  account.avatarDescription = p.str("avatar_description") ?? account.avatarDescription;
  account.headerDescription = p.str("header_description") ?? account.headerDescription;
  if (privacy) account.source.privacy = privacy;
  account.source.sensitive = source?.bool("sensitive") ?? account.source.sensitive;
  if (source?.has("language")) account.source.language = source.str("language") || null;
  account.source.quotePolicy = source?.str("quote_policy") ?? account.source.quotePolicy;
}
