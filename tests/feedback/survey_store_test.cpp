// The SQLite survey store, the NPS report over it, the call-back list and retention.
#include <catch2/catch.hpp>

#include "feedback/retention.h"
#include "feedback/survey_test_fixture.h"

using namespace chariot;
using chariot::testing::SurveyFixture;

namespace {

store::SurveyOutcome Answered(const std::string& id, int score, int64_t ended_at,
                              const std::string& channel = "alexa",
                              std::vector<std::string> flows = {"shopping"}) {
  store::SurveyOutcome o;
  o.session_id = id;
  o.user_id = "user-" + id;
  o.channel = channel;
  o.locale = "fr-FR";
  o.flows = std::move(flows);
  o.task_outcome = "completed";
  o.kind = "nps";
  o.outcome = "answered";
  o.score = score;
  o.asked = true;
  o.detractor = score <= 6;
  o.started_at = ended_at - 60;
  o.ended_at = ended_at;
  return o;
}

}  // namespace

TEST_CASE("The store writes one record per session and reads it back", "[feedback][store]") {
  SurveyFixture f;
  auto o = Answered("s1", 3, 1000, "twilio", {"shopping", "support"});
  o.verbatim = "trop long";
  REQUIRE(f.outcomes->Insert(o).ok());
  CHECK(*f.outcomes->Insert(o) == false);  // second end of the same session: ignored
  auto back = f.outcomes->Get("s1");
  REQUIRE(back.ok());
  CHECK(back->flows == std::vector<std::string>{"shopping", "support"});
  CHECK(back->verbatim == "trop long");
  CHECK(*back->score == 3);
  CHECK(f.outcomes->Get("unknown").status().code() == StatusCode::kNotFound);
  store::SurveyOutcome no_id;
  CHECK(f.outcomes->Insert(no_id).status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("The NPS report filters by period, flow, channel and locale", "[feedback][store]") {
  SurveyFixture f;
  // 5 promoters, 3 passives, 2 detractors on alexa/shopping at t=1000..1009.
  int scores[] = {10, 9, 10, 9, 9, 8, 7, 7, 3, 6};
  for (int i = 0; i < 10; ++i) {
    REQUIRE(f.outcomes->Insert(Answered("a" + std::to_string(i), scores[i], 1000 + i)).ok());
  }
  // Two support sessions on the phone: one detractor, one asked but declined.
  REQUIRE(f.outcomes->Insert(Answered("p1", 0, 2000, "twilio", {"support"})).ok());
  auto declined = Answered("p2", 0, 2001, "twilio", {"support"});
  declined.outcome = "declined";
  declined.score.reset();
  declined.detractor = false;
  REQUIRE(f.outcomes->Insert(declined).ok());

  store::SurveyFilter alexa;
  alexa.channel = "alexa";
  auto report = f.survey->Nps(alexa);
  REQUIRE(report.ok());
  CHECK(report->summary.n == 10);
  CHECK(report->summary.nps == Approx(30.0));
  CHECK(report->summary.margin95 == Approx(42.128).epsilon(1e-4));

  store::SurveyFilter support;
  support.flow = "support";
  report = f.survey->Nps(support);
  CHECK(report->summary.n == 1);
  CHECK(report->asked == 2);
  CHECK(report->response_rate == Approx(0.5));

  store::SurveyFilter period;
  period.from = 1005;
  period.to = 2000;
  CHECK(f.survey->Nps(period)->summary.n == 5);

  store::SurveyFilter flow_prefix;
  flow_prefix.flow = "shop";  // a flow name is matched whole, never as a prefix
  CHECK(f.survey->Nps(flow_prefix)->summary.n == 0);
}

TEST_CASE("The call-back list holds detractors until someone calls them", "[feedback][store]") {
  SurveyFixture f;
  REQUIRE(f.outcomes->Insert(Answered("d1", 2, 1000)).ok());
  REQUIRE(f.outcomes->Insert(Answered("p1", 10, 1001)).ok());
  auto list = f.survey->ToCallBack(50);
  REQUIRE(list.ok());
  REQUIRE(list->size() == 1);
  CHECK(list->front().session_id == "d1");
  CHECK(f.survey->MarkContacted("p1", "alice").code() == StatusCode::kConflict);
  CHECK(f.survey->MarkContacted("zz", "alice").code() == StatusCode::kNotFound);
  REQUIRE(f.survey->MarkContacted("d1", "alice").ok());
  CHECK(f.survey->ToCallBack(50)->empty());
  CHECK(f.outcomes->Get("d1")->contacted_by == "alice");
}

TEST_CASE("Verbatims are erased after the retention period", "[feedback][store]") {
  feedback::SurveyConfig config;
  config.verbatim_retention_days = 30;
  SurveyFixture f(config);
  auto old_one = Answered("old", 2, f.clock.NowSeconds() - 31 * 86400);
  old_one.verbatim = "ancien";
  auto recent = Answered("new", 2, f.clock.NowSeconds() - 29 * 86400);
  recent.verbatim = "récent";
  REQUIRE(f.outcomes->Insert(old_one).ok());
  REQUIRE(f.outcomes->Insert(recent).ok());
  feedback::RetentionSweeper sweeper(*f.survey);
  auto erased = sweeper.SweepOnce();
  REQUIRE(erased.ok());
  CHECK(f.outcomes->Get("old")->verbatim.empty());
  CHECK(f.outcomes->Get("new")->verbatim == "récent");
  CHECK(*f.outcomes->Get("old")->score == 2);  // the score stays for the statistics
}
