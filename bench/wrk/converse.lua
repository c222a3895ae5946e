-- A native-API turn that goes through the understanding: POST /v1/converse with the text
-- "ajoute deux litres de lait" in a continuing session. Each wrk thread plays BENCH_SESSIONS
-- customers. Needs CHARIOT_API_TOKEN (the server's native API token) in the environment.
-- Usage: wrk -t2 -c32 -d10s -s bench/wrk/converse.lua http://127.0.0.1:PORT/v1/converse
local common = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")
local token = os.getenv("CHARIOT_API_TOKEN") or ""
local text = os.getenv("BENCH_TEXT") or "ajoute deux litres de lait"

function init(args)
  local path = wrk.path
  request = common.cycle(common.sessions, function(i)
    local id = "bench-" .. thread_id .. "x" .. i
    local body = string.format(
      '{"user_id":"%s","session_id":"%s","locale":"fr-FR","text":"%s"}', id, id, text)
    return wrk.format("POST", path, {["Content-Type"] = "application/json",
                                     ["Authorization"] = "Bearer " .. token}, body)
  end)
end
