// Server: Chariot's HTTP front, cpp-httplib with the defaults we must change (DESIGN.md):
// TCP_NODELAY, long keep-alive with a short idle timeout, a bounded pool that answers 503 when
// full, a listen backlog of SOMAXCONN, limits checked before any body is read, a JSON error for
// every failure, an exception handler that never leaks what(), one log line per request.
//
// Thread safety: configure, Bind() and Run() from one thread; Stop() from any thread (signals).
#pragma once

#include <httplib.h>

#include <atomic>
#include <memory>
#include <string>

#include "core/status.h"
#include "http/deps.h"
#include "http/metrics.h"

namespace chariot::http {

struct ServerOptions {
  size_t threads = 64;
  size_t max_queued = 256;
  size_t max_body_bytes = 64 * 1024;
  int read_timeout_seconds = 5;
  int write_timeout_seconds = 5;
  int keep_alive_timeout_seconds = 2;
  size_t keep_alive_max_requests = 100000;
  bool log_requests = true;
};

class Server {
 public:
  Server(ServerDeps deps, ServerOptions options);
  ~Server();

  // Binds host:port (port 0 picks a free one). Returns the bound port.
  Result<int> Bind(const std::string& host, int port);
  // Serves until Stop(); in-flight requests finish before it returns. False on a socket error.
  bool Run();
  // Stops accepting and drains. Async-signal-unsafe: call from a normal thread.
  void Stop();

  httplib::Server& raw() { return server_; }
  Metrics& metrics() { return metrics_; }
  const ServerDeps& deps() const { return deps_; }

 private:
  void InstallGuards();
  void InstallRoutes();

  ServerDeps deps_;
  ServerOptions options_;
  httplib::Server server_;
  Metrics metrics_;
  std::atomic<int> listen_socket_{-1};
};

}  // namespace chariot::http
