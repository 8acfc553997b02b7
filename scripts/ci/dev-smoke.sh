#!/usr/bin/env bash
# The newcomer path: no DATABASE_URL, `npm run dev` must start PGlite, migrate, seed and answer /api/health.
set -uo pipefail
dir=$(mktemp -d)
port=${SMOKE_PORT:-3210}
log="$dir/dev.log"
# Its own process group, so the web app, the worker and the demo sandbox all stop with it.
setsid env -u DATABASE_URL PGLITE_DIR="$dir/pglite" PGLITE_PORT=5499 PORT=$port npm run dev >"$log" 2>&1 &
pid=$!
status=1
for _ in $(seq 1 240); do
  body=$(curl -fsS "http://127.0.0.1:$port/api/health" 2>/dev/null) && {
    echo "$body"
    jar="$dir/cookies"
    echo "$body" | grep -q '"ok":true' \
      && curl -fsS -c "$jar" -H 'content-type: application/json' -H "origin: http://127.0.0.1:$port" \
           -d '{"email":"supervisor@demo.xunjian.local","password":"demo-supervisor-2026"}' \
           "http://127.0.0.1:$port/api/auth/sign-in/email" >/dev/null \
      && curl -fsS -b "$jar" "http://127.0.0.1:$port/" | grep -q '范围：江川省' && status=0
    break
  }
  kill -0 $pid 2>/dev/null || break
  sleep 2
done
kill -INT -- -$pid 2>/dev/null; sleep 5; kill -9 -- -$pid 2>/dev/null
[ $status -eq 0 ] && echo "dev smoke: OK" || { echo "dev smoke: FAILED"; tail -50 "$log"; }
rm -rf "$dir"
exit $status
