// Outcome: the one record a session leaves, decided from how it ended and what the survey
// states remembered (session.data["survey"]).
//
// session.data["survey"] is written by SurveyService::MaybeAsk and the survey flow:
//   {"not_asked": "sampling"}                         the question was not asked, and why
//   {"status": "open", "kind": "nps", "asked_at": t, "retries": 0|1, "said": "..."}
//   {"status": "which", "low": 7, "high": 8, ...}     waiting for one of two scores
//   {"status": "answered", "score": 8, "verbatim": "..."}
//   {"status": "declined"} · {"status": "not_understood", "said": "..."}
// How the session ended (the engine's reason) fills the gaps: a question still open when the
// session timed out or the platform closed it is no_answer; "stop" said to the question is a
// refusal (declined); a session that never reached the question is not_asked with the reason.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>

#include "dialog/session.h"
#include "feedback/survey_kind.h"
#include "store/survey_store.h"

namespace chariot::feedback {

// True when the session handled a safety emergency: the support flow's triage left
// session.data["support"]["tier"] == "emergency" (or ["emergency"] == true), or the flow
// "emergency" was visited.
bool HadEmergency(const dialog::Session& session);

// The record for a session that ended for `reason` at `now`; `kind` is the configured
// question, used when the session never reached it.
store::SurveyOutcome BuildOutcome(const dialog::Session& session, const std::string& reason,
                                  int64_t now, SurveyKind kind);

}  // namespace chariot::feedback
