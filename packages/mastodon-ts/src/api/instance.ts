/** The instance's description. https://docs.joinmastodon.org/methods/instance/ */
import type { MastodonClient } from "../core/client.js";
import type { Instance, InstanceV2 } from "../entities/index.js";

/** The instance, from /api/v2/instance on Mastodon 4.0 and newer, from /api/v1/instance before. */
export async function instance(this: MastodonClient): Promise<InstanceV2 | Instance> {
  return (await this.serverAtLeast("4.0.0")) ? instanceV2.call(this) : instanceV1.call(this);
}

export async function instanceV1(this: MastodonClient): Promise<Instance> {
  return this.request({ method: "GET", path: "/api/v1/instance/", version: ["1.1.0", "2.3.0"] });
}

export async function instanceV2(this: MastodonClient): Promise<InstanceV2> {
  return this.request({ method: "GET", path: "/api/v2/instance/", version: ["4.0.0", "4.0.0"] });
}
