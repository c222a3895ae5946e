#include "app/config.h"

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

namespace chariot::app {
namespace {

Status ParsePort(const std::string& text, int& port) {
  char* end = nullptr;
  long value = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || value < 0 || value > 65535) {
    return Status::InvalidArgument("port must be a number from 0 to 65535, not '" + text + "'");
  }
  port = static_cast<int>(value);
  return Status::Ok();
}

Status ParsePositive(const std::string& name, const std::string& text, int& out) {
  char* end = nullptr;
  long value = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || value <= 0 || value > 100000) {
    return Status::InvalidArgument(name + " must be a positive number, not '" + text + "'");
  }
  out = static_cast<int>(value);
  return Status::Ok();
}

}  // namespace

Status LoadConfigFile(const std::string& path, Config& config) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("the config file " + path + " cannot be read");
  nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
  if (!doc.is_object())
    return Status::InvalidArgument("the config file " + path + " is not a JSON object");
  try {
    for (auto& [key, value] : doc.items()) {
      if (key == "host")
        config.host = value.get<std::string>();
      else if (key == "port")
        config.port = value.get<int>();
      else if (key == "db")
        config.db = value.get<std::string>();
      else if (key == "api_token")
        config.api_token = value.get<std::string>();
      else if (key == "admin_token")
        config.admin_token = value.get<std::string>();
      else if (key == "threads")
        config.threads = value.get<int>();
      else if (key == "max_queued")
        config.max_queued = value.get<int>();
      else if (key == "session_ttl_seconds")
        config.session_ttl_seconds = value.get<int>();
      else if (key == "log_requests")
        config.log_requests = value.get<bool>();
      else if (key == "default_locale")
        config.default_locale = value.get<std::string>();
      else if (key == "db_busy_timeout_ms")
        config.db_busy_timeout_ms = value.get<int>();
      else if (key == "db_max_batch")
        config.db_max_batch = value.get<int>();
      else if (key == "db_pool")
        config.db_pool = value.get<int>();
      else
        return Status::InvalidArgument("the config file " + path + " has an unknown key '" + key +
                                       "'");
    }
  } catch (const nlohmann::json::exception&) {
    return Status::InvalidArgument("the config file " + path + " has a value of the wrong type");
  }
  if (config.port < 0 || config.port > 65535)
    return Status::InvalidArgument("port must be 0-65535");
  return Status::Ok();
}

Status ApplyEnvironment(Config& config) {
  auto env = [](const char* name) -> const char* {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? value : nullptr;
  };
  if (const char* v = env("CHARIOT_HOST")) config.host = v;
  if (const char* v = env("CHARIOT_PORT")) {
    if (Status s = ParsePort(v, config.port); !s.ok())
      return Status::InvalidArgument("CHARIOT_PORT: " + s.message());
  }
  if (const char* v = env("CHARIOT_DB")) config.db = v;
  if (const char* v = env("CHARIOT_API_TOKEN")) config.api_token = v;
  if (const char* v = env("CHARIOT_ADMIN_TOKEN")) config.admin_token = v;
  if (const char* v = env("CHARIOT_THREADS")) {
    if (Status s = ParsePositive("CHARIOT_THREADS", v, config.threads); !s.ok()) return s;
  }
  if (const char* v = env("CHARIOT_MAX_QUEUED")) {
    if (Status s = ParsePositive("CHARIOT_MAX_QUEUED", v, config.max_queued); !s.ok()) return s;
  }
  if (const char* v = env("CHARIOT_LOG_REQUESTS")) config.log_requests = std::string(v) != "off";
  if (const char* v = env("CHARIOT_DB_BUSY_TIMEOUT_MS")) {
    if (Status s = ParsePositive("CHARIOT_DB_BUSY_TIMEOUT_MS", v, config.db_busy_timeout_ms);
        !s.ok())
      return s;
  }
  if (const char* v = env("CHARIOT_DB_MAX_BATCH")) {
    if (Status s = ParsePositive("CHARIOT_DB_MAX_BATCH", v, config.db_max_batch); !s.ok()) return s;
  }
  if (const char* v = env("CHARIOT_DB_POOL")) {
    if (Status s = ParsePositive("CHARIOT_DB_POOL", v, config.db_pool); !s.ok()) return s;
  }
  return Status::Ok();
}

Result<std::vector<std::string>> ApplyFlags(const std::vector<std::string>& args, Config& config) {
  std::vector<std::string> rest;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    bool known = flag == "--port" || flag == "--host" || flag == "--db" || flag == "--threads";
    if (!known) {
      rest.push_back(flag);
      continue;
    }
    if (i + 1 >= args.size()) return Status::InvalidArgument(flag + " needs a value");
    const std::string& value = args[++i];
    if (flag == "--port") {
      if (Status s = ParsePort(value, config.port); !s.ok()) return s;
    } else if (flag == "--host") {
      config.host = value;
    } else if (flag == "--db") {
      config.db = value;
    } else if (flag == "--threads") {
      if (Status s = ParsePositive("--threads", value, config.threads); !s.ok()) return s;
    }
  }
  return rest;
}

}  // namespace chariot::app
