"""earthengine-api against the Earth Engine fake, run by tests/core/test_official_clients.py in .venv-clients.

Reads a JSON plan on stdin and prints one JSON object: the client's version, what each step returned or
raised, and the back-off sleeps the client asked for (recorded, not slept, so that retries cost no time).

Plan: {"url": <fake base URL>, "project": <id>, "credentials": {"token": <bearer>} or
{"service_account": <key JSON text>}, "steps": [{"op": "import_external", "manifest": {...},
"overwrite": bool}, ...]}. `ee.Initialize` runs first: discovery document, token grant, algorithms.
"""

import json
import sys
import time

sleeps = []
time.sleep = sleeps.append  # googleapiclient's retry back-off; the fake needs no real waiting

import ee  # noqa: E402 - after the sleep is recorded
from google.oauth2.credentials import Credentials  # noqa: E402


def credentials(spec):
    if "service_account" in spec:
        return ee.ServiceAccountCredentials(key_data=spec["service_account"])
    return Credentials(spec["token"])


def run(step):
    if step["op"] == "import_external":
        return ee.data.startExternalImageIngestion(step["manifest"], step.get("overwrite", False))
    raise ValueError(f"unknown step {step['op']}")


def main():
    plan = json.load(sys.stdin)
    ee.Initialize(credentials(plan["credentials"]), url=plan["url"], project=plan["project"])
    results = []
    for step in plan["steps"]:
        try:
            results.append({"result": run(step)})
        except ee.EEException as error:
            results.append({"error": str(error)})
    json.dump({"client": f"earthengine-api=={ee.__version__}", "steps": results, "sleeps": sleeps}, sys.stdout)


main()
