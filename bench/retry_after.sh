#!/usr/bin/env bash
# Retry-After against the time the queue really needs. One modeled instance (constant 50 ms iterations,
# two sequences at a time, a queue of 4) serves two requests of 40 tokens to learn its pace; then 20
# clients send the same request at once: 2 run, 4 wait, the rest get 429. Prints the Retry-After values
# the 429s carried and when the last admitted request finished (what a refused client had to wait).
# Usage: bench/retry_after.sh [HEADROOM_CLI] (after cmake --preset release && cmake --build --preset release)
set -euo pipefail
cd "$(dirname "$0")/.."
cli=${1:-build/release/app/headroom-cli}
[[ -x $cli ]] || { echo "error: $cli not built: cmake --preset release && cmake --build --preset release" >&2; exit 1; }
command -v curl >/dev/null || { echo "error: needs curl" >&2; exit 1; }
work=$(mktemp -d)
server=""
trap '[[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

cat >"$work/serve.json" <<'JSON'
{
  "model_name": "m",
  "executor": {"kind": "constant", "iteration_s": 0.05},
  "scheduler": {"policy": "fcfs", "chunking": "fixed:256", "max_batch_size": 2},
  "classes": [{"name": "chat", "rank": 0, "slo": {"ttlt_s": 60}, "queue_limit": 4}],
  "tenants": [{"name": "t", "classes": ["chat"], "keys": ["sk-t-0123456789"]}],
  "limits": {"max_output_tokens": 100, "default_max_tokens": 16}
}
JSON
"$cli" serve "$work/serve.json" --port 0 >"$work/serve.log" 2>&1 &
server=$!
port=""
for _ in $(seq 100); do
  port=$(grep -o 'listening on http://[^:]*:[0-9]*' "$work/serve.log" | sed 's/.*://' || true)
  [[ -n $port ]] && break
  sleep 0.1
done
[[ -n $port ]] || { echo "error: the server did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }

# Prints "STATUS RETRY_AFTER".
request() {
  curl -s -o /dev/null -D - -m 60 "http://127.0.0.1:$port/v1/completions" -H 'Authorization: Bearer sk-t-0123456789' \
    -H 'Content-Type: application/json' -d '{"model": "m", "prompt": "x", "max_tokens": 40}' |
    tr -d '\r' | awk '/^HTTP/ {s = $2} tolower($1) == "retry-after:" {r = $2} END {print s, r}'
}

request >/dev/null & first=$!
request >/dev/null & second=$!
wait "$first" "$second"
start=$(date +%s.%N)
clients=()
for i in $(seq 20); do
  (answer=$(request); echo "$answer $(awk -v s="$start" -v n="$(date +%s.%N)" 'BEGIN {printf "%.2f", n - s}')") \
    >"$work/answer.$i" &
  clients+=($!)
done
wait "${clients[@]}"
cat "$work"/answer.* >"$work/answers"

printf '%-28s %s\n' "answers 200 / 429" "$(awk '$1 == 200' "$work/answers" | wc -l) / $(awk '$1 == 429' "$work/answers" | wc -l)"
printf '%-28s %s s\n' "last 200 finished after" "$(awk '$1 == 200 {print $2}' "$work/answers" | sort -n | tail -1)"
printf '%-28s %s\n' "Retry-After of the 429s (s)" \
  "$(awk '$1 == 429 {print $2}' "$work/answers" | sort -n | uniq -c | awk '{printf "%s%s x %s", sep, $2, $1; sep = ", "}')"
