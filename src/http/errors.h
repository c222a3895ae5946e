// The one place where a Status becomes an HTTP status code and a JSON error body.
//
// Error body (CONTRACTS.md): {"error":{"code":"invalid_argument","message":"..."}}. Internal
// errors never carry their detail to the client; it goes to the log.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace chariot::http {

int HttpStatusFor(StatusCode code);

// Writes the JSON error for status (which must not be OK).
void SendError(httplib::Response& res, const Status& status);
// Writes an error with an explicit HTTP status (411, 413, 415, 503 from the limits).
void SendError(httplib::Response& res, int http_status, const char* code,
               const std::string& message);
void SendJson(httplib::Response& res, const nlohmann::json& body, int http_status = 200);

}  // namespace chariot::http
