#!/usr/bin/env bash
# Fuzzes the serving edge with libFuzzer (clang, AddressSanitizer and UBSan) for a bounded time:
#  fuzz_http_request: HTTP/1.1 request parsing as the server does it (net/http_server.cpp);
#  fuzz_json_request: completion/chat body validation and the serve/route configuration readers;
#  fuzz_stream_header: the QUIC stream header reader, fed in pieces (net/quic/stream_header.cpp);
#  fuzz_quic_datagram: datagrams from anyone to a QUIC server endpoint (net/quic: connection ids,
#    Initial acceptance, Version Negotiation, ngtcp2's packet and frame parsing, the timers).
# Usage: scripts/fuzz_http.sh [seconds per target, default 60] [work dir, default build/fuzz]
# Exits non-zero when a target crashes; the crashing input is left in the work dir.
set -euo pipefail

seconds=${1:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${2:-$root/build/fuzz}
mkdir -p "$work"
cxx=${CXX_FUZZ:-clang++}
command -v "$cxx" > /dev/null || { echo "error: $cxx not found (set CXX_FUZZ)" >&2; exit 2; }

flags=(-std=c++20 -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
       -I"$root" -DSPDLOG_COMPILED_LIB -DSPDLOG_SHARED_LIB -DSPDLOG_FMT_EXTERNAL -DFMT_SHARED
       -DBOOST_ASIO_NO_DEPRECATED -DBOOST_BEAST_USE_STD_STRING_VIEW
       "-DHEADROOM_SOURCE_RESOURCE_DIR=\"$root/resources\"" "-DHEADROOM_VERSION=\"fuzz\"")
libs=(-lsqlite3 -lspdlog -lfmt -lssl -lcrypto -lngtcp2 -lngtcp2_crypto_gnutls -lgnutls -lpthread)

# The libraries under test, instrumented, in one archive: engine (without CUDA), net and serve. A source
# is compiled again only when it is newer than its object.
mkdir -p "$work/obj"
object_of() { echo "$work/obj/$(realpath --relative-to="$root" "$1" | tr '/' '_').o"; }
mapfile -t sources < <(find "$root/engine" "$root/net" "$root/serve" -name '*.cpp' -not -path '*/exec/cuda/*' | sort)
stale=()
for source in "${sources[@]}"; do
  object=$(object_of "$source")
  [[ -f "$object" && "$object" -nt "$source" ]] || stale+=("$source")
done
if [[ ${#stale[@]} -gt 0 ]]; then
  echo "compiling ${#stale[@]} sources for fuzzing" >&2
  export -f object_of
  export root work
  printf '%s\n' "${stale[@]}" | xargs -P "$(nproc)" -I{} bash -c '"$@" -c "{}" -o "$(object_of "{}")"' _ "$cxx" "${flags[@]}"
  rm -f "$work/libunder_test.a"
fi
[[ -f "$work/libunder_test.a" ]] || ar rcs "$work/libunder_test.a" "$work"/obj/*.o

build() {
  local name=$1
  if [[ ! -x "$work/$name" || "$root/tests/fuzz/$name.cpp" -nt "$work/$name" || "$work/libunder_test.a" -nt "$work/$name" ]]; then
    echo "building $name" >&2
    "$cxx" "${flags[@]}" -fsanitize=fuzzer "$root/tests/fuzz/$name.cpp" "$work/libunder_test.a" -o "$work/$name" "${libs[@]}"
  fi
}

build fuzz_json_request
build fuzz_http_request
build fuzz_stream_header
build fuzz_quic_datagram

# Seeds: a few well-formed inputs so the fuzzer starts inside the interesting paths.
seed() {
  local dir=$work/corpus_$1
  mkdir -p "$dir"
  shift
  local i=0
  for text in "$@"; do printf '%b' "$text" > "$dir/seed$i"; i=$((i + 1)); done
}
seed fuzz_http_request \
  'POST /v1/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{"prompt":1}\n' \
  'GET /metrics?x=1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sk-1\r\n\r\n' \
  'POST /v1/chat/completions HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n'
seed fuzz_json_request \
  '{"model": "m", "prompt": "hello", "max_tokens": 5, "stream": true, "stream_options": {"include_usage": true}}' \
  '{"model": "m", "messages": [{"role": "user", "content": [{"type": "text", "text": "hi"}]}], "qos_class": "chat"}' \
  '{"model": "m", "prompt": [[1, 2, 3]], "n": 1, "stop": ["a"], "temperature": 0.5}' \
  '{"executor": {"kind": "constant", "iteration_s": 0.01}, "classes": [{"name": "a", "slo": {"ttft_s": 1}, "queue_limit": 3}], "tenants": [{"name": "t", "classes": ["a"], "keys": ["sk-0123456789"]}], "members": [{"url": "http://127.0.0.1:1"}], "routing": {"policy": "weighted", "shares": {"a": [1]}}}'
# The first byte of a stream header input sets the size of the pieces it is fed in.
seed fuzz_stream_header \
  '\x01H\x01\x00\x09\x05\x01\x00\x00\x00\x0f\x42\x40\x00\x00\x20\x00real-timereq-1POST / HTTP/1.1' \
  '\x10H\x01\x02\x0b\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x90\x00best-effort' \
  '\x03H\x01\x01\x02\x80\x01\x00\x00\x00\x00\x00\x00\x04\x00\x00\x00rt'
# Datagrams start from a real client Initial (a zero byte, then the 1,200-byte datagram a QuicConnection
# sends first), so mutations reach Initial acceptance and packet protection.
mkdir -p "$work/corpus_fuzz_quic_datagram"
cp "$root"/tests/fuzz/seeds/fuzz_quic_datagram/* "$work/corpus_fuzz_quic_datagram/"

status=0
for target in fuzz_http_request fuzz_json_request fuzz_stream_header fuzz_quic_datagram; do
  echo "fuzzing $target for $seconds s" >&2
  if ! (cd "$work" && ASAN_OPTIONS=detect_leaks=1 "./$target" -max_total_time="$seconds" -max_len=8192 -timeout=10 \
          -rss_limit_mb=2048 -print_final_stats=1 "corpus_$target" 2> "$target.log"); then
    echo "FAIL: $target crashed; see $work/$target.log and the crash-* file there" >&2
    tail -40 "$work/$target.log" >&2
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$work/$target.log" | sed "s/^/$target: /"
  fi
done
exit $status
