#include "http/server.h"

#include <sys/socket.h>

#include <chrono>
#include <cstdio>

#include "core/ids.h"
#include "http/errors.h"
#include "http/request_log.h"
#include "http/routes.h"
#include "http/worker_pool.h"

namespace chariot::http {
namespace {

int64_t NowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// A client-supplied request id is kept only when it is short and plain (it goes into logs).
std::string SafeRequestId(const std::string& candidate) {
  if (candidate.empty() || candidate.size() > 64) return RandomHex(8);
  for (char c : candidate) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return RandomHex(8);
  }
  return candidate;
}

// Refuses with `status` and closes the connection: the unread body must not be taken for the
// next request on this keep-alive connection.
httplib::Server::HandlerResponse Refuse(httplib::Response& res, int status, const char* code,
                                        const std::string& message) {
  SendError(res, status, code, message);
  res.set_header("Connection", "close");
  return httplib::Server::HandlerResponse::Handled;
}

}  // namespace

RequestTrace& CurrentTrace() {
  thread_local RequestTrace trace;
  return trace;
}

Server::Server(ServerDeps deps, ServerOptions options) : deps_(std::move(deps)), options_(options) {
  InstallGuards();
  InstallRoutes();
}

Server::~Server() = default;

void Server::InstallGuards() {
  server_.set_tcp_nodelay(true);  // without it each keep-alive POST waits 40-90 ms (Nagle)
  server_.set_keep_alive_max_count(options_.keep_alive_max_requests);
  server_.set_keep_alive_timeout(options_.keep_alive_timeout_seconds);
  server_.set_read_timeout(options_.read_timeout_seconds, 0);
  server_.set_write_timeout(options_.write_timeout_seconds, 0);
  server_.set_payload_max_length(options_.max_body_bytes);
  server_.set_socket_options([this](socket_t sock) {
    httplib::default_socket_options(sock);
    listen_socket_.store(sock);
  });
  server_.new_task_queue = [this] {
    auto* pool = new WorkerPool(options_.threads, options_.max_queued);
    metrics_.SetQueueDepthSource([pool] { return pool->QueueDepth(); });
    return pool;
  };

  server_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    RequestTrace& trace = CurrentTrace();
    trace.started_micros = NowMicros();
    trace.request_id = SafeRequestId(req.get_header_value("X-Request-Id"));
    res.set_header("X-Request-Id", trace.request_id);
    if (WorkerPool::IsShedding()) {
      metrics_.CountShed();
      return Refuse(res, 503, "unavailable", "the server is busy; retry shortly");
    }
    if (req.has_header("Content-Encoding")) {
      return Refuse(res, 415, "unsupported_media_type",
                    "compressed request bodies are not accepted");
    }
    if (req.has_header("Transfer-Encoding")) {
      return Refuse(res, 411, "length_required",
                    "chunked bodies are not accepted; send Content-Length");
    }
    bool has_body_method = req.method == "POST" || req.method == "PUT" || req.method == "PATCH";
    if (has_body_method && !req.has_header("Content-Length")) {
      return Refuse(res, 411, "length_required", "a request with a body needs Content-Length");
    }
    if (req.has_header("Content-Length")) {
      const std::string length = req.get_header_value("Content-Length");
      size_t bytes = 0;
      bool numeric = !length.empty() && length.size() <= 19;
      for (char c : length) {
        if (c < '0' || c > '9') numeric = false;
      }
      if (!numeric) return Refuse(res, 400, "invalid_argument", "Content-Length is not a number");
      bytes = std::stoull(length);
      if (bytes > options_.max_body_bytes) {
        return Refuse(
            res, 413, "too_large",
            "the body is larger than " + std::to_string(options_.max_body_bytes) + " bytes");
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  // Anything that reaches here with a status >= 400 and no body gets the JSON error shape.
  server_.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        switch (res.status) {
          case 404:
            SendError(res, 404, "not_found", "no such route");
            break;
          case 413:
            SendError(res, 413, "too_large", "the body is too large");
            break;
          case 400:
            SendError(res, 400, "invalid_argument", "malformed request");
            break;
          default:
            SendError(res, res.status, "error", "the request failed");
            break;
        }
        return httplib::Server::HandlerResponse::Handled;
      }));

  // cpp-httplib's default copies e.what() into a response header; never show internals.
  server_.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string detail = "unknown";
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          detail = e.what();
        } catch (...) {
        }
        std::fprintf(stderr,
                     "{\"level\":\"error\",\"event\":\"handler_exception\",\"request_id\":\"%s\","
                     "\"route\":\"%s\",\"detail\":\"%s\"}\n",
                     CurrentTrace().request_id.c_str(), RouteLabel(req.path).c_str(),
                     EscapeForLog(detail).c_str());
        SendError(res, 500, "internal", "internal error");
      });

  // One structured line per request: never bodies, tokens or query strings.
  server_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    RequestTrace& trace = CurrentTrace();
    int64_t micros = trace.started_micros ? NowMicros() - trace.started_micros : 0;
    std::string route = RouteLabel(req.path);
    metrics_.Record(route, res.status, micros);
    if (options_.log_requests) {
      std::fprintf(stderr,
                   "{\"request_id\":\"%s\",\"method\":\"%s\",\"route\":\"%s\",\"status\":%d,"
                   "\"us\":%lld}\n",
                   trace.request_id.c_str(), req.method.size() <= 7 ? req.method.c_str() : "OTHER",
                   route.c_str(), res.status, static_cast<long long>(micros));
    }
    trace.started_micros = 0;
  });
}

void Server::InstallRoutes() {
  AddHealthRoutes(server_, deps_, metrics_);
  AddConverseRoutes(server_, deps_);
  AddCommerceRoutes(server_, deps_);
  AddSupportRoutes(server_, deps_);
  static const platforms::PlatformConfig kNoPlatforms;
  AddPlatformRoutes(server_, deps_, deps_.platforms != nullptr ? *deps_.platforms : kNoPlatforms);
  AddAdminRoutes(server_, deps_);
}

Result<int> Server::Bind(const std::string& host, int port) {
  int bound =
      port == 0 ? server_.bind_to_any_port(host) : (server_.bind_to_port(host, port) ? port : -1);
  if (bound <= 0) {
    return Status::Unavailable("cannot listen on " + host + ":" + std::to_string(port) +
                               " (in use or not permitted)");
  }
  // Debian's shared cpp-httplib listens with a backlog of 5: bursts of connections would see
  // their SYNs dropped. Listening again on the bound socket raises the backlog.
  int sock = listen_socket_.load();
  if (sock >= 0) ::listen(sock, SOMAXCONN);
  return bound;
}

bool Server::Run() { return server_.listen_after_bind(); }

void Server::Stop() { server_.stop(); }

}  // namespace chariot::http
