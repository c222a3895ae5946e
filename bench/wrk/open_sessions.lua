-- Opens a new conversation with every request (no session id: the server starts a new session;
-- empty text: the welcome, which waits for an answer so the session stays open). Used to measure resident
-- memory with many open sessions. Needs CHARIOT_API_TOKEN.
-- Usage: wrk -t2 -c32 -d5s -s bench/wrk/open_sessions.lua http://127.0.0.1:PORT/v1/converse
local common = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")
local token = os.getenv("CHARIOT_API_TOKEN") or ""
local opened = 0

function request()
  opened = opened + 1
  local id = "open-" .. thread_id .. "x" .. opened
  local body = string.format('{"user_id":"%s","locale":"fr-FR","text":""}', id)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json",
                                  ["Authorization"] = "Bearer " .. token}, body)
end
