// `chariot parse [--locale fr-FR] [--now ISO8601] [TEXT]`: understanding only (CONTRACTS.md).
// Prints one JSON object for TEXT, or one per line of stdin when TEXT is absent. The command
// loads only intents/ (no database), so it reports the product words without a catalog match;
// POST /v1/parse adds "sku" and "product_name" through the app's ProductResolver.
#pragma once

#include <string>
#include <vector>

namespace chariot::app {

int RunParseCommand(const std::vector<std::string>& args);

}  // namespace chariot::app
