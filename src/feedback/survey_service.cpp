#include "feedback/survey_service.h"

#include "feedback/outcome.h"
#include "feedback/sampling.h"

namespace chariot::feedback {
namespace {

// Outcomes are read in pages so a big period never loads at once.
constexpr int kPage = 5000;

}  // namespace

SurveyService::SurveyService(store::SurveyStore& store, const dialog::Prompts& prompts,
                             const Clock& clock, SurveyConfig config, AlertSender* alerts)
    : store_(store),
      prompts_(prompts),
      clock_(clock),
      config_(std::move(config)),
      alerts_(alerts) {}

// dialog::EndOfSession

bool SurveyService::MaybeAsk(dialog::Session& session, Speech& question, Speech& reprompt) {
  if (!session.data.is_object()) session.data = nlohmann::json::object();
  // Decided once per session: a second natural end (after the survey itself) never asks again.
  if (session.data.contains("survey")) return false;

  const int64_t now = clock_.NowSeconds();
  SamplingInput input{session.id, HadEmergency(session), std::nullopt, now};
  if (!session.user_id.empty() && config_.min_days_between > 0) {
    auto last = store_.LastAskedAt(session.user_id);
    // When the history cannot be read, asking once too often is the lesser harm.
    if (last.ok()) input.last_asked_at = *last;
  }
  SamplingVerdict verdict = DecideSampling(config_, input);
  if (verdict != SamplingVerdict::kAsk) {
    session.data["survey"] = {{"not_asked", NotAskedReason(verdict)}};
    return false;
  }
  const std::string kind = SurveyKindName(config_.kind);
  session.data["survey"] = {{"status", "open"}, {"kind", kind}, {"asked_at", now}, {"retries", 0}};
  session.state = "survey.asked";
  question.Say(prompts_.Render(session.locale, "survey.question." + kind, {}, 0));
  reprompt.Say(prompts_.Render(session.locale, "survey.reprompt." + kind, {}, 0));
  return true;
}

void SurveyService::OnEnded(const dialog::Session& session, const std::string& reason) {
  store::SurveyOutcome outcome = BuildOutcome(session, reason, clock_.NowSeconds(), config_.kind);
  auto inserted = store_.Insert(outcome);
  if (!inserted.ok() || !*inserted) return;
  ++recorded_;
  if (alerts_ != nullptr && outcome.detractor && outcome.score) {
    alerts_->Enqueue({outcome.session_id, outcome.user_id, outcome.channel, outcome.locale,
                      outcome.kind, *outcome.score, outcome.verbatim, outcome.flows,
                      outcome.ended_at});
  }
}

// For the survey flow

SurveyKind SurveyService::KindOf(const dialog::Session& session) const {
  if (session.data.is_object() && session.data.contains("survey")) {
    const auto& survey = session.data["survey"];
    if (survey.is_object() && survey.contains("kind") && survey["kind"].is_string()) {
      if (auto kind = ParseSurveyKind(survey["kind"].get<std::string>())) return *kind;
    }
  }
  return config_.kind;
}

ScoreAnswer SurveyService::ReadAnswer(const dialog::Session& session, const std::string& text,
                                      const std::string& intent, const Slots& slots) const {
  return feedback::ReadAnswer(text, intent, slots, KindOf(session));
}

bool SurveyService::WantsFollowUp(const dialog::Session& session, int score) const {
  switch (config_.follow_up) {
    case FollowUpPolicy::kNever:
      return false;
    case FollowUpPolicy::kAlways:
      return true;
    case FollowUpPolicy::kDetractors:
      return IsDetractor(KindOf(session), score);
  }
  return false;
}

// For product teams

Result<NpsReport> SurveyService::Nps(const store::SurveyFilter& filter) {
  NpsReport report;
  NpsTally tally;
  int64_t answered = 0;
  for (int offset = 0;; offset += kPage) {
    auto page = store_.List(filter, kPage, offset);
    if (!page.ok()) return page.status();
    for (const auto& o : *page) {
      ++report.ended;
      if (o.asked) ++report.asked;
      if (o.outcome == "answered" && o.score) {
        ++answered;
        if (o.kind == "nps") tally.Add(*o.score);
      }
    }
    if (static_cast<int>(page->size()) < kPage) break;
  }
  report.summary = tally.Summary();
  report.response_rate =
      report.asked > 0 ? static_cast<double>(answered) / static_cast<double>(report.asked) : 0.0;
  return report;
}

Result<std::vector<store::SurveyOutcome>> SurveyService::Outcomes(const store::SurveyFilter& filter,
                                                                  int limit, int offset) {
  return store_.List(filter, limit, offset);
}

Result<std::vector<store::SurveyOutcome>> SurveyService::ToCallBack(int limit) {
  store::SurveyFilter filter;
  filter.detractors_only = true;
  filter.not_contacted_only = true;
  return store_.List(filter, limit, 0);
}

Status SurveyService::MarkContacted(const std::string& session_id, const std::string& by) {
  return store_.MarkContacted(session_id, by, clock_.NowSeconds());
}

Result<int> SurveyService::SweepVerbatims() {
  if (config_.verbatim_retention_days <= 0) return 0;
  const int64_t before =
      clock_.NowSeconds() - static_cast<int64_t>(config_.verbatim_retention_days) * 86400;
  return store_.EraseVerbatimsBefore(before);
}

}  // namespace chariot::feedback
