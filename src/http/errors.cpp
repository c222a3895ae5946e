#include "http/errors.h"

namespace chariot::http {

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kUnauthenticated:
      return 401;
    case StatusCode::kForbidden:
      return 403;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kConflict:
      return 409;
    case StatusCode::kTooLarge:
      return 413;
    case StatusCode::kUnavailable:
      return 503;
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

void SendError(httplib::Response& res, int http_status, const char* code,
               const std::string& message) {
  nlohmann::json body = {{"error", {{"code", code}, {"message", message}}}};
  res.status = http_status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json");
  if (http_status == 401) res.set_header("WWW-Authenticate", "Bearer");
  if (http_status == 503) res.set_header("Retry-After", "1");
}

void SendError(httplib::Response& res, const Status& status) {
  const std::string& message =
      status.code() == StatusCode::kInternal ? std::string("internal error") : status.message();
  SendError(res, HttpStatusFor(status.code()), StatusCodeName(status.code()), message);
}

void SendJson(httplib::Response& res, const nlohmann::json& body, int http_status) {
  res.status = http_status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json");
}

}  // namespace chariot::http
