// Route registration, one function per area, each defined in routes_<area>.cpp.
#pragma once

#include <httplib.h>

#include "http/deps.h"
#include "http/metrics.h"

namespace chariot::http {

// GET /healthz, /readyz, /metrics
void AddHealthRoutes(httplib::Server& server, const ServerDeps& deps, const Metrics& metrics);
// POST /v1/converse, POST /v1/parse
void AddConverseRoutes(httplib::Server& server, const ServerDeps& deps);
// GET /admin (dashboard and login), /admin/api/..., DELETE /v1/users/{id}
void AddAdminRoutes(httplib::Server& server, const ServerDeps& deps);

}  // namespace chariot::http
