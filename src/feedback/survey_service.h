// SurveyService: the satisfaction question at the end of a session, and the ratings it collects.
//
// As dialog::EndOfSession it decides at the natural end whether to ask (sampling rules, never
// after an emergency), puts the question in the session's locale and moves the session to the
// survey flow's state "survey.asked"; when the session ends by any path it writes exactly one
// outcome record (store::SurveyStore::Insert ignores a second end of the same session). An
// answered detractor is handed to the AlertSender, when one is configured.
//
// For the survey flow it reads answers in context (ReadAnswer) and says whether to ask the
// follow-up; for the admin routes it computes the NPS, lists outcomes and the call-back list,
// and erases old verbatims (SweepVerbatims, called by the RetentionSweeper).
//
// Owns nothing it is given: the store, prompts, clock and alert sender must outlive it.
// Thread safety: every method is safe from many threads at once.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "core/turn.h"
#include "dialog/end_of_session.h"
#include "dialog/prompts.h"
#include "feedback/alert_sender.h"
#include "feedback/nps.h"
#include "feedback/score_reader.h"
#include "feedback/survey_config.h"
#include "store/survey_store.h"

namespace chariot::feedback {

struct NpsReport {
  NpsSummary summary;        // over answered NPS records in the filter
  int64_t ended = 0;         // sessions ended in the filter
  int64_t asked = 0;         // of which the question was asked
  double response_rate = 0;  // answered / asked (0 when none asked)
};

class SurveyService : public dialog::EndOfSession {
 public:
  // alerts may be null (no webhook configured).
  SurveyService(store::SurveyStore& store, const dialog::Prompts& prompts, const Clock& clock,
                SurveyConfig config, AlertSender* alerts = nullptr);

  // dialog::EndOfSession
  bool MaybeAsk(dialog::Session& session, Speech& question, Speech& reprompt) override;
  void OnEnded(const dialog::Session& session, const std::string& reason) override;

  // For the survey flow.
  const SurveyConfig& config() const { return config_; }
  // The kind of question this session was asked (it may differ from the configured one if the
  // configuration changed while the session was open).
  SurveyKind KindOf(const dialog::Session& session) const;
  ScoreAnswer ReadAnswer(const dialog::Session& session, const std::string& text,
                         const std::string& intent, const Slots& slots) const;
  bool WantsFollowUp(const dialog::Session& session, int score) const;

  // For product teams.
  Result<NpsReport> Nps(const store::SurveyFilter& filter);
  Result<std::vector<store::SurveyOutcome>> Outcomes(const store::SurveyFilter& filter, int limit,
                                                     int offset);
  // Answered detractors not yet called back, newest first.
  Result<std::vector<store::SurveyOutcome>> ToCallBack(int limit);
  Status MarkContacted(const std::string& session_id, const std::string& by);
  // Blanks verbatims older than the retention period; returns how many (0 when retention is 0).
  Result<int> SweepVerbatims();

  // Records written since start (for tests and metrics); a duplicate end is not counted.
  int64_t recorded() const { return recorded_; }

 private:
  store::SurveyStore& store_;
  const dialog::Prompts& prompts_;
  const Clock& clock_;
  SurveyConfig config_;
  AlertSender* alerts_;
  std::atomic<int64_t> recorded_{0};
};

}  // namespace chariot::feedback
