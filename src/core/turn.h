// Turn: one thing a customer said or did, in a platform-neutral shape.
//
// Platform adapters build a Turn after verifying who sent the request; nothing downstream
// knows which platform spoke. A handler never mutates the Turn it is given.
#pragma once

#include <map>
#include <string>

namespace chariot {

// Slot name -> value. Values are strings in the codes of CONTRACTS.md ("2", "1.5", "l",
// "gas_smell", "2026-11-25", "18:30"); numbers are written in plain decimal.
using Slots = std::map<std::string, std::string>;

enum class TurnKind {
  kLaunch,        // the session opens (Alexa LaunchRequest, a new /v1/converse session)
  kText,          // free text that Chariot's own understanding must read
  kIntent,        // the platform already understood: intent and slots are filled
  kSessionEnded,  // the platform closed the session; nothing can be spoken any more
};

struct Turn {
  TurnKind kind = TurnKind::kText;
  std::string channel;     // "alexa", "dialogflow", "twilio", "api", "chat"
  std::string locale;      // "fr-FR" or "en-US"
  std::string user_id;     // the verified customer id (already mapped from platform ids)
  std::string session_id;  // empty: a new session starts
  std::string text;        // what was said, when known (also kept for verbatims)
  std::string intent;      // for kIntent: a name of the intent inventory
  Slots slots;             // for kIntent
  double confidence = 1.0;
  bool account_linked = true;  // false: an Alexa user without a linked account
  std::string end_reason;      // for kSessionEnded: "user_stopped", "timeout", "error", ...
};

}  // namespace chariot
