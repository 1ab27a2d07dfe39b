"""sentinelhub-py's SentinelHubBYOC against the BYOC fake, run by tests/core/test_official_clients.py in .venv-clients.

Reads a JSON plan on stdin and prints one JSON object: the client's version and what each step returned or raised.

Plan: {"base_url", "token_url", "client_id", "client_secret", "steps": [{"op": <name>, "as": <label>, ...}]}.
A step's `as` keeps its result; a later argument "@<label>" stands for that result (a collection or a tile,
which sentinelhub-py takes as a dict). Ops are the SentinelHubBYOC calls by name, plus `info`
(SentinelHubSession.info(), which decodes the JWT).
"""

import json
import os
import sys

# oauthlib's own switch for local tests: the fake's token endpoint is plain HTTP on 127.0.0.1.
os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"

import sentinelhub
from sentinelhub import DownloadFailedException, Geometry, SentinelHubBYOC, SentinelHubSession, SHConfig
from sentinelhub.api.byoc import ByocCollection, ByocCollectionAdditionalData, ByocCollectionBand, ByocTile
from sentinelhub.time_utils import parse_time


def collection_object(step):
    bands = {name: ByocCollectionBand(**band) for name, band in step.get("bands", {}).items()}
    return ByocCollection(
        name=step["name"],
        s3_bucket=step["s3_bucket"],
        additional_data=ByocCollectionAdditionalData(bands=bands or None),
        no_data=step.get("no_data"),
    )


def tile_object(step):
    return ByocTile(
        path=step["path"],
        sensing_time=parse_time(step["sensing_time"], force_datetime=True) if step.get("sensing_time") else None,
        cover_geometry=Geometry.from_geojson(step["cover"]) if step.get("cover") else None,
    )


def run(byoc, config, step):
    op = step["op"]
    if op == "info":
        return SentinelHubSession(config=config).info()
    if op == "create_collection":
        return byoc.create_collection(collection_object(step))
    if op == "iter_collections":
        return list(byoc.iter_collections(step.get("search"), **step.get("params", {})))
    if op == "update_collection":
        return byoc.update_collection({**step["collection"], **step.get("changes", {})})
    if op == "create_tile":
        return byoc.create_tile(step["collection"], tile_object(step))
    if op == "iter_tiles":
        found = byoc.iter_tiles(
            step["collection"], sort=step.get("sort"), path=step.get("path"), **step.get("params", {})
        )
        return list(found)
    if op == "update_tile":
        return byoc.update_tile(step["collection"], {**step["tile"], **step.get("changes", {})})
    if op == "copy_tiles":
        return byoc.copy_tiles(step["collection"], step["to"])
    if op in ("get_collection", "delete_collection"):
        return getattr(byoc, op)(step["collection"])
    if op in ("get_tile", "reingest_tile", "delete_tile"):
        return getattr(byoc, op)(step["collection"], step["tile"])
    raise ValueError(f"unknown step {op}")


def resolve(value, kept):
    if isinstance(value, str) and value.startswith("@"):
        return kept[value[1:]]
    if isinstance(value, dict):
        return {key: resolve(item, kept) for key, item in value.items()}
    return value


def main():
    plan = json.load(sys.stdin)
    config = SHConfig(
        use_defaults=True,
        sh_base_url=plan["base_url"],
        sh_token_url=plan["token_url"],
        sh_client_id=plan["client_id"],
        sh_client_secret=plan["client_secret"],
        download_sleep_time=0.01,  # transient errors are retried at once; the fake needs no real waiting
    )
    byoc = SentinelHubBYOC(config=config)
    kept, results = {}, []
    for step in plan["steps"]:
        try:
            result = run(byoc, config, resolve(step, kept))
        except DownloadFailedException as error:
            response = getattr(error.request_exception, "response", None)
            results.append({"error": str(error), "status": response.status_code if response is not None else None})
            continue
        if "as" in step:
            kept[step["as"]] = result
        results.append({"result": result})
    json.dump({"client": f"sentinelhub=={sentinelhub.__version__}", "steps": results}, sys.stdout, default=str)


main()
