// `chariot parse [--locale fr-FR] [--now ISO8601] [TEXT]`: understanding only (CONTRACTS.md).
// Prints one JSON object for TEXT, or one per line of stdin when TEXT is absent. Products are
// resolved against the demo catalog when the commerce layer provides a resolver (see
// MakeCommandProductResolver in parse_command.cpp).
#pragma once

#include <string>
#include <vector>

namespace chariot::app {

int RunParseCommand(const std::vector<std::string>& args);

}  // namespace chariot::app
