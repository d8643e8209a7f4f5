//! Black-box tests of the running server: each test starts its own server on port 0
//! with its own fresh database, and talks to it over HTTP like a client would.
//! Every test that touches the database runs twice, on SQLite and on PostgreSQL
//! (`on_both_backends!`). One test binary keeps linking time down.

// A failed expectation in a test is a failing test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod harness;

mod backup;
mod cli;
mod evaluation;
mod evidence;
mod hostile;
mod http;
mod identity;
mod load;
mod mail;
mod organizations;
mod permissions;
mod plan;
mod reports;
mod review;
mod smtp;
