// Reply: what Chariot answers to a Turn, before a platform adapter renders it.
#pragma once

#include <string>
#include <vector>

namespace chariot {

enum class Handoff {
  kNone,
  kHuman,        // hand the customer to a person: phone transfer, Dialogflow handoff, callback
  kLinkAccount,  // the platform must ask the customer to link an account (Alexa card)
};

struct Reply {
  std::string session_id;
  std::string speech;           // plain text of what is said
  std::string ssml;             // the same as <speak>...</speak>, every data string escaped
  std::string reprompt_speech;  // said when the customer stays silent; empty when none
  std::string reprompt_ssml;
  bool end_session = false;
  std::string intent;           // the intent understood for this turn
  std::string card_title;       // a short visual summary (Alexa card), optional
  std::string card_text;
  Handoff handoff = Handoff::kNone;
  std::string handoff_number;   // for kHuman on the phone: where to transfer
};

}  // namespace chariot
