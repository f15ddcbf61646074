// Lists (docs: methods/lists.md). Only followed accounts can be added, as in Mastodon.
import { renderList } from "../render/misc.js";
import type { Context } from "../server/context.js";
import { recordNotFound, validationFailed } from "../server/errors.js";
import { paginate } from "../server/pagination.js";
import { json } from "../server/response.js";
import type { Router } from "../server/router.js";
import type { ListRecord } from "../state/types.js";
import { accountJson, pageResponse } from "./helpers.js";

const REPLIES_POLICIES = ["followed", "list", "none"] as const;

function ownList(c: Context): ListRecord {
  const list = c.store.lists.get(c.path("id"));
  if (!list || list.accountId !== c.user().id) throw recordNotFound();
  return list;
}

function repliesPolicy(value: string | undefined): ListRecord["repliesPolicy"] | undefined {
  if (value === undefined) return undefined;
  const found = REPLIES_POLICIES.find((p) => p === value);
  if (!found) throw validationFailed("Replies policy is not included in the list");
  return found;
}

export function listRoutes(r: Router): void {
  const read = { access: "user", scopes: ["read:lists"] } as const;
  const write = { access: "user", scopes: ["write:lists"] } as const;

  r.get("/api/v1/lists", read, (c) => json([...c.store.lists.values()].filter((l) => l.accountId === c.user().id).map(renderList)));

  r.post("/api/v1/lists", write, (c) => {
    const title = c.params.str("title") ?? "";
    if (title.trim() === "") throw validationFailed("Title can't be blank");
    const list: ListRecord = {
      id: c.store.sequences.next("lists"),
      accountId: c.user().id,
      title,
      repliesPolicy: repliesPolicy(c.params.str("replies_policy")) ?? "list",
      exclusive: c.params.bool("exclusive") ?? false,
      memberIds: [],
    };
    c.store.lists.set(list.id, list);
    return json(renderList(list));
  });

  r.get("/api/v1/lists/:id", read, (c) => json(renderList(ownList(c))));

  r.put("/api/v1/lists/:id", write, (c) => {
    const list = ownList(c);
    const title = c.params.str("title");
    if (title !== undefined && title.trim() === "") throw validationFailed("Title can't be blank");
    list.title = title ?? list.title;
    list.repliesPolicy = repliesPolicy(c.params.str("replies_policy")) ?? list.repliesPolicy;
    list.exclusive = c.params.bool("exclusive") ?? list.exclusive;
    return json(renderList(list));
  });

  r.delete("/api/v1/lists/:id", write, (c) => {
    c.store.lists.delete(ownList(c).id);
    return json({});
  });

  r.get("/api/v1/lists/:id/accounts", read, (c) => {
    const list = ownList(c);
    // limit=0 means "all of them" here (docs: methods/lists.md#accounts).
    const all = c.params.int("limit") === 0;
    const members = list.memberIds.map((id, index) => ({ id, cursor: String(index + 1) }));
    const page = all ? { items: members, link: null } : paginate(c, members, { cursor: (m) => m.id, defaultLimit: 40, prev: "since_id" });
    return pageResponse(page, accountJson(c, page.items.flatMap((m) => {
      const account = c.store.accounts.get(m.id);
      return account ? [account] : [];
    })));
  });

  r.post("/api/v1/lists/:id/accounts", write, (c) => {
    const list = ownList(c);
    const viewer = c.user();
    const ids = c.params.list("account_ids");
    for (const id of ids) {
      if (!c.store.accounts.has(id)) throw recordNotFound();
      if (!c.store.follow(viewer.id, id) && !c.store.followRequest(viewer.id, id)) {
        throw validationFailed("Account must be followed to be added to a list");
      }
      if (list.memberIds.includes(id)) throw validationFailed("Account has already been taken");
    }
    list.memberIds.push(...ids);
    return json({});
  });

  r.delete("/api/v1/lists/:id/accounts", write, (c) => {
    const list = ownList(c);
    const ids = new Set(c.params.list("account_ids"));
    list.memberIds = list.memberIds.filter((id) => !ids.has(id));
    return json({});
  });
}
