-- A read-only request: GET /v1/users/{id}/list with the native API token (no write at all).
-- Needs CHARIOT_API_TOKEN in the environment.
-- Usage: wrk -t2 -c32 -d10s -s bench/wrk/list_read.lua http://127.0.0.1:PORT
local common = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")
local token = os.getenv("CHARIOT_API_TOKEN") or ""

function init(args)
  request = common.cycle(common.sessions, function(i)
    local path = "/v1/users/bench-" .. thread_id .. "x" .. i .. "/list"
    return wrk.format("GET", path, {["Authorization"] = "Bearer " .. token})
  end)
end
