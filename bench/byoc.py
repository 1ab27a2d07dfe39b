"""BYOC bulk registration against the fake Sentinel Hub limited to 20 requests a second.

Cogport's `register_tiles` (8 workers sharing one 429 gate) against a naive
sequential loop in the style of byoc-tool: one request at a time, and a fixed
sleep whenever the service answers 429 (byoc-tool itself would give up; this
peer retries so that it loses nothing). The fake answers each admitted request
after a simulated service time, as a remote API would.
"""

from __future__ import annotations

import time
from typing import Any, Dict, List

import requests

from cogport.plugin.core.services.byoc import CREATED, ByocClient, ByocConnection, TileSpec, register_tiles
from cogport.plugin.core.services.oauth import ClientCredentials
from cogport.tests.support.fake_byoc import FakeByocServer

RATE = 20.0  # requests a second the fake admits
TILES = 2000
PEER_TILES = 300  # the peer's rate is steady after a few seconds; 2,000 would take minutes
SERVICE_TIME = 0.1  # seconds the fake spends on each admitted request
PEER_BACKOFF = 1.0  # seconds the naive loop sleeps after a 429


def _specs(count: int, prefix: str) -> List[TileSpec]:
    return [TileSpec(f"{prefix}/{n:05d}/(BAND).tif", "2019-11-27T10:00:00Z") for n in range(count)]


def _fresh(fake: FakeByocServer) -> str:
    collection = fake.add_collection("bench", "bench-bucket")
    fake.rate_limit(RATE, burst=RATE)
    fake.state.rate_limited = 0
    return collection["id"]


def _integrity(fake: FakeByocServer, collection_id: str, count: int) -> Dict[str, int]:
    paths = [tile["path"] for tile in fake.tiles(collection_id)]
    return {"lost": count - len(set(paths)), "duplicated": len(paths) - len(set(paths))}


def _cogport(fake: FakeByocServer) -> Dict[str, Any]:
    collection_id = _fresh(fake)
    credentials = ClientCredentials(fake.state.client_id, fake.state.client_secret)
    client = ByocClient(ByocConnection.for_deployment("bench", "custom", credentials, fake.base_url, fake.token_url))
    client.tokens.token()
    started = time.monotonic()
    summary = register_tiles(client, collection_id, _specs(TILES, "cogport"), workers=8)
    seconds = time.monotonic() - started
    assert summary.count(CREATED) == TILES, summary.text()
    return {
        "tiles": TILES,
        "seconds": seconds,
        "429s": fake.state.rate_limited,
        **_integrity(fake, collection_id, TILES),
    }


def _naive(fake: FakeByocServer) -> Dict[str, Any]:
    collection_id = _fresh(fake)
    token = requests.post(
        fake.token_url,
        data={
            "grant_type": "client_credentials",
            "client_id": fake.state.client_id,
            "client_secret": fake.state.client_secret,
        },
        timeout=30,
    ).json()["access_token"]
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    url = f"{fake.base_url}/api/v1/byoc/collections/{collection_id}/tiles"
    started = time.monotonic()
    for spec in _specs(PEER_TILES, "naive"):
        while True:
            response = session.post(url, json=spec.to_json(), timeout=60)
            if response.status_code == 429:
                time.sleep(PEER_BACKOFF)
                continue
            response.raise_for_status()
            break
    seconds = time.monotonic() - started
    return {
        "tiles": PEER_TILES,
        "seconds": seconds,
        "429s": fake.state.rate_limited,
        **_integrity(fake, collection_id, PEER_TILES),
    }


def run(args: Any = None) -> str:
    with FakeByocServer(latency=SERVICE_TIME, enforce_unique_paths=False) as fake:
        ours = _cogport(fake)
        peer = _naive(fake)
    lines = [
        f"Fake BYOC admitting {RATE:.0f} requests/s (token bucket, burst {RATE:.0f}), "
        f"{SERVICE_TIME * 1000:.0f} ms service time per request, 429 with Retry-After in ms above the rate.",
        "",
        "| client | tiles | seconds | tiles/s | % of allowed rate | 429 answers | lost | duplicated |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, figures in (
        ("Cogport register_tiles (8 workers, shared gate)", ours),
        (f"naive sequential loop, fixed {PEER_BACKOFF:.0f} s sleep on 429 (byoc-tool style)", peer),
    ):
        rate = figures["tiles"] / figures["seconds"]
        lines.append(
            f"| {name} | {figures['tiles']} | {figures['seconds']:.1f} | {rate:.1f} | {100 * rate / RATE:.0f}% "
            f"| {figures['429s']} | {figures['lost']} | {figures['duplicated']} |"
        )
    speedup = (ours["tiles"] / ours["seconds"]) / (peer["tiles"] / peer["seconds"])
    lines += [
        "",
        f"Throughput ratio Cogport / naive peer: {speedup:.2f}x. "
        f"Targets: ≥ 90% of the allowed rate; 0 tiles lost or duplicated.",
    ]
    return "\n".join(lines)
