/**
 * Credential files in Mastodon.py's line formats, so either library reads the other's files.
 *   app file:   client_id, client_secret, api_base_url, client_name
 *   token file: access_token, api_base_url, client_id, client_secret
 * Older files (Mastodon.py 1.x) have only the first lines; the missing ones read as undefined.
 * Files are written with mode 0600: they hold secrets.
 */
import { MastodonFileNotFoundError, MastodonIOError } from "./errors.js";
import { requireFs } from "../platform/builtins.js";

export interface AppFile {
  client_id: string;
  client_secret?: string;
  api_base_url?: string;
  client_name?: string;
}

export interface TokenFile {
  access_token: string;
  api_base_url?: string;
  client_id?: string;
  client_secret?: string;
}

function readLines(path: string): string[] {
  const fs = requireFs("Reading credentials from a file");
  let text: string;
  try {
    text = fs.readFileSync(path, "utf8");
  } catch (cause) {
    throw new MastodonFileNotFoundError(`Could not read credential file ${path}`, { cause });
  }
  return text.split(/\r?\n/).map((line) => line.trim());
}

function line(lines: string[], index: number): string | undefined {
  const value = lines[index];
  return value ? value : undefined;
}

export function readAppFile(path: string): AppFile {
  const lines = readLines(path);
  const client_id = line(lines, 0);
  if (!client_id) throw new MastodonIOError(`Credential file ${path} has no client_id on its first line`);
  return { client_id, client_secret: line(lines, 1), api_base_url: line(lines, 2), client_name: line(lines, 3) };
}

export function readTokenFile(path: string): TokenFile {
  const lines = readLines(path);
  const access_token = line(lines, 0);
  if (!access_token) throw new MastodonIOError(`Credential file ${path} has no access token on its first line`);
  return { access_token, api_base_url: line(lines, 1), client_id: line(lines, 2), client_secret: line(lines, 3) };
}

/**
 * Fails, before anything is asked of the server, when a credential file could not be written: no
 * file system (browsers), a missing or read-only directory, a directory in the file's place.
 * Afterwards it would be too late: the server would have issued secrets the caller never gets.
 * The probe is the write's own first step: the file is opened for appending (which changes nothing
 * in it), and removed again if the probe created it (through a symbolic link, if the path is one).
 */
export function checkCredentialFileWritable(path: string): void {
  const fs = requireFs("Writing credentials to a file");
  try {
    const existed = fs.existsSync(path);
    fs.closeSync(fs.openSync(path, "a"));
    if (!existed) fs.unlinkSync(fs.realpathSync(path));
  } catch (cause) {
    throw new MastodonIOError(`Cannot write credential file ${path} (${(cause as Error).message}); nothing was sent to the server`, { cause });
  }
}

function writeLines(path: string, lines: Array<string | undefined>): void {
  const fs = requireFs("Writing credentials to a file");
  try {
    fs.writeFileSync(path, lines.map((value) => `${value ?? ""}\n`).join(""), { mode: 0o600, encoding: "utf8" });
    fs.chmodSync(path, 0o600); // writeFileSync's mode only applies when it creates the file
  } catch (cause) {
    throw new MastodonIOError(`Could not write credential file ${path}`, { cause });
  }
}

export function writeAppFile(path: string, app: Required<Pick<AppFile, "client_id" | "client_secret" | "api_base_url">> & AppFile): void {
  writeLines(path, [app.client_id, app.client_secret, app.api_base_url, app.client_name]);
}

export function writeTokenFile(path: string, token: TokenFile): void {
  writeLines(path, [token.access_token, token.api_base_url, token.client_id, token.client_secret]);
}
