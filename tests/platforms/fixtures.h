// Reading the recorded platform payloads of tests/fixtures/<platform>/.
#pragma once

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>

namespace chariot::testing {

inline std::string ReadFixture(const std::string& platform, const std::string& name) {
  std::string path = std::string(CHARIOT_SOURCE_DIR) + "/tests/fixtures/" + platform + "/" + name;
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read " + path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// The fixture with every "SESSION_ID" replaced by session_id.
inline std::string ReadFixture(const std::string& platform, const std::string& name,
                               const std::string& session_id) {
  std::string text = ReadFixture(platform, name);
  for (size_t at = text.find("SESSION_ID"); at != std::string::npos;
       at = text.find("SESSION_ID", at + session_id.size())) {
    text.replace(at, 10, session_id);
  }
  return text;
}

inline nlohmann::json ReadJsonFixture(const std::string& platform, const std::string& name,
                                      const std::string& session_id = "SESSION_ID") {
  return nlohmann::json::parse(ReadFixture(platform, name, session_id));
}

}  // namespace chariot::testing
