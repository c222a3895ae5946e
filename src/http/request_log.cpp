#include "http/request_log.h"

#include <nlohmann/json.hpp>

namespace chariot::http {

std::string EscapeForLog(const std::string& text) {
  std::string quoted =
      nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return quoted.substr(1, quoted.size() - 2);
}

}  // namespace chariot::http
