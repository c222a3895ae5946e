#include "feedback/dashboard.h"

#include <catch2/catch.hpp>

using namespace chariot;
using namespace chariot::feedback;

namespace {

store::SurveyOutcome Record(const std::string& id, std::vector<std::string> flows,
                            const std::string& outcome, std::optional<int> score,
                            const std::string& task, int64_t ended_at, int turns = 4,
                            int not_understood = 0) {
  store::SurveyOutcome o;
  o.session_id = id;
  o.channel = "alexa";
  o.locale = "fr-FR";
  o.flows = std::move(flows);
  o.outcome = outcome;
  o.score = score;
  o.kind = "nps";
  o.asked = outcome != "not_asked";
  o.task_outcome = task;
  o.turns = turns;
  o.not_understood_turns = not_understood;
  o.started_at = ended_at - 100;
  o.ended_at = ended_at;
  if (outcome == "not_asked") o.reason = "sampling";
  return o;
}

}  // namespace

TEST_CASE("Dashboard figures: NPS by flow, distribution, outcomes, UX per flow",
          "[feedback][dashboard]") {
  const int64_t day = 86400;
  std::vector<store::SurveyOutcome> records = {
      Record("a", {"shopping"}, "answered", 10, "completed", 10 * day + 5, 6, 1),
      Record("b", {"shopping", "support"}, "answered", 3, "completed", 10 * day + 6, 8, 0),
      Record("c", {"support"}, "declined", std::nullopt, "abandoned", 11 * day, 3, 3),
      Record("d", {"shopping"}, "not_asked", std::nullopt, "failed", 11 * day + 1, 2, 2),
  };
  DashboardFigures f = ComputeDashboard(records);
  CHECK(f.sessions == 4);
  CHECK(f.asked == 3);
  CHECK(f.answered == 2);
  CHECK(f.response_rate == Approx(2.0 / 3));
  CHECK(f.nps.n == 2);
  CHECK(f.nps.nps == Approx(0.0));
  CHECK(f.distribution[10] == 1);
  CHECK(f.distribution[3] == 1);
  CHECK(f.outcomes["answered"] == 2);
  CHECK(f.not_asked["sampling"] == 1);
  REQUIRE(f.series.size() == 2);  // two days
  CHECK(f.series[0].start == 10 * day);
  CHECK(f.series[0].nps.n == 2);
  CHECK(f.series[1].nps.n == 0);

  CHECK(f.by_flow["shopping"].sessions == 3);
  CHECK(f.by_flow["shopping"].nps.n == 2);
  CHECK(f.by_flow["support"].nps.nps == Approx(-100.0));

  const FlowUx& shopping = f.ux_by_flow["shopping"];
  CHECK(shopping.sessions == 3);
  CHECK(shopping.task_success_rate() == Approx(2.0 / 3));
  CHECK(shopping.abandonment_rate() == Approx(0.0));
  CHECK(shopping.not_understood_rate() == Approx(3.0 / 16));
  CHECK(shopping.mean_turns_to_complete() == Approx(7.0));
  CHECK(shopping.mean_seconds_to_complete() == Approx(100.0));
  CHECK(f.ux_by_flow["support"].abandonment_rate() == Approx(0.5));
}

TEST_CASE("Dashboard groups a long period by week, starting on Mondays", "[feedback][dashboard]") {
  const int64_t day = 86400;
  // 1970-01-05 is a Monday; 200 days of records.
  std::vector<store::SurveyOutcome> records;
  for (int d = 0; d < 200; d += 10) {
    records.push_back(Record("s" + std::to_string(d), {"shopping"}, "answered", 9, "completed",
                             (4 + d) * day + 3600));
  }
  DashboardFigures f = ComputeDashboard(records);
  CHECK(f.bucket_seconds == 7 * day);
  for (const auto& bucket : f.series) CHECK((bucket.start - 4 * day) % (7 * day) == 0);
  CHECK(ComputeDashboard({}).sessions == 0);
}
