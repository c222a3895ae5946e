// EndOfSession: the hook the satisfaction survey plugs into (implemented in src/feedback).
//
// Thread safety: implementations are called from many request threads at once.
#pragma once

#include <string>

#include "core/speech.h"
#include "dialog/session.h"

namespace chariot::dialog {

class EndOfSession {
 public:
  virtual ~EndOfSession() = default;
  // At the natural end of a session: true when the satisfaction question must be asked now;
  // then `question` and `reprompt` hold it, and the session moves to the state the survey flow
  // registered ("survey.asked"). False: the engine says goodbye (the reason not to ask is the
  // implementation's to record in OnEnded).
  virtual bool MaybeAsk(Session& session, Speech& question, Speech& reprompt) = 0;
  // Exactly once per session, when it ends by any path: "completed" (natural end), or the
  // reason it closed early: "user_stopped", "emergency", "timeout", "platform_ended", "error".
  virtual void OnEnded(const Session& session, const std::string& reason) = 0;
};

}  // namespace chariot::dialog
