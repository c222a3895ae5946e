// ServerProcess: a real `chariot serve --port 0` on a temporary database, for HTTP tests.
//
// Starts the binary built beside the tests, waits for "listening on http://HOST:PORT", and
// stops it with SIGTERM (or kills it with SIGKILL for crash tests). Tokens are fixed by the test
// through CHARIOT_API_TOKEN / CHARIOT_ADMIN_TOKEN.
#pragma once

#include <httplib.h>
#include <sys/types.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/temp_dir.h"

namespace chariot::testing {

inline constexpr const char* kTestApiToken = "test-api-token-0123456789";
inline constexpr const char* kTestAdminToken = "test-admin-token-0123456789";

struct ServerOptions {
  // empty: a fresh temporary database (SQLite; PostgreSQL under CHARIOT_TEST_HTTP_STORE=postgresql)
  std::string db_path;
  std::map<std::string, std::string> env;  // extra environment variables
  std::vector<std::string> args;           // extra arguments to `chariot serve`
};

class ServerProcess {
 public:
  explicit ServerProcess(ServerOptions options = {});
  ~ServerProcess();  // SIGTERM, then wait

  int port() const { return port_; }
  const std::string& db_path() const { return db_path_; }
  pid_t pid() const { return pid_; }
  // stderr of the server so far (its logs).
  std::string Logs() const;

  // A client for this server (keep-alive; timeouts of 5 s).
  std::unique_ptr<httplib::Client> Client() const;
  // POST JSON with the API token; returns the response (status, body).
  httplib::Result PostJson(const std::string& path, const nlohmann::json& body,
                           const std::string& token = kTestApiToken) const;
  httplib::Result Get(const std::string& path, const std::string& token = kTestApiToken) const;

  // Stops with SIGTERM and returns the exit status (as from waitpid's WEXITSTATUS), or -1.
  int Terminate();
  // SIGKILL, no drain: for crash tests.
  void Kill();

 private:
  TempDir dir_;
  std::string db_path_;
  std::string log_path_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// libpq's key=value conninfo (PostgresProcess::NewDatabase) as the URL an operator configures:
// postgresql:///NAME?host=/socket/dir&port=N&user=chariot
std::string PostgresUrl(const std::string& conninfo);

// POST /v1/converse helper: returns the parsed JSON reply (throws on transport failure).
nlohmann::json Converse(const ServerProcess& server, const std::string& user,
                        const std::string& text, const std::string& session_id = "",
                        const std::string& locale = "fr-FR");

}  // namespace chariot::testing
