// `chariot check alexa-request`: explains, step by step, whether a captured Alexa request would
// be accepted, and exits 0 when it would, 1 when it would not, 2 on a usage error.
//
//   chariot check alexa-request --body F --headers F [--at EPOCH] [--chain PEM] [--trust PEM]
//                               [--skill-id ID]
//
// --headers is a JSON object of header names to values (names in any case). --chain uses that
// PEM instead of fetching the SignatureCertChainUrl; --trust trusts only those roots instead of
// the system store; --at checks at that Unix time instead of now; --skill-id (or
// CHARIOT_ALEXA_SKILL_ID, comma separated) also checks the application id.
#pragma once

#include <string>
#include <vector>

namespace chariot::app {

int RunCheckCommand(const std::vector<std::string>& args);

}  // namespace chariot::app
