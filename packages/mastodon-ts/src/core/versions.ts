/**
 * Server versions. Forks write their version strings in many ways
 * ("4.3.0+glitch", "2.7.2 (compatible; Pleroma 2.5.0)", "3.5.3 (compatible; GoToSocial 0.16.0)",
 * "4.2.1-hometown-1.1.1"): the first x.y[.z] found is the Mastodon API version they claim.
 * A string with no version in it never makes a call fail: it parses to null and checks pass.
 */

export type Version = readonly [major: number, minor: number, patch: number];

export type VersionCheckMode = "none" | "created" | "changed";

export function parseVersion(text: string | null | undefined): Version | null {
  if (!text) return null;
  const match = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function versionAtLeast(actual: Version, required: string): boolean {
  const wanted = parseVersion(required);
  return wanted === null || compareVersions(actual, wanted) >= 0;
}

export function formatVersion(version: Version): string {
  return version.join(".");
}
