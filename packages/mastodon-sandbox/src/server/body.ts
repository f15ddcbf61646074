// Reading request parameters from the query string and the body: form-encoded, JSON or
// multipart, as Rails accepts them (docs: client/intro.md#parameters).
import { badRequest } from "./errors.js";
import { paramsFromEntries, paramsFromJson, UploadedFile, type ParamObject, type ParamValue } from "./params.js";

export async function readBodyParams(request: Request): Promise<ParamObject> {
  if (request.method === "GET" || request.method === "HEAD" || request.body === null) return {};
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  try {
    if (type.includes("application/json")) {
      const text = await request.text();
      if (text.trim() === "") return {};
      return paramsFromJson(JSON.parse(text)) ?? {};
    }
    if (type.includes("multipart/form-data")) {
      const form = await request.formData();
      const entries: [string, ParamValue][] = [];
      for (const [key, value] of form.entries()) {
        if (typeof value === "string") entries.push([key, value]);
        else entries.push([key, new UploadedFile(value.name, value.type, new Uint8Array(await value.arrayBuffer()))]);
      }
      return paramsFromEntries(entries);
    }
    if (type.includes("application/x-www-form-urlencoded") || type === "") {
      return paramsFromEntries(new URLSearchParams(await request.text()).entries());
    }
  } catch {
    throw badRequest("Error occurred while parsing request parameters.");
  }
  return {};
}

export function queryParams(url: URL): ParamObject {
  return paramsFromEntries(url.searchParams.entries());
}
