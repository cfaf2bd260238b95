#!/usr/bin/env bash
# The OpenAI wire format as curl sees it: starts `headroom-cli serve` on a free loopback port (plain,
# then TLS with a throw-away self-signed certificate) and checks completions, chat, streaming, errors
# and metrics. Usage: curl_wire.sh path/to/headroom-cli
# Every failure says what failed and shows the server's output; every wait has a deadline (generous, so
# that a loaded machine passes), and no step can hang past the test's own timeout without a message.
set -Eeuo pipefail

cli=${1:?usage: curl_wire.sh path/to/headroom-cli}
work=$(mktemp -d)
server_pid=""
phase="setup"
log="$work/server"  # this start's output: $log.out and $log.err
cleanup() {
  if [[ -n "$server_pid" ]]; then kill -KILL "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The server's output so far, for a failure message.
server_logs() {
  local file
  for file in "$log.out" "$log.err"; do
    [[ -s "$file" ]] || continue
    echo "--- server $(basename "$file") (last 40 lines):"
    tail -n 40 "$file"
  done
}
fail() {
  echo "FAIL ($phase): $*" >&2
  server_logs >&2
  exit 1
}
trap 'status=$?; echo "FAIL ($phase): line $LINENO: $BASH_COMMAND exited with $status" >&2; server_logs >&2' ERR

# curl with deadlines: a connection within 30 s, an answer within 60 s; errors are shown (-S).
curl() { command curl -sS --connect-timeout 30 --max-time 60 "$@"; }

cat > "$work/serve.json" <<'JSON'
{
  "model_name": "wire-model",
  "executor": {"kind": "constant", "iteration_s": 0.002},
  "classes": [{"name": "chat", "slo": {"ttft_s": 1, "tbt_s": 0.05}}],
  "tenants": [{"name": "t", "classes": ["chat"], "keys": ["sk-wire-0123456789"]}]
}
JSON

# Starts the server with extra flags; sets $base to its URL. Each start writes files of its own: the
# shell opens a background command's redirections only once that command runs, so a shared file could
# still hold the previous server's listening line when the wait below reads it.
starts=0
start_server() {
  starts=$((starts + 1))
  log="$work/server-$starts"
  : > "$log.out"
  "$cli" serve "$work/serve.json" --port 0 "$@" > "$log.out" 2> "$log.err" &
  server_pid=$!
  local deadline=$((SECONDS + 60))
  until grep -qE 'listening on https?://[0-9.]+:[0-9]+' "$log.out"; do
    kill -0 "$server_pid" 2>/dev/null || fail "the server exited before it listened"
    ((SECONDS < deadline)) || fail "the server printed no listening line within 60 s"
    sleep 0.1
  done
  base=$(grep -oE 'https?://[0-9.]+:[0-9]+' "$log.out" | head -1 || true)
  [[ -n "$base" ]] || fail "no URL in the listening line: $(cat "$log.out")"
}

stop_server() {
  kill -TERM "$server_pid"
  local deadline=$((SECONDS + 60))
  while kill -0 "$server_pid" 2>/dev/null; do
    ((SECONDS < deadline)) || fail "the server did not exit within 60 s of SIGTERM"
    sleep 0.1
  done
  local status=0
  wait "$server_pid" || status=$?
  [[ $status == 0 ]] || fail "the server exited with $status on SIGTERM"
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
  code=$(curl "${curl_opts[@]}" -o "$work/models.json" -w '%{http_code}' "${auth[@]}" "$base/v1/models")
  [[ "$code" == 200 ]] || fail "/v1/models answered $code"
  check_json "$work/models.json" 'd["object"] == "list" and d["data"][0]["id"] == "wire-model"'

  code=$(curl "${curl_opts[@]}" -o "$work/completion.json" -w '%{http_code}' "${auth[@]}" \
    -H 'Content-Type: application/json' \
    -d '{"model": "wire-model", "prompt": "Say this is a test", "max_tokens": 7, "temperature": 0}' "$base/v1/completions")
  [[ "$code" == 200 ]] || fail "completion answered $code"
  check_json "$work/completion.json" \
    'd["object"] == "text_completion" and d["id"].startswith("cmpl-") and isinstance(d["created"], int) and d["model"] == "wire-model" and len(d["choices"]) == 1 and d["choices"][0]["index"] == 0 and isinstance(d["choices"][0]["text"], str) and d["choices"][0]["finish_reason"] == "length" and d["usage"]["completion_tokens"] == 7 and d["usage"]["total_tokens"] == d["usage"]["prompt_tokens"] + 7'

  code=$(curl "${curl_opts[@]}" -o "$work/chat.json" -w '%{http_code}' "${auth[@]}" \
    -H 'Content-Type: application/json' \
    -d '{"model": "wire-model", "messages": [{"role": "user", "content": "Hello!"}], "max_tokens": 3}' "$base/v1/chat/completions")
  [[ "$code" == 200 ]] || fail "chat answered $code"
  check_json "$work/chat.json" \
    'd["object"] == "chat.completion" and d["id"].startswith("chatcmpl-") and d["choices"][0]["message"]["role"] == "assistant" and len(d["choices"][0]["message"]["content"]) > 0 and d["usage"]["completion_tokens"] == 3'

  curl -N "${curl_opts[@]}" "${auth[@]}" -H 'Content-Type: application/json' -D "$work/stream.head" \
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

  code=$(curl "${curl_opts[@]}" -o "$work/error.json" -w '%{http_code}' "${auth[@]}" \
    -H 'Content-Type: application/json' -d '{"model": "wire-model", "prompt": ' "$base/v1/completions")
  [[ "$code" == 400 ]] || fail "malformed JSON answered $code"
  check_json "$work/error.json" 'd["error"]["type"] == "invalid_request_error" and len(d["error"]["message"]) > 0 and "param" in d["error"] and "code" in d["error"]'

  code=$(curl "${curl_opts[@]}" -o "$work/unauth.json" -w '%{http_code}' \
    -H 'Content-Type: application/json' -d '{"model": "wire-model", "prompt": "x"}' "$base/v1/completions")
  [[ "$code" == 401 ]] || fail "no key answered $code"
  check_json "$work/unauth.json" 'd["error"]["code"] == "invalid_api_key"'

  curl "${curl_opts[@]}" "$base/metrics" > "$work/metrics.txt"
  grep -q '^headroom_ttft_seconds_bucket{class="chat",le="0.05"} ' "$work/metrics.txt" || fail "no SLO bucket in /metrics"
  grep -q '^headroom_requests_total{class="chat"} [1-9]' "$work/metrics.txt" || fail "no request counter in /metrics"
  grep -q '^headroom_http_responses_total{code="4xx"} [1-9]' "$work/metrics.txt" || fail "no 4xx response counted in /metrics"
  grep -q '^process_open_fds [1-9]' "$work/metrics.txt" || fail "no process metrics in /metrics"
  if command -v promtool > /dev/null; then
    promtool check metrics < "$work/metrics.txt" > "$work/promtool.log" 2>&1 ||
      fail "promtool check metrics: $(cat "$work/promtool.log")"
  fi
}

phase="plain HTTP"
start_server
[[ "$base" == http://127.0.0.1:* ]] || fail "binds 127.0.0.1 by default, got $base"
run_checks
stop_server
echo "plain HTTP: ok"

if command -v openssl > /dev/null; then
  phase="TLS"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 1 \
    -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" > "$work/openssl.log" 2>&1 ||
    fail "openssl could not make a certificate: $(cat "$work/openssl.log")"
  start_server --tls-cert "$work/cert.pem" --tls-key "$work/key.pem"
  [[ "$base" == https://* ]] || fail "TLS server did not report https: $base"
  run_checks --cacert "$work/cert.pem"
  # Plain HTTP to the TLS port gets no HTTP answer.
  code=$(command curl -s -o /dev/null -w '%{http_code}' --max-time 10 "${base/https/http}/health" || true)
  [[ "$code" != 200 ]] || fail "plain HTTP was answered on the TLS port"
  stop_server
  echo "TLS: ok"
fi
echo "curl wire checks passed"
