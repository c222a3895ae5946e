// Engine: one Turn in, one Reply out.
//
// Loads the session (or starts one), understands text through the parser when the platform did
// not, honours Stop/Cancel/Repeat everywhere, picks the handler from the Router by (state,
// intent), runs the reprompt escalation on misunderstandings, runs the end-of-session stage,
// saves the session and renders the Reply. Knows nothing of platforms or HTTP.
//
// Thread safety: Handle() is safe from many threads; two turns of the same session at once are
// serialised by a per-session lock.
#pragma once

#include <array>
#include <memory>
#include <mutex>
#include <string>

#include "core/clock.h"
#include "core/reply.h"
#include "core/turn.h"
#include "dialog/end_of_session.h"
#include "dialog/prompts.h"
#include "dialog/router.h"
#include "dialog/services.h"
#include "nlu/parser.h"
#include "store/session_store.h"

namespace chariot::dialog {

struct EngineOptions {
  int64_t session_ttl_seconds = 30 * 60;
  std::string default_locale = "fr-FR";
};

class Engine {
 public:
  // Borrows everything; all must outlive the engine. end_of_session may be null (no survey).
  Engine(const nlu::Parser& parser, const Prompts& prompts, Services services,
         store::SessionStore& sessions, EndOfSession* end_of_session, const Clock& clock,
         EngineOptions options = {});

  // Never throws; an internal failure becomes a spoken apology and the session ends.
  Reply Handle(const Turn& turn);

  // Closes sessions past their time-to-live (OnEnded with "timeout"); returns how many.
  int SweepExpired(int limit = 100);

  const Router& router() const { return router_; }

 private:
  Reply HandleLocked(const Turn& turn, Session& session, bool is_new);
  Reply EndSession(Session& session, Response& response, const std::string& reason,
                   const std::string& intent = "");
  Reply Render(const Session& session, const Response& response, const std::string& intent) const;
  std::string SupportedLocale(const std::string& requested) const;
  std::mutex& StripeFor(const std::string& session_id);

  const nlu::Parser& parser_;
  const Prompts& prompts_;
  Services services_;
  store::SessionStore& sessions_;
  EndOfSession* end_of_session_;
  const Clock& clock_;
  EngineOptions options_;
  Router router_;
  // Turns of one session are serialised; different sessions rarely share a stripe.
  std::array<std::mutex, 64> session_stripes_;
};

}  // namespace chariot::dialog
