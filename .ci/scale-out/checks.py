#!/usr/bin/env python3
"""The scale-out drill's checks through the load balancer (run by .ci/scale-out.sh).

Every request opens a new connection, so haproxy's round robin sends consecutive
requests to alternate instances; haproxy names the instance that answered in
X-Nukumori-Instance, and each check asserts that both instances took part.

    checks.py sessions      URL STATE     sign in, use the session and rotate the refresh
                                          cookie across instances; reuse detection
    checks.py files         URL S3_URL BUCKET PREFIX
                                          upload through one instance, download through
                                          the other, find the object in the bucket
    checks.py open-period   URL           a period due in 7 days (Japan), for reminders
    checks.py after-restart URL STATE     the refresh cookie from before the restart works
    checks.py mail          SENT REMINDERS DIR1 DIR2
                                          every outbox row marked sent (ids in the file
                                          SENT) arrived exactly once in the two instances'
                                          mail directories; REMINDERS are the reminders
    checks.py served        STATS_URL     requests each instance served (haproxy's count)

Standard library only.
"""

import csv
import datetime
import hashlib
import json
import pathlib
import re
import sys
import urllib.error
import urllib.request
import uuid
from xml.etree import ElementTree

PASSWORD = "kasumigaura-lotus-2041"
COOKIE = "nukumori_refresh"
INSTANCES = {"app1", "app2"}


def say(message):
    print(f"scale-out: {message}", flush=True)


def fail(message):
    print(f"scale-out: FAILED: {message}", flush=True)
    sys.exit(1)


def http(url, body=None, headers=None, method=None):
    """One request on a new connection: (status, headers, body bytes)."""
    request = urllib.request.Request(url, data=body, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class Api:
    def __init__(self, base):
        self.base = base.rstrip("/")
        self.seen = []  # (what, instance) of every answer

    def graphql(self, what, query, variables=None, token=None, cookie=None):
        headers = {"content-type": "application/json", "accept-language": "en"}
        if token:
            headers["authorization"] = f"Bearer {token}"
        if cookie:
            headers["cookie"] = f"{COOKIE}={cookie}"
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        status, response_headers, raw = http(f"{self.base}/graphql", body, headers)
        instance = response_headers.get("X-Nukumori-Instance", "?")
        self.seen.append((what, instance))
        try:
            answer = json.loads(raw)
        except ValueError:
            fail(f"{what}: HTTP {status} from {instance}: {raw[:300]!r}")
        set_cookie = ", ".join(response_headers.get_all("Set-Cookie") or [])
        match = re.search(rf"{COOKIE}=([^;]*)", set_cookie)
        return status, instance, answer, (match.group(1) if match else None)

    def ok(self, what, query, variables=None, token=None, cookie=None):
        status, instance, answer, new_cookie = self.graphql(what, query, variables, token, cookie)
        if status != 200 or answer.get("errors"):
            fail(f"{what} on {instance}: HTTP {status} {json.dumps(answer)[:400]}")
        return instance, answer["data"], new_cookie

    def login(self, email):
        query = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }"
        instance, data, cookie = self.ok(f"login {email}", query, {"e": email, "p": PASSWORD})
        if not cookie:
            fail("login set no refresh cookie")
        return instance, data["login"]["accessToken"], cookie


ME = "{ me { email } }"
REFRESH = "mutation { refreshSession { accessToken } }"


def both(instances, what):
    if set(instances) != INSTANCES:
        fail(f"{what}: answered by {sorted(set(instances))}, expected both {sorted(INSTANCES)}")


def sessions(base, state):
    api = Api(base)
    instance, token, cookie = api.login("welfare@omitama.example")
    say(f"signed in as welfare@omitama.example on {instance}")
    served = []
    for _ in range(6):
        served.append(api.ok("me", ME, token=token)[0])
    both(served, "one access token")
    say(f"one access token, 6 requests: answered by {' '.join(served)}")

    # Rotate the refresh cookie four times. The new access token is used once or twice
    # in turn, so that under strict alternation the refreshes land on both instances and
    # cookies issued by one instance are presented to the other.
    cookies, issuers = [cookie], [instance]
    refreshed, used = [], []
    for round in range(4):
        instance, data, new_cookie = api.ok("refreshSession", REFRESH, cookie=cookies[-1])
        if not new_cookie or new_cookie == cookies[-1]:
            fail(f"refreshSession on {instance} did not rotate the cookie")
        refreshed.append(f"{issuers[-1]}→{instance}")
        cookies.append(new_cookie)
        issuers.append(instance)
        for _ in range(1 + round % 2):
            used.append(api.ok("me (refreshed)", ME, token=data["refreshSession"]["accessToken"])[0])
    both(issuers[1:], "refreshSession")
    both(used, "refreshed access tokens")
    if not any(pair.split("→")[0] != pair.split("→")[1] for pair in refreshed):
        fail(f"no cookie was refreshed on another instance than the one that issued it: {refreshed}")
    say(
        f"refresh cookie rotated 4 times (issued by → refreshed on): {' '.join(refreshed)}; "
        f"the new access tokens used on {' '.join(used)}"
    )

    # A used refresh token presented again, to whichever instance, ends the sign-in.
    status, instance, answer, _ = api.graphql("reuse", REFRESH, cookie=cookies[0])
    if not answer.get("errors"):
        fail(f"a used refresh token was accepted again on {instance}")
    code = answer["errors"][0].get("extensions", {}).get("code")
    status, later, answer, _ = api.graphql("after reuse", REFRESH, cookie=cookies[-1])
    if not answer.get("errors"):
        fail(f"after the reuse, the newest refresh token still worked on {later}")
    say(
        f"reuse detected: the first cookie again on {instance} was refused ({code}); "
        f"then the newest one was refused too on {later} (the whole sign-in ended)"
    )

    # A fresh sign-in whose cookie is kept for after the restart.
    instance, token, cookie = api.login("bousai@omitama.example")
    with open(state, "w") as f:
        json.dump({"cookie": cookie}, f)
    say(f"signed in as bousai@omitama.example on {instance}; its refresh cookie is kept for after the restart")


UPLOAD = (
    "mutation($report: ID!, $file: Upload!) { uploadEvidence(reportId: $report, file: $file, "
    'description: "scale-out drill") { id sha256 size } }'
)


def files(base, s3, bucket, prefix):
    api = Api(base)
    _, token, _ = api.login("welfare@omitama.example")
    _, data, _ = api.ok("myReports", "{ myReports { id status } }", token=token)
    editable = [r["id"] for r in data["myReports"] if r["status"] in ("NOT_STARTED", "DRAFT", "RETURNED")]
    if not editable:
        fail("welfare has no editable report to attach a file to")
    report = editable[0]
    marker = uuid.uuid4()
    pdf = (
        f"%PDF-1.4\n% scale-out drill {marker}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        "2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    ).encode()
    boundary = f"scaleout{uuid.uuid4().hex}"
    operations = json.dumps({"query": UPLOAD, "variables": {"report": report, "file": None}})
    parts = [
        ("operations", None, operations.encode()),
        ("map", None, json.dumps({"0": ["variables.file"]}).encode()),
        ("0", "drill.pdf", pdf),
    ]
    body = b""
    for name, filename, content in parts:
        body += f"--{boundary}\r\n".encode()
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        body += f"Content-Disposition: {disposition}\r\n".encode()
        if filename:
            body += b"Content-Type: application/pdf\r\n"
        body += b"\r\n" + content + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    headers = {
        "content-type": f"multipart/form-data; boundary={boundary}",
        "authorization": f"Bearer {token}",
        "x-requested-with": "nukumori",
    }
    status, response_headers, raw = http(f"{base}/graphql", body, headers)
    uploaded_on = response_headers.get("X-Nukumori-Instance", "?")
    answer = json.loads(raw)
    if status != 200 or answer.get("errors"):
        fail(f"upload on {uploaded_on}: HTTP {status} {raw[:400]!r}")
    evidence = answer["data"]["uploadEvidence"]
    if evidence["sha256"] != hashlib.sha256(pdf).hexdigest():
        fail("the server's SHA-256 of the upload differs")
    say(f"uploaded {len(pdf)} bytes to report {report} through {uploaded_on} (evidence {evidence['id']})")

    downloaded_on = set()
    for _ in range(4):
        status, response_headers, content = http(
            f"{base}/files/{evidence['id']}", headers={"authorization": f"Bearer {token}"}
        )
        instance = response_headers.get("X-Nukumori-Instance", "?")
        if status != 200 or content != pdf:
            fail(f"download on {instance}: HTTP {status}, {len(content)} bytes, not the file uploaded")
        downloaded_on.add(instance)
        if downloaded_on - {uploaded_on}:
            break
    if not downloaded_on - {uploaded_on}:
        fail(f"every download landed on {uploaded_on}, the instance that took the upload")
    say(f"downloaded the same bytes through {' and '.join(sorted(downloaded_on))}")

    key = f"{prefix}/blobs/{evidence['sha256'][:2]}/{evidence['sha256']}".lstrip("/")
    status, _, listing = http(f"{s3}/{bucket}?list-type=2&prefix={key}")
    keys = [
        element.text
        for element in ElementTree.fromstring(listing).iter()
        if element.tag.endswith("}Key") or element.tag == "Key"
    ]
    if status != 200 or key not in keys:
        fail(f"s3://{bucket}/{key} is not in the bucket (HTTP {status}: {keys})")
    say(f"the file is the object s3://{bucket}/{key}")


def open_period(base):
    api = Api(base)
    _, token, _ = api.login("office@omitama.example")
    _, data, _ = api.ok("plan", '{ plan(code: "omitama-3") { id } }', token=token)
    today = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=9))).date()
    due = today + datetime.timedelta(days=7)
    if due > datetime.date(2027, 3, 31):
        fail(f"a FY2025 period cannot be due on {due} (after 2027-03-31): the demo plan ends with FY2025")
    query = (
        "mutation($plan: ID!, $due: NaiveDate!) { openReportingPeriod(input: { planId: $plan, "
        'fiscalYear: 2025, kind: QUARTER, quarter: 4, opensOn: "2026-01-01", dueOn: $due }) { id } }'
    )
    instance, _, _ = api.ok("openReportingPeriod", query, {"plan": data["plan"]["id"], "due": str(due)}, token=token)
    say(f"opened FY2025 Q4 due {due} (7 days from today in Japan) through {instance}")


def after_restart(base, state):
    api = Api(base)
    with open(state) as f:
        cookie = json.load(f)["cookie"]
    refreshed = []
    for round in range(2):
        instance, data, cookie = api.ok("refreshSession after restart", REFRESH, cookie=cookie)
        refreshed.append(instance)
        for _ in range(1 + round % 2):
            api.ok("me after restart", ME, token=data["refreshSession"]["accessToken"])
    if len(set(refreshed)) != 2:
        # One more turn if both refreshes landed on one instance.
        instance, data, cookie = api.ok("refreshSession after restart", REFRESH, cookie=cookie)
        refreshed.append(instance)
    both(refreshed, "refreshSession after the restart")
    say(f"the refresh cookie from before the restart worked after it, on {' and '.join(refreshed)}")


def mail(sent_file, reminders_file, *directories):
    sent = set(open(sent_file).read().split())
    reminders = set(open(reminders_file).read().split())
    arrivals = {}  # outbox id -> instances whose directory holds it
    for instance, directory in zip(sorted(INSTANCES), directories):
        for path in sorted(pathlib.Path(directory).glob("*.eml")):
            head = path.read_bytes().split(b"\r\n\r\n", 1)[0].decode("utf-8", "replace")
            match = re.search(r"^Message-ID:\s*<([0-9a-f-]+)@nukumori>", head, re.IGNORECASE | re.MULTILINE)
            if not match:
                fail(f"{path} has no Message-ID of ours")
            arrivals.setdefault(match.group(1), []).append(instance)
    twice = {k: v for k, v in arrivals.items() if len(v) > 1}
    if twice:
        fail(f"{len(twice)} mails were delivered more than once: {list(twice.items())[:5]}")
    if set(arrivals) != sent:
        fail(
            f"{len(sent)} outbox rows sent, {len(arrivals)} mails delivered; "
            f"missing {sorted(sent - set(arrivals))[:5]}, unexpected {sorted(set(arrivals) - sent)[:5]}"
        )
    if not reminders <= sent:
        fail(f"{len(reminders - sent)} reminders were not sent")
    by_instance = {i: sum(1 for v in arrivals.values() if v == [i]) for i in sorted(INSTANCES)}
    reminders_by_instance = {i: sum(1 for k in reminders if arrivals[k] == [i]) for i in sorted(INSTANCES)}
    say(
        f"mail: {len(sent)} outbox rows sent, each delivered exactly once (by instance: {by_instance}); "
        f"{len(reminders)} reminders among them (by instance: {reminders_by_instance})"
    )


def served(stats_url):
    """Requests each instance served, from haproxy's statistics."""
    _, _, raw = http(stats_url)
    lines = raw.decode().splitlines()
    rows = csv.DictReader([lines[0].lstrip("# ")] + lines[1:])
    counts = {r["svname"]: r.get("req_tot") or r["stot"] for r in rows if r["pxname"] == "instances"}
    print(", ".join(f"{name} {counts.get(name, '?')}" for name in sorted(INSTANCES)))


def main():
    command, *args = sys.argv[1:]
    commands = {
        "sessions": sessions,
        "files": files,
        "open-period": open_period,
        "after-restart": after_restart,
        "mail": mail,
        "served": served,
    }
    commands[command](*args)


if __name__ == "__main__":
    main()
