#!/usr/bin/env bash
# The OpenAI wire format as curl sees it: starts `headroom-cli serve` on a free loopback port (plain,
# then TLS with a throw-away self-signed certificate) and checks completions, chat, streaming, errors
# and metrics. Usage: curl_wire.sh path/to/headroom-cli
set -Eeuo pipefail

cli=${1:?usage: curl_wire.sh path/to/headroom-cli}
work=$(mktemp -d)
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "FAIL: line $LINENO: $BASH_COMMAND exited with $?" >&2' ERR

fail() { echo "FAIL: $*" >&2; exit 1; }

cat > "$work/serve.json" <<'JSON'
{
  "model_name": "wire-model",
  "executor": {"kind": "constant", "iteration_s": 0.002},
  "classes": [{"name": "chat", "slo": {"ttft_s": 1, "tbt_s": 0.05}}],
  "tenants": [{"name": "t", "classes": ["chat"], "keys": ["sk-wire-0123456789"]}]
}
JSON

# Starts the server with extra flags; sets $base to its URL.
start_server() {
  "$cli" serve "$work/serve.json" --port 0 "$@" > "$work/out.log" 2> "$work/err.log" &
  server_pid=$!
  for _ in $(seq 1 100); do
    if grep -qE 'listening on https?://[0-9.]+:[0-9]+' "$work/out.log"; then break; fi
    kill -0 "$server_pid" 2>/dev/null || fail "server exited: $(cat "$work/err.log")"
    sleep 0.1
  done
  base=$(grep -oE 'https?://[0-9.]+:[0-9]+' "$work/out.log" | head -1)
  [[ -n "$base" ]] || fail "no listening line"
}

stop_server() {
  kill -TERM "$server_pid"
  wait "$server_pid" || fail "server exited with $? on SIGTERM"
  server_pid=""
}

# check_json FILE PYTHON-EXPRESSION: the expression over `d` (the parsed body) must be true.
check_json() {
  python3 - "$1" "$2" <<'PY' || fail "$2 does not hold for $(head -c 400 "$1")"
import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
}

auth=(-H "Authorization: Bearer sk-wire-0123456789")

run_checks() {
  local curl_opts=("$@")
  code=$(curl -s "${curl_opts[@]}" -o "$work/models.json" -w '%{http_code}' "${auth[@]}" "$base/v1/models")
  [[ "$code" == 200 ]] || fail "/v1/models answered $code"
  check_json "$work/models.json" 'd["object"] == "list" and d["data"][0]["id"] == "wire-model"'

  code=$(curl -s "${curl_opts[@]}" -o "$work/completion.json" -w '%{http_code}' "${auth[@]}" \
    -H 'Content-Type: application/json' \
    -d '{"model": "wire-model", "prompt": "Say this is a test", "max_tokens": 7, "temperature": 0}' "$base/v1/completions")
  [[ "$code" == 200 ]] || fail "completion answered $code"
  check_json "$work/completion.json" \
    'd["object"] == "text_completion" and d["id"].startswith("cmpl-") and isinstance(d["created"], int) and d["model"] == "wire-model" and len(d["choices"]) == 1 and d["choices"][0]["index"] == 0 and isinstance(d["choices"][0]["text"], str) and d["choices"][0]["finish_reason"] == "length" and d["usage"]["completion_tokens"] == 7 and d["usage"]["total_tokens"] == d["usage"]["prompt_tokens"] + 7'

  code=$(curl -s "${curl_opts[@]}" -o "$work/chat.json" -w '%{http_code}' "${auth[@]}" \
    -H 'Content-Type: application/json' \
    -d '{"model": "wire-model", "messages": [{"role": "user", "content": "Hello!"}], "max_tokens": 3}' "$base/v1/chat/completions")
  [[ "$code" == 200 ]] || fail "chat answered $code"
  check_json "$work/chat.json" \
    'd["object"] == "chat.completion" and d["id"].startswith("chatcmpl-") and d["choices"][0]["message"]["role"] == "assistant" and len(d["choices"][0]["message"]["content"]) > 0 and d["usage"]["completion_tokens"] == 3'

  curl -s -N "${curl_opts[@]}" "${auth[@]}" -H 'Content-Type: application/json' -D "$work/stream.head" \
    -d '{"model": "wire-model", "messages": [{"role": "user", "content": "Hi"}], "max_tokens": 4, "stream": true, "stream_options": {"include_usage": true}}' \
    "$base/v1/chat/completions" > "$work/stream.txt"
  grep -qi '^content-type: text/event-stream' "$work/stream.head" || fail "stream content type: $(cat "$work/stream.head")"
  grep -qi '^transfer-encoding: chunked' "$work/stream.head" || fail "stream is not chunked"
  python3 - "$work/stream.txt" <<'PY' || fail "SSE stream: $(head -c 600 "$work/stream.txt")"
import json, sys
text = open(sys.argv[1]).read()
assert text.endswith("\n\n"), "events end with a blank line"
events = [block[len("data: "):] for block in text.strip("\n").split("\n\n")]
assert all(block.startswith("data: ") for block in text.strip("\n").split("\n\n"))
assert events[-1] == "[DONE]", events[-1]
chunks = [json.loads(e) for e in events[:-1]]
assert all(c["object"] == "chat.completion.chunk" for c in chunks)
assert len({c["id"] for c in chunks}) == 1
assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
content = [c["choices"][0]["delta"]["content"] for c in chunks[1:5]]
assert len(content) == 4 and all(content)
assert chunks[5]["choices"][0]["finish_reason"] == "length"
assert chunks[6]["choices"] == [] and chunks[6]["usage"]["completion_tokens"] == 4
PY

  code=$(curl -s "${curl_opts[@]}" -o "$work/error.json" -w '%{http_code}' "${auth[@]}" \
    -H 'Content-Type: application/json' -d '{"model": "wire-model", "prompt": ' "$base/v1/completions")
  [[ "$code" == 400 ]] || fail "malformed JSON answered $code"
  check_json "$work/error.json" 'd["error"]["type"] == "invalid_request_error" and len(d["error"]["message"]) > 0 and "param" in d["error"] and "code" in d["error"]'

  code=$(curl -s "${curl_opts[@]}" -o "$work/unauth.json" -w '%{http_code}' \
    -H 'Content-Type: application/json' -d '{"model": "wire-model", "prompt": "x"}' "$base/v1/completions")
  [[ "$code" == 401 ]] || fail "no key answered $code"
  check_json "$work/unauth.json" 'd["error"]["code"] == "invalid_api_key"'

  curl -s "${curl_opts[@]}" "$base/metrics" > "$work/metrics.txt"
  grep -q '^headroom_ttft_seconds_bucket{class="chat",le="0.05"} ' "$work/metrics.txt" || fail "no SLO bucket in /metrics"
  grep -q '^headroom_requests_total{class="chat"} [1-9]' "$work/metrics.txt" || fail "no request counter in /metrics"
}

start_server
[[ "$base" == http://127.0.0.1:* ]] || fail "binds 127.0.0.1 by default, got $base"
run_checks
stop_server
echo "plain HTTP: ok"

if command -v openssl > /dev/null; then
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 1 \
    -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" > /dev/null 2>&1
  start_server --tls-cert "$work/cert.pem" --tls-key "$work/key.pem"
  [[ "$base" == https://* ]] || fail "TLS server did not report https: $base"
  run_checks --cacert "$work/cert.pem"
  # Plain HTTP to the TLS port gets no HTTP answer.
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${base/https/http}/health" || true)
  [[ "$code" != 200 ]] || fail "plain HTTP was answered on the TLS port"
  stop_server
  echo "TLS: ok"
fi
echo "curl wire checks passed"
