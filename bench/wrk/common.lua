-- Shared by the bench/wrk scripts: per-thread ids, an optional pause between requests (to run
-- at a fraction of the maximum load) and a machine-readable summary line for scripts/bench.
--
-- Environment: BENCH_DELAY_MS (pause per connection between requests, default 0),
-- BENCH_SESSIONS (distinct users/sessions per wrk thread, default 16).
local common = {}

local thread_counter = 0
function setup(thread)
  thread:set("thread_id", thread_counter)
  thread_counter = thread_counter + 1
end

common.sessions = tonumber(os.getenv("BENCH_SESSIONS") or "16")
local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "0")

if delay_ms > 0 then
  function delay()
    return delay_ms
  end
end

-- One line the bench script parses: requests/s, percentiles in microseconds, failures.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format(
    "BENCHJSON {\"requests\":%d,\"rps\":%.1f,\"p50_us\":%d,\"p90_us\":%d,\"p99_us\":%d," ..
    "\"max_us\":%d,\"non2xx\":%d,\"socket_errors\":%d}\n",
    summary.requests, summary.requests / seconds, latency:percentile(50),
    latency:percentile(90), latency:percentile(99), latency.max, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end

-- Precomputes `count` requests from make(i) and returns a request() that cycles through them.
function common.cycle(count, make)
  local prepared = {}
  for i = 1, count do prepared[i] = make(i) end
  local next_index = 0
  return function()
    next_index = next_index % count + 1
    return prepared[next_index]
  end
end

return common
