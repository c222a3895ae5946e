// The native API's conversation routes: POST /v1/converse and POST /v1/parse.
#include "core/clock.h"
#include "core/turn.h"
#include "dialog/engine.h"
#include "http/auth.h"
#include "http/errors.h"
#include "http/json_body.h"
#include "http/routes.h"
#include "nlu/parser.h"
#include "nlu/understanding_json.h"

namespace chariot::http {
namespace {

constexpr size_t kMaxTextBytes = 4096;

Result<std::string> ReadLocale(const nlohmann::json& body) {
  auto locale = OptionalString(body, "locale", 16);
  if (!locale.ok()) return locale;
  if (locale->empty()) return std::string("fr-FR");
  if (*locale != "fr-FR" && *locale != "en-US") {
    return Status::InvalidArgument("'locale' must be fr-FR or en-US");
  }
  return locale;
}

void Converse(const ServerDeps& deps, const httplib::Request& req, httplib::Response& res) {
  if (Status auth = CheckBearer(req, deps.secrets.api_token); !auth.ok())
    return SendError(res, auth);
  if (deps.engine == nullptr)
    return SendError(res, Status::Unavailable("conversation unavailable"));
  auto body = ParseJsonBody(req);
  if (!body.ok()) return SendError(res, body.status());
  auto user_id = RequiredString(*body, "user_id", 128);
  if (!user_id.ok()) return SendError(res, user_id.status());
  if (!IsValidUserId(*user_id)) {
    return SendError(res,
                     Status::InvalidArgument("'user_id' must be 1-128 of A-Z a-z 0-9 . _ : @ -"));
  }
  auto session_id = OptionalString(*body, "session_id", 128);
  if (!session_id.ok()) return SendError(res, session_id.status());
  auto locale = ReadLocale(*body);
  if (!locale.ok()) return SendError(res, locale.status());
  auto text = OptionalString(*body, "text", kMaxTextBytes);
  if (!text.ok()) return SendError(res, text.status());

  Turn turn;
  turn.kind = session_id->empty() && text->empty() ? TurnKind::kLaunch : TurnKind::kText;
  turn.channel = "api";
  turn.locale = *locale;
  turn.user_id = *user_id;
  turn.session_id = *session_id;
  turn.text = *text;
  Reply reply = deps.engine->Handle(turn);
  SendJson(res, {{"session_id", reply.session_id},
                 {"speech", reply.speech},
                 {"ssml", reply.ssml},
                 {"end_session", reply.end_session},
                 {"intent", reply.intent}});
}

void Parse(const ServerDeps& deps, const httplib::Request& req, httplib::Response& res) {
  if (Status auth = CheckBearer(req, deps.secrets.api_token); !auth.ok())
    return SendError(res, auth);
  if (deps.parser == nullptr)
    return SendError(res, Status::Unavailable("understanding unavailable"));
  auto body = ParseJsonBody(req);
  if (!body.ok()) return SendError(res, body.status());
  auto text = OptionalString(*body, "text", kMaxTextBytes);
  if (!text.ok()) return SendError(res, text.status());
  if (!body->contains("text")) return SendError(res, Status::InvalidArgument("'text' is required"));
  auto locale = ReadLocale(*body);
  if (!locale.ok()) return SendError(res, locale.status());
  int64_t now = deps.clock != nullptr ? deps.clock->NowSeconds() : SystemClock().NowSeconds();
  nlu::Understanding understanding = deps.parser->Parse(*text, *locale, now);
  SendJson(res, nlu::UnderstandingToJson(*text, understanding, deps.products, *locale));
}

}  // namespace

void AddConverseRoutes(httplib::Server& server, const ServerDeps& deps) {
  server.Post("/v1/converse", [deps](const httplib::Request& req, httplib::Response& res) {
    Converse(deps, req, res);
  });
  server.Post("/v1/parse", [deps](const httplib::Request& req, httplib::Response& res) {
    Parse(deps, req, res);
  });
}

}  // namespace chariot::http
