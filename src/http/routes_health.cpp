#include "http/errors.h"
#include "http/routes.h"

namespace chariot::http {

void AddHealthRoutes(httplib::Server& server, const ServerDeps& deps, const Metrics& metrics) {
  server.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    SendJson(res, {{"status", "ok"}});
  });
  server.Get("/readyz", [deps](const httplib::Request&, httplib::Response& res) {
    Status status = !deps.ping ? Status::Unavailable("no database") : deps.ping();
    if (!status.ok()) return SendError(res, Status::Unavailable("the database is not reachable"));
    SendJson(res, {{"status", "ready"}});
  });
  server.Get("/metrics", [&metrics](const httplib::Request&, httplib::Response& res) {
    res.set_content(metrics.Render(), "text/plain; version=0.0.4");
  });
}

}  // namespace chariot::http
