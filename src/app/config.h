// Config: everything `chariot serve` and friends can be told, from a JSON config file, then
// environment variables (each overriding the file), then command-line flags.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace chariot::app {

struct Config {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string db = "./chariot.db";  // a SQLite file, or a PostgreSQL URL (postgresql://...)
  std::string api_token;            // empty: generated and stored with the database
  std::string admin_token;          // empty: generated and stored with the database
  int threads = 64;
  int max_queued = 256;
  int session_ttl_seconds = 1800;
  bool log_requests = true;
  std::string default_locale = "fr-FR";
  // How long a write waits for a database locked by another process before the turn apologises;
  // kept under the platforms' deadlines (Dialogflow 5 s, Alexa 8 s).
  int db_busy_timeout_ms = 2000;
  // Most concurrent writes committed together (group commit); 1 commits each write alone.
  int db_max_batch = 128;
  // PostgreSQL (db = "postgresql://..."): connections each instance keeps open.
  int db_pool = 8;
};

// Reads the JSON object in path into config (only the keys present). One-sentence errors.
Status LoadConfigFile(const std::string& path, Config& config);
// Applies CHARIOT_* environment variables.
Status ApplyEnvironment(Config& config);
// Parses "--port 0" style flags shared by the commands into config. Returns the flags it did
// not know (the command decides whether they are errors).
Result<std::vector<std::string>> ApplyFlags(const std::vector<std::string>& args, Config& config);

}  // namespace chariot::app
