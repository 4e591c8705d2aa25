"""shinkei 0.1.6, unmodified, against the sandbox's mesh server (driven by tests/shinkei.rs).

Prints one line per step so the Rust side can follow: READY, GOT_SEND <json>,
GOT_BROADCAST <json>, DISCOVER <json>, PROXY_REJECTED <status> (or PROXY_OK), DONE.
"""
import asyncio
import json
import os

import shinkei


def say(line):
    print(line, flush=True)


def nonce_is(expected):
    return lambda message: message.nonce == expected


async def main():
    client = await shinkei.connect(
        os.environ["MESH_URL"], "interop", "py-1", os.environ["MESH_AUTH"], tags=["python"]
    )
    # Waiters first, so nothing sent after READY can be missed.
    sent = asyncio.ensure_future(client.wait_for("data", timeout=30, check=nonce_is("rust-send")))
    broadcast = asyncio.ensure_future(
        client.wait_for("data", timeout=30, check=nonce_is("rust-broadcast"))
    )
    await asyncio.sleep(0)
    await client.update_metadata({
        "lang": "python",
        "shard_id": 7,
        "load": 0.5,
        "version": shinkei.VersionMetadata("1.2.3"),
        "features": ["a", "b"],
    })
    say("READY")

    message = await sent
    say("GOT_SEND " + json.dumps(message.payload))
    to_rust = shinkei.QueryBuilder(application="interop", key="k").eq("lang", "rust")
    await client.send({"reply": message.payload}, target=to_rust, nonce="py-send")

    message = await broadcast
    say("GOT_BROADCAST " + json.dumps(message.payload))
    rust_shards = shinkei.QueryBuilder(application="interop", key=None).gte("shard_id", 1).eq(
        "lang", "rust"
    )
    await client.broadcast([1, 2, 3], target=rust_shards, nonce="py-broadcast")

    say("DISCOVER " + json.dumps(await client.discover(["rust"])))

    # shinkei form-encodes the proxy request (B2): the server cannot read the query.
    try:
        await client.proxy_request("GET", "/stats", target=to_rust)
        say("PROXY_OK")
    except shinkei.ShinkeiHTTPException as error:
        say("PROXY_REJECTED %d" % error.code)

    await client.close()
    say("DONE")


asyncio.get_event_loop().run_until_complete(main())
