-- An Alexa AddItem turn ("ajoute deux litres de lait demi-écrémé") that writes the shopping list
-- durably. Each wrk thread plays BENCH_SESSIONS customers, each in its own Alexa session.
-- Run against a server with CHARIOT_ALEXA_VERIFY=off (no signature headers are sent).
-- Usage: wrk -t2 -c32 -d10s -s bench/wrk/alexa_add_item.lua http://127.0.0.1:PORT/alexa
local common = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")

local skill = "amzn1.ask.skill.5c6f7a1b-2d3e-4f50-8a9b-0c1d2e3f4a5b"
local template = [[{"version":"1.0","session":{"new":false,"sessionId":"amzn1.echo-api.session.bench-SESSION",
"application":{"applicationId":"SKILL"},"attributes":{"chariot_session_id":"bench-alexa-SESSION"},
"user":{"userId":"amzn1.ask.account.BENCHUSERSESSION"}},"context":{"System":{"application":{"applicationId":"SKILL"},
"user":{"userId":"amzn1.ask.account.BENCHUSERSESSION"},"device":{"deviceId":"amzn1.ask.device.BENCH","supportedInterfaces":{}},
"apiEndpoint":"https://api.eu.amazonalexa.com"}},"request":{"type":"IntentRequest",
"requestId":"amzn1.echo-api.request.bench","locale":"fr-FR","timestamp":"2026-11-24T10:15:20Z","dialogState":"COMPLETED",
"intent":{"name":"AddItem","confirmationStatus":"NONE","slots":{
"product":{"name":"product","value":"lait demi-écrémé","confirmationStatus":"NONE","source":"USER",
"resolutions":{"resolutionsPerAuthority":[{"authority":"amzn1.er-authority.echo-sdk.SKILL.ProductType",
"status":{"code":"ER_SUCCESS_MATCH"},"values":[{"value":{"name":"lait demi-écrémé","id":"lait_demi_ecreme"}}]}]}},
"quantity":{"name":"quantity","value":"2","confirmationStatus":"NONE","source":"USER"},
"unit":{"name":"unit","value":"litres","confirmationStatus":"NONE","source":"USER",
"resolutions":{"resolutionsPerAuthority":[{"authority":"amzn1.er-authority.echo-sdk.SKILL.UnitType",
"status":{"code":"ER_SUCCESS_MATCH"},"values":[{"value":{"name":"litre","id":"l"}}]}]}}}}}}]]

function init(args)
  local path = wrk.path
  request = common.cycle(common.sessions, function(i)
    local session = thread_id .. "x" .. i
    local body = template:gsub("SKILL", skill):gsub("SESSION", session):gsub("\n", "")
    return wrk.format("POST", path, {["Content-Type"] = "application/json"}, body)
  end)
end
