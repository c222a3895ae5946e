// Runs the chariot binary with arguments (and optional stdin), capturing its exit code and output.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace chariot::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

CommandResult RunChariot(const std::vector<std::string>& args, const std::string& input = "",
                         const std::map<std::string, std::string>& env = {});

}  // namespace chariot::testing
