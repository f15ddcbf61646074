"""Drives the sandbox with Mastodon.py (Debian's python3-mastodon) and prints one JSON report.

Run by mastodonpy.test.ts with SANDBOX_URL, SANDBOX_EMAIL, SANDBOX_PASSWORD, SANDBOX_OTHER_TOKEN
and SANDBOX_OTHER_ID in the environment. Every step records what it saw; the Node test asserts.
"""
import json
import os
import sys
import tempfile
import threading
import time

from mastodon import Mastodon, StreamListener

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000002000000030802000000368849d6"
    "0000001249444154789c63f8cfc0c0c0c0c40005001e0702016044cebf0000000049454e44ae426082"
)

base = os.environ["SANDBOX_URL"]
report = {}


def step(name, fn):
    try:
        report[name] = fn()
    except Exception as error:  # noqa: BLE001 - the report carries every failure to the Node side
        report[name] = {"error": "%s: %s" % (type(error).__name__, error)}


client_id, client_secret = Mastodon.create_app("interop test", api_base_url=base, scopes=["read", "write", "follow", "push"])
report["create_app"] = bool(client_id and client_secret)

api = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=base)
step("log_in", lambda: bool(api.log_in(os.environ["SANDBOX_EMAIL"], os.environ["SANDBOX_PASSWORD"], scopes=["read", "write", "follow", "push"])))
other = Mastodon(access_token=os.environ["SANDBOX_OTHER_TOKEN"], api_base_url=base)
me = api.me()
report["me"] = me["username"]


def toot_with_image():
    with tempfile.NamedTemporaryFile(suffix=".png", delete=False) as handle:
        handle.write(PNG)
        path = handle.name
    media = api.media_post(path, mime_type="image/png", description="a tiny image", synchronous=True)
    status = api.status_post("Hello from Mastodon.py #interop", media_ids=[media])
    return {"media_type": status["media_attachments"][0]["type"], "content": status["content"], "id": str(status["id"])}


step("toot_with_image", toot_with_image)
step("account_follow", lambda: api.account_follow(os.environ["SANDBOX_OTHER_ID"])["following"])


def home():
    other.status_post("a post for the home timeline")
    return [s["content"] for s in api.timeline_home()]


step("timeline_home", home)


def favourite():
    status = other.status_post("@%s favourite me" % me["username"])
    return api.status_favourite(status["id"])["favourited"]


step("status_favourite", favourite)
step("notifications", lambda: sorted(set(n["type"] for n in api.notifications())))
step("search", lambda: [a["username"] for a in api.search_v2("alice", result_type="accounts")["accounts"]])


def paging():
    for i in range(12):
        api.status_post("page %d" % i)
    first = api.account_statuses(me["id"], limit=5)
    everything = api.fetch_remaining(first)
    return {"first_page": len(first), "total": len(everything)}


step("fetch_remaining", paging)


def stream():
    received = []
    arrived = threading.Event()

    class Listener(StreamListener):
        def on_update(self, status):
            received.append(status["content"])
            arrived.set()

    handle = api.stream_user(Listener(), run_async=True)
    time.sleep(0.5)
    api.status_post("streamed to Mastodon.py")
    arrived.wait(10)
    handle.close()
    return received


step("stream_user", stream)
print(json.dumps(report, default=str))
sys.stdout.flush()
