// Context: what a flow handler gets for one turn, and the Response it fills.
#pragma once

#include <map>
#include <string>

#include "core/clock.h"
#include "core/reply.h"
#include "core/speech.h"
#include "core/turn.h"
#include "dialog/prompts.h"
#include "dialog/services.h"
#include "dialog/session.h"

namespace chariot::dialog {

// What the handler decides to say and do. The engine turns it into a Reply.
struct Response {
  Speech speech;
  Speech reprompt;            // empty: the engine reuses the question itself
  bool expect_answer = true;  // false: say it and close the session right away (no survey)
  // The natural end of the conversation (the customer has what they came for): the engine runs
  // the end-of-session stage (the satisfaction question) before it says goodbye.
  bool finish = false;
  std::string
      end_reason;  // when the session closes without the survey: "user_stopped", "emergency"...
  // The handler could not make sense of the answer: the engine counts it and, on the third in a
  // row, ends the conversation gracefully instead of asking again.
  bool not_understood = false;
  std::string card_title;
  std::string card_text;
  Handoff handoff = Handoff::kNone;
  std::string handoff_number;
};

struct Context {
  const Turn& turn;           // never mutated by handlers
  const std::string& intent;  // understood intent (from the platform or our parser)
  const Slots& slots;         // understood slots
  Session& session;
  const Prompts& prompts;
  const Services& services;
  const Clock& clock;

  // The prompt `key` in the session's locale with {placeholders} filled from vars.
  std::string Say(const std::string& key,
                  const std::map<std::string, std::string>& vars = {}) const {
    return prompts.Render(session.locale, key, vars, session.turns);
  }
  // The slot's value, or "" when absent.
  std::string Slot(const std::string& name) const {
    auto it = slots.find(name);
    return it == slots.end() ? std::string() : it->second;
  }
};

}  // namespace chariot::dialog
