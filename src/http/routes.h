// Route registration, one function per area, each defined in routes_<area>.cpp.
#pragma once

#include <httplib.h>

#include "http/deps.h"
#include "http/metrics.h"
#include "platforms/platform_config.h"

namespace chariot::http {

// GET /healthz, /readyz, /metrics
void AddHealthRoutes(httplib::Server& server, const ServerDeps& deps, const Metrics& metrics);
// POST /v1/converse, POST /v1/parse
void AddConverseRoutes(httplib::Server& server, const ServerDeps& deps);
// GET /v1/users/{user_id}/tickets
void AddSupportRoutes(httplib::Server& server, const ServerDeps& deps);
// POST /alexa, /dialogflow/es, /dialogflow/cx, /twilio/voice (routes_platforms.cpp)
void AddPlatformRoutes(httplib::Server& server, const ServerDeps& deps,
                       const platforms::PlatformConfig& config);
// GET /admin (dashboard and login), /admin/api/..., DELETE /v1/users/{id}
// GET/POST/PATCH/DELETE /v1/users/{id}/list[/{sku}], GET /v1/users/{id}/orders
void AddCommerceRoutes(httplib::Server& server, const ServerDeps& deps);
void AddAdminRoutes(httplib::Server& server, const ServerDeps& deps);

}  // namespace chariot::http
