#include <cstdio>

#include "app/commands.h"

namespace chariot::app {

bool WantsHelp(const std::vector<std::string>& args) {
  for (const auto& arg : args) {
    if (arg == "--help" || arg == "-h") return true;
  }
  return false;
}

int Fail(const std::string& command, const std::string& message, int code) {
  std::fprintf(stderr, "chariot %s: %s\n", command.c_str(), message.c_str());
  return code;
}

}  // namespace chariot::app
