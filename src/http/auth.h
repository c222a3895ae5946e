// Bearer-token checks for the native and admin APIs.
#pragma once

#include <httplib.h>

#include <string>

#include "core/status.h"

namespace chariot::http {

// OK when the request carries "Authorization: Bearer <expected>" (compared in constant time);
// Unauthenticated otherwise. An empty expected token refuses everything.
Status CheckBearer(const httplib::Request& req, const std::string& expected);

// True when id is a plausible customer id: 1..128 of [A-Za-z0-9._:@-]. Ids come from URLs and
// bodies and end up in logs and queries, so anything else is refused early.
bool IsValidUserId(const std::string& id);

}  // namespace chariot::http
