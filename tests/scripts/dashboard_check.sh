#!/usr/bin/env bash
# The ratings dashboard in a real browser: starts `chariot serve --port 0` on a temporary
# database, records survey outcomes through real conversations (POST /v1/converse), logs in
# through the login page and checks in headless Chromium that the page drew its SVG charts:
# in the DOM after its scripts ran (--dump-dom) and in the pixels of a screenshot.
# Usage: tests/scripts/dashboard_check.sh path/to/chariot
set -euo pipefail
chariot=${1:?usage: dashboard_check.sh path/to/chariot}
root=$(cd "$(dirname "$0")/../.." && pwd)
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "dashboard_check: chromium is not installed (scripts/install-deps chromium)" >&2
  exit 1
fi

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

export CHARIOT_HOME="$root"
export CHARIOT_API_TOKEN="dashboard-check-api-$RANDOM$RANDOM"
export CHARIOT_ADMIN_TOKEN="dashboard-check-admin-$RANDOM$RANDOM"
export CHARIOT_SURVEY_MIN_DAYS=0
"$chariot" serve --port 0 --db "$work/chariot.db" >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
base=""
for _ in $(seq 1 200); do
  base=$(grep -ho 'listening on http://[^ ]*' "$work/server.out" "$work/server.err" 2>/dev/null | head -1 | sed 's/listening on //') || true
  [ -n "$base" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.err" >&2; echo "dashboard_check: the server did not start" >&2; exit 1; }
  sleep 0.05
done
[ -n "$base" ] || { echo "dashboard_check: the server never said where it listens" >&2; exit 1; }

converse() {  # user session_id text -> prints the JSON reply
  local body
  body=$(python3 -c 'import json,sys; d={"user_id":sys.argv[1],"text":sys.argv[3],"locale":sys.argv[4]}
if sys.argv[2]: d["session_id"]=sys.argv[2]
print(json.dumps(d))' "$1" "$2" "$3" "${4:-fr-FR}")
  curl -sS --fail -H "Authorization: Bearer $CHARIOT_API_TOKEN" -H 'Content-Type: application/json' \
    --data-binary "$body" "$base/v1/converse"
}
field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

rate() {  # user answer [follow-up] [locale]
  local id done_text="c'est tout"
  [ "${4:-fr-FR}" = "en-US" ] && done_text="that's all"
  id=$(converse "$1" "" "" "${4:-fr-FR}" | field session_id)
  converse "$1" "$id" "$done_text" "${4:-fr-FR}" >/dev/null
  if [ "$(converse "$1" "$id" "$2" "${4:-fr-FR}" | field end_session)" = "False" ]; then
    converse "$1" "$id" "${3:-rien}" "${4:-fr-FR}" >/dev/null
  fi
}

i=0
for answer in dix neuf "10 sur 10" "je dirais neuf" huit sept "bof, cinq" deux "dix sur dix" neuf; do
  i=$((i + 1))
  rate "client-$i" "$answer" "<b>la livraison</b> était en retard & froide"
done
rate "client-en" "eight" "" en-US
id=$(converse refus "" "" | field session_id)
converse refus "$id" "c'est tout" >/dev/null
converse refus "$id" "non merci" >/dev/null
id=$(converse stoppe "" "" | field session_id)
converse stoppe "$id" "stop" >/dev/null

answered=$(curl -sS --fail -H "Authorization: Bearer $CHARIOT_ADMIN_TOKEN" "$base/admin/api/nps" | field n)
if [ "$answered" -ne 11 ]; then
  echo "dashboard_check: the conversations recorded $answered NPS answers, not 11" \
       "(is \"c'est tout\" understood as Done by intents/?)" >&2
  exit 1
fi

status=$(curl -s -o /dev/null -w '%{http_code}' "$base/admin/api/nps")
[ "$status" = 401 ] || { echo "dashboard_check: /admin/api/nps without a token answered $status" >&2; exit 1; }

run_browser() {
  "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d -p "$work")" --virtual-time-budget=5000 \
    --window-size=1280,2000 "$@" "$base/admin/login#token=$CHARIOT_ADMIN_TOKEN" 2>>"$work/browser.err"
}
run_browser --dump-dom >"$work/dom.html"
run_browser --screenshot="$work/dashboard.png" >/dev/null

fail=0
expect() {  # description, extended regex
  if ! grep -Eq "$2" "$work/dom.html"; then echo "dashboard_check: missing $1" >&2; fail=1; fi
}
expect "the loaded page" 'data-loaded="true"'
expect "the NPS-over-time chart" 'data-chart="nps-over-time"'
expect "its margin band" '<polygon class="band"'
expect "its NPS line" '<polyline class="nps-line"'
expect "the NPS-by-flow chart" 'data-chart="nps-by-flow"'
expect "the NPS-by-channel chart" 'data-chart="nps-by-channel"'
expect "the NPS-by-locale chart" 'data-chart="nps-by-locale"'
expect "the score distribution" 'data-chart="score-distribution"'
expect "the outcome breakdown" 'data-chart="outcomes"'
expect "promoter bars" '<rect class="bar promoter"'
expect "detractor bars" '<rect class="bar detractor"'
expect "the UX metrics (a task success rate)" '<td>[0-9.]+ %</td>'
expect "a verbatim, escaped as text" '&lt;b&gt;la livraison&lt;/b&gt; était en retard &amp; froide'
expect "the call-back list" '<button type="button">Marquer comme contacté</button>'
if grep -q '<b>la livraison</b>' "$work/dom.html"; then
  echo "dashboard_check: a verbatim was injected as markup" >&2; fail=1
fi

# The screenshot: the charts' colours must be painted (promoter green, detractor red, NPS blue).
python3 - "$work/dashboard.png" <<'PY' || fail=1
import re, struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, idat, width = 8, b'', 0
while pos < len(data):
    length, kind = struct.unpack('>I4s', data[pos:pos + 8])
    chunk = data[pos + 8:pos + 8 + length]
    if kind == b'IHDR':
        width, height, depth, color = struct.unpack('>IIBB', chunk[:10])
        assert depth == 8 and color in (2, 6), 'unexpected PNG format'
        channels = 3 if color == 2 else 4
    elif kind == b'IDAT':
        idat += chunk
    pos += 12 + length
raw = zlib.decompress(idat)
stride = width * channels
colours = {'promoter': (0x1b, 0x7f, 0x3b), 'detractor': (0xc0, 0x39, 0x2b), 'nps': (0x14, 0x3d, 0x59)}
# Anti-aliasing and colour conversion move a channel by a few units: match within 6.
targets = {}
for name, rgb in colours.items():
    classes = b''.join(b'[\\x%02x-\\x%02x]' % (max(0, v - 6), min(255, v + 6)) for v in rgb)
    targets[name] = re.compile(classes + (b'.' if channels == 4 else b''), re.DOTALL)
counts = dict.fromkeys(targets, 0)
prev = bytes(stride)
i = 0
for _ in range(height):
    f = raw[i]; line = raw[i + 1:i + 1 + stride]; i += 1 + stride
    if f == 2:
        line = bytes((x + y) & 255 for x, y in zip(line, prev))
    elif f in (1, 3, 4):
        out = bytearray(line)
        for x in range(stride):
            a = out[x - channels] if x >= channels else 0
            b = prev[x]
            if f == 1:
                out[x] = (out[x] + a) & 255
            elif f == 3:
                out[x] = (out[x] + ((a + b) >> 1)) & 255
            else:
                c = prev[x - channels] if x >= channels else 0
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                out[x] = (out[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        line = bytes(out)
    # Bars and lines are filled with the exact colours of dashboard.css.
    for name, pattern in targets.items():
        counts[name] += len(pattern.findall(line))
    prev = line
missing = [n for n, c in counts.items() if c < 200]
if missing:
    print('dashboard_check: the screenshot lacks painted chart colours: %s (%s)' % (missing, counts), file=sys.stderr)
    sys.exit(1)
PY

if [ "$fail" -ne 0 ]; then
  keep=$(mktemp -d "${TMPDIR:-/tmp}/dashboard_check.XXXXXX")
  cp "$work/dom.html" "$work/dashboard.png" "$work/server.err" "$keep/" 2>/dev/null || true
  echo "dashboard_check: FAILED (DOM, screenshot and server log kept in $keep)" >&2
  exit 1
fi
echo "dashboard_check: OK — charts in the DOM and painted in the screenshot"
