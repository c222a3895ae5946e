// Dashboard: the figures product teams read, computed from outcome records in one pass.
//
// NPS over time (one bucket per day, or per week when the period is long) with its 95% margin;
// NPS by flow, channel and locale; the distribution of scores; the response rate; the breakdown
// of outcomes and of not_asked reasons; the seed UX metrics per flow (task success rate,
// not-understood rate, abandonment rate, mean turns and time to complete); the latest verbatims.
// A session that visited several flows counts in each of them.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "feedback/nps.h"
#include "store/survey_store.h"

namespace chariot::feedback {

struct NpsBucket {
  int64_t start = 0;  // Unix seconds, UTC midnight (of the day, or of the week's Monday)
  NpsSummary nps;
};

struct GroupFigures {
  NpsSummary nps;
  int64_t sessions = 0;
  int64_t asked = 0;
  int64_t answered = 0;
};

struct FlowUx {
  int64_t sessions = 0;
  int64_t completed = 0;
  int64_t abandoned = 0;
  int64_t failed = 0;
  int64_t turns = 0;
  int64_t not_understood_turns = 0;
  int64_t completed_turns = 0;    // turns of completed sessions
  int64_t completed_seconds = 0;  // duration of completed sessions
  double task_success_rate() const;
  double abandonment_rate() const;
  double not_understood_rate() const;  // misunderstood turns / turns
  double mean_turns_to_complete() const;
  double mean_seconds_to_complete() const;
};

struct DashboardFigures {
  int64_t sessions = 0;
  int64_t asked = 0;
  int64_t answered = 0;
  double response_rate = 0;
  NpsSummary nps;
  int64_t bucket_seconds = 86400;
  std::vector<NpsBucket> series;  // oldest first, only buckets with sessions
  std::map<std::string, GroupFigures> by_flow, by_channel, by_locale;
  std::vector<int64_t> distribution = std::vector<int64_t>(11, 0);  // NPS scores 0..10
  std::map<std::string, int64_t> outcomes;                          // outcome -> count
  std::map<std::string, int64_t> not_asked;                         // reason -> count
  std::map<std::string, FlowUx> ux_by_flow;
};

// Figures over records (any order). Only NPS answers enter NPS figures and the distribution.
DashboardFigures ComputeDashboard(const std::vector<store::SurveyOutcome>& records);

}  // namespace chariot::feedback
