/**
 * Annual reports ("Wrapstodon"): the logged-in user's year on the server, when the server offers it.
 * https://docs.joinmastodon.org/methods/annual_reports/
 */
import type { MastodonClient } from "../core/client.js";
import { MastodonIllegalArgumentError } from "../core/errors.js";
import { path } from "../core/path.js";
import type { EmptyResult } from "../core/types.js";
import type { AnnualReportState, WrappedAnnualReports } from "../entities/index.js";

/** A year as a path segment: a four-digit number or string. */
function yearOf(year: number | string): string {
  const text = String(year);
  if (!/^\d{4}$/.test(text)) throw new MastodonIllegalArgumentError(`year must be a four-digit year, got ${JSON.stringify(year)}`);
  return text;
}

/** All of the logged-in user's generated annual reports. */
export async function annualReports(this: MastodonClient): Promise<WrappedAnnualReports> {
  return this.request({ method: "GET", path: "/api/v1/annual_reports", version: ["4.3.0", "4.3.0"] });
}

/** The logged-in user's report for one year (404 when none was generated). */
export async function annualReport(this: MastodonClient, year: number | string): Promise<WrappedAnnualReports> {
  return this.request({ method: "GET", path: path`/api/v1/annual_reports/${yearOf(year)}`, version: ["4.4.0", "4.4.0"] });
}

/** Whether the report for a year is available, being generated, or can be generated (Mastodon 4.6+). */
export async function annualReportState(this: MastodonClient, year: number | string): Promise<AnnualReportState> {
  return this.request({ method: "GET", path: path`/api/v1/annual_reports/${yearOf(year)}/state`, version: ["4.6.0", "4.6.0"] });
}

/** Marks the report for a year as read. */
export async function annualReportRead(this: MastodonClient, year: number | string): Promise<EmptyResult> {
  return this.request({ method: "POST", path: path`/api/v1/annual_reports/${yearOf(year)}/read`, version: ["4.3.0", "4.3.0"] });
}

/** Asks the server to generate the report for a year (it answers at once; poll annualReportState). */
export async function annualReportGenerate(this: MastodonClient, year: number | string): Promise<EmptyResult> {
  return this.request({ method: "POST", path: path`/api/v1/annual_reports/${yearOf(year)}/generate`, version: ["4.6.0", "4.6.0"] });
}
