// The Dialogflow ES agent built from intents/ (`chariot export dialogflow-es`).
//
// The folder layout of Dialogflow ES's "Export/Restore as ZIP" (zip its content and use
// "Restore from zip" or "Import from zip"):
//   package.json                             {"version":"1.0.0"}
//   agent.json                               language, time zone, webhook URL
//   intents/<Intent>.json                    parameters, webhook on, no static answer
//   intents/<Intent>_usersays_<lang>.json    training phrases, slots annotated with their entity
//   entities/<Type>.json                     one per list or text slot type
//   entities/<Type>_entries_<lang>.json      {"value": our code, "synonyms": [...]}
// Intent display names are the inventory's, so parse.h reads them back as they are. Numbers,
// dates and times use @sys.number, @sys.date and @sys.time; free words (Product) a custom entity
// with automated expansion so unseen products are still captured. "Default Welcome Intent"
// (event WELCOME) and "Default Fallback Intent" are included, both answered by the webhook;
// our own Fallback intent is not exported (the default fallback plays that part).
//
// Thread safety: pure function.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/status.h"
#include "nlu/intents.h"

namespace chariot::platforms::dialogflow {

inline constexpr size_t kMaxTrainingPhrasesPerIntent = 200;

struct AgentExport {
  std::map<std::string, nlohmann::json> files;  // relative path -> content
  std::vector<std::string> skipped;             // intents left out, with the reason
};

// Dialogflow's language code for a locale: "fr-FR" -> "fr", "en-US" -> "en".
std::string AgentLanguage(const std::string& locale);

// InvalidArgument when the locale is not in the model.
Result<AgentExport> BuildEsAgent(const nlu::IntentModel& model, const std::string& locale,
                                 const std::string& webhook_url);

}  // namespace chariot::platforms::dialogflow
