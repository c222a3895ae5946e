// `chariot export`: the platform models built from intents/, so the platforms never drift from
// Chariot's own understanding.
//
//   chariot export alexa --locale L [--invocation-name NAME] [--out FILE]
//       the Alexa interaction model (JSON) on stdout, or in FILE
//   chariot export dialogflow-es --locale L --out DIR [--webhook-url URL]
//       a Dialogflow ES agent folder in DIR (zip its content for "Restore from zip")
//
// Intents left out (no template in that locale) are listed on stderr. Exit 0 on success, 1 when
// intents/ cannot be loaded or a file cannot be written, 2 on a usage error.
#pragma once

#include <string>
#include <vector>

namespace chariot::app {

int RunExportCommand(const std::vector<std::string>& args);

}  // namespace chariot::app
