// The Alexa interaction model built from intents/ (`chariot export alexa`).
//
// The JSON the Alexa developer console's JSON Editor and the ASK CLI accept
// ({"interactionModel":{"languageModel":{"invocationName","intents","types"}}}):
//   - the inventory's own intents, named as in intents.json, with their slots and sample
//     utterances expanded from the templates ({slot} kept as Alexa writes slots);
//   - Yes, No, Help, Stop, Cancel, Repeat, Next as AMAZON.* built-ins (parse.h maps them back),
//     extended with our samples; AMAZON.NavigateHomeIntent (required) and
//     AMAZON.FallbackIntent (our Fallback) without samples;
//   - custom slot types for list slots (values with our codes as ids, synonyms) and for text
//     slots (sample values; Alexa still hears words outside them); numbers, dates and times use
//     AMAZON.NUMBER, AMAZON.DATE and AMAZON.TIME.
// Alexa's rules on samples are applied: no digits or symbols (hyphens become spaces), at most
// 200 characters, each sample in one intent only, at most kMaxSamplesPerIntent per intent.
// Intents with no template in the locale are left out and reported.
//
// Thread safety: pure function.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/status.h"
#include "nlu/intents.h"

namespace chariot::platforms::alexa {

inline constexpr size_t kMaxSamplesPerIntent = 300;
inline constexpr size_t kMaxSampleCharacters = 200;

struct InteractionModelExport {
  nlohmann::json model;
  std::vector<std::string> skipped;  // intents left out, with the reason, for the operator
};

// InvalidArgument when the locale is not in the model or the invocation name breaks Alexa's
// rules (lower-case letters, spaces, apostrophes, periods; two words at least).
Result<InteractionModelExport> BuildInteractionModel(const nlu::IntentModel& model,
                                                     const std::string& locale,
                                                     const std::string& invocation_name);

// The default invocation name for a locale: "chariot courses" (fr-FR), "chariot shopping".
std::string DefaultInvocationName(const std::string& locale);

}  // namespace chariot::platforms::alexa
