"""Schemathesis hooks for Nukumori's GraphQL API.

GraphQL answers a refused or invalid operation with `errors` and HTTP 200: that is the
API working, not failing. What must never happen is a server failure (HTTP 5xx or an
`INTERNAL` error code) or an error that shows internals (SQL, Rust panics, stack frames).
"""

from hypothesis import strategies as st

import schemathesis
from schemathesis.graphql import nodes

# Dates in and around the plan period, and some that are not dates at all.
schemathesis.graphql.scalar(
    "NaiveDate",
    st.one_of(
        st.dates().map(lambda d: nodes.String(d.isoformat())),
        st.text(max_size=12).map(nodes.String),
    ),
)
# Uploads travel as multipart parts, which this runner does not send.
schemathesis.graphql.scalar("Upload", st.just(nodes.Null))

LEAKS = ("sqlx", "sea_orm", "sea-orm", "panicked", "SELECT ", "INSERT ", "UPDATE ", "stack backtrace", "src/", ".rs:")


@schemathesis.check
def no_internal_failure(ctx, response, case):
    if response.status_code >= 500:
        raise AssertionError(f"HTTP {response.status_code}")
    try:
        body = response.json()
    except ValueError:
        raise AssertionError("the answer is not JSON")
    for error in (body or {}).get("errors") or []:
        code = ((error.get("extensions") or {}).get("code")) or ""
        message = error.get("message") or ""
        if code == "INTERNAL":
            raise AssertionError(f"internal error: {message}")
        for leak in LEAKS:
            if leak in message and leak not in str(case.body):
                raise AssertionError(f"the error shows internals ({leak!r}): {message}")
