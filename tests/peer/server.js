// PostGraphile v4 over Nukumori's PostgreSQL schema: the peer the API benchmark
// (crates/server/benches/api) compares Nukumori's GraphQL reads with.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/nukumori_bench_… PORT=5678 node server.js
//
// The schema is the one Nukumori's migrations made; PostGraphile derives its GraphQL API
// from the tables and foreign keys (plan → goals → policies → policy_directions →
// direction_owners → organizations; indicators → indicator_values; reports → periods).
// Reads only (no mutations), simple lists beside connections, no GraphiQL, no query log.
//
// No authentication and no row-level security: every row is readable by anyone who can
// reach the port. Nukumori checks the caller's token and permissions on every request;
// this setup does not, so it is a floor for "GraphQL over the same tables", not a
// production configuration.
//
// NUKUMORI_PEER_WORKERS (default 2: one per core of the benchmark machine) processes
// serve the port together through Node's cluster module, since one Node process uses one
// core for JavaScript. The primary exits when its standard input closes, so the peer
// never outlives the benchmark that started it.

"use strict";

const cluster = require("cluster");
const http = require("http");

const databaseUrl = process.env.DATABASE_URL;
const port = Number(process.env.PORT || 5678);
const workers = Math.max(1, Number(process.env.NUKUMORI_PEER_WORKERS || 2));

if (!databaseUrl) {
  console.error("server.js: DATABASE_URL is required");
  process.exit(2);
}

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i += 1) cluster.fork();
  let ready = 0;
  cluster.on("message", (_worker, message) => {
    if (message === "listening" && ++ready === workers) {
      console.log(`postgraphile listening on http://127.0.0.1:${port}/graphql (${workers} workers)`);
    }
  });
  cluster.on("exit", (_worker, code) => {
    if (code !== 0) {
      console.error(`server.js: a worker exited with ${code}`);
      process.exit(1);
    }
  });
  const stop = () => {
    for (const worker of Object.values(cluster.workers)) worker.process.kill("SIGTERM");
    process.exit(0);
  };
  process.stdin.on("end", stop);
  process.stdin.on("close", stop);
  process.stdin.resume();
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  const { postgraphile } = require("postgraphile");
  const middleware = postgraphile(databaseUrl, "public", {
    simpleCollections: "both",
    disableDefaultMutations: true,
    graphiql: false,
    disableQueryLog: true,
    enableQueryBatching: false,
    dynamicJson: true,
    ignoreRBAC: true,
    setofFunctionsContainNulls: false,
    legacyRelations: "omit",
    retryOnInitFail: false,
    watchPg: false,
  });
  const server = http.createServer(middleware);
  server.keepAliveTimeout = 65000;
  server.listen(port, "127.0.0.1", () => {
    if (cluster.isWorker) {
      process.send("listening");
    } else {
      console.log(`postgraphile listening on http://127.0.0.1:${port}/graphql (1 process)`);
      process.stdin.on("end", () => process.exit(0));
      process.stdin.resume();
    }
  });
}
