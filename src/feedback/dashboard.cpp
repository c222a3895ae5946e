#include "feedback/dashboard.h"

#include <algorithm>

namespace chariot::feedback {
namespace {

constexpr int64_t kDay = 86400;
// Past this span a daily series is too noisy to read: one point per week.
constexpr int64_t kWeeklyAfter = 92 * kDay;

double Ratio(int64_t part, int64_t whole) {
  return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

int64_t FloorTo(int64_t t, int64_t step, int64_t origin) {
  int64_t d = t - origin;
  int64_t q = d / step;
  if (d % step < 0) --q;
  return origin + q * step;
}

}  // namespace

double FlowUx::task_success_rate() const { return Ratio(completed, sessions); }
double FlowUx::abandonment_rate() const { return Ratio(abandoned, sessions); }
double FlowUx::not_understood_rate() const { return Ratio(not_understood_turns, turns); }
double FlowUx::mean_turns_to_complete() const { return Ratio(completed_turns, completed); }
double FlowUx::mean_seconds_to_complete() const { return Ratio(completed_seconds, completed); }

DashboardFigures ComputeDashboard(const std::vector<store::SurveyOutcome>& records) {
  DashboardFigures f;
  if (records.empty()) return f;
  int64_t first = records.front().ended_at, last = first;
  for (const auto& r : records) {
    first = std::min(first, r.ended_at);
    last = std::max(last, r.ended_at);
  }
  // 1970-01-05 was a Monday: weeks start on Mondays, as in France.
  const bool weekly = last - first > kWeeklyAfter;
  f.bucket_seconds = weekly ? 7 * kDay : kDay;
  const int64_t origin = weekly ? 4 * kDay : 0;

  NpsTally overall;
  std::map<int64_t, NpsTally> series;
  std::map<std::string, NpsTally> flow_nps, channel_nps, locale_nps;
  auto count_group = [](std::map<std::string, GroupFigures>& groups, const std::string& key,
                        const store::SurveyOutcome& r) {
    GroupFigures& g = groups[key.empty() ? std::string("(none)") : key];
    ++g.sessions;
    if (r.asked) ++g.asked;
    if (r.outcome == "answered") ++g.answered;
  };

  for (const auto& r : records) {
    ++f.sessions;
    if (r.asked) ++f.asked;
    ++f.outcomes[r.outcome];
    if (r.outcome == "not_asked") ++f.not_asked[r.reason.empty() ? "unknown" : r.reason];
    const bool nps_answer = r.outcome == "answered" && r.score && r.kind == "nps";
    if (r.outcome == "answered") ++f.answered;
    int64_t bucket = FloorTo(r.ended_at, f.bucket_seconds, origin);
    series[bucket];  // a bucket with sessions but no answers still shows as a point with n = 0
    if (nps_answer) {
      overall.Add(*r.score);
      series[bucket].Add(*r.score);
      if (*r.score >= 0 && *r.score <= 10) ++f.distribution[*r.score];
    }
    count_group(f.by_channel, r.channel, r);
    count_group(f.by_locale, r.locale, r);
    if (nps_answer) {
      channel_nps[r.channel.empty() ? "(none)" : r.channel].Add(*r.score);
      locale_nps[r.locale.empty() ? "(none)" : r.locale].Add(*r.score);
    }
    std::vector<std::string> flows = r.flows.empty() ? std::vector<std::string>{"(none)"} : r.flows;
    for (const auto& flow : flows) {
      count_group(f.by_flow, flow, r);
      if (nps_answer) flow_nps[flow].Add(*r.score);
      FlowUx& ux = f.ux_by_flow[flow];
      ++ux.sessions;
      ux.turns += r.turns;
      ux.not_understood_turns += r.not_understood_turns;
      if (r.task_outcome == "completed") {
        ++ux.completed;
        ux.completed_turns += r.turns;
        ux.completed_seconds += std::max<int64_t>(0, r.ended_at - r.started_at);
      } else if (r.task_outcome == "failed") {
        ++ux.failed;
      } else {
        ++ux.abandoned;
      }
    }
  }
  f.nps = overall.Summary();
  f.response_rate = Ratio(f.answered, f.asked);
  for (auto& [start, tally] : series) f.series.push_back({start, tally.Summary()});
  for (auto& [k, g] : f.by_flow) g.nps = flow_nps[k].Summary();
  for (auto& [k, g] : f.by_channel) g.nps = channel_nps[k].Summary();
  for (auto& [k, g] : f.by_locale) g.nps = locale_nps[k].Summary();
  return f;
}

}  // namespace chariot::feedback
