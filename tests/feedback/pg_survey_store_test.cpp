// The survey store and erasure on PostgreSQL (SQLite: survey_store_test.cpp, erasure_test.cpp).
#include "store/postgres/pg_survey_store.h"

#include <catch2/catch.hpp>

#include "support/store_backends.h"

using namespace chariot;

namespace {

store::SurveyOutcome Answered(const std::string& id, const std::string& user, int score,
                              int64_t ended_at, std::vector<std::string> flows = {"shopping"}) {
  store::SurveyOutcome o;
  o.session_id = id;
  o.user_id = user;
  o.channel = "alexa";
  o.locale = "fr-FR";
  o.flows = std::move(flows);
  o.task_outcome = "completed";
  o.kind = "nps";
  o.outcome = "answered";
  o.score = score;
  o.asked = true;
  o.detractor = score <= 6;
  o.verbatim = "mots de " + user;
  o.started_at = ended_at - 60;
  o.ended_at = ended_at;
  return o;
}

}  // namespace

TEST_CASE("PostgreSQL survey store: one record per session, filters, call-backs, retention",
          "[feedback][store][postgres]") {
  testing::PostgresBackend backend;
  if (!backend.db) return;
  store::PgSurveyStore store(*backend.db);
  REQUIRE(*store.Insert(Answered("s1", "alice", 3, 1000, {"shopping", "support"})));
  CHECK_FALSE(*store.Insert(Answered("s1", "alice", 9, 1000)));  // ignored, not replaced
  REQUIRE(*store.Insert(Answered("s2", "bob", 10, 2000)));
  store::SurveyOutcome declined = Answered("s3", "carol", 0, 3000);
  declined.outcome = "declined";
  declined.score.reset();
  declined.detractor = false;
  REQUIRE(*store.Insert(declined));

  auto s1 = store.Get("s1");
  REQUIRE(s1.ok());
  CHECK(*s1->score == 3);
  CHECK(s1->flows == std::vector<std::string>{"shopping", "support"});
  CHECK_FALSE(s1->contacted_at.has_value());
  CHECK_FALSE(store.Get("s3")->score.has_value());
  CHECK(store.Get("zz").status().code() == StatusCode::kNotFound);
  CHECK(**store.LastAskedAt("bob") == 2000);
  CHECK_FALSE(store.LastAskedAt("nobody")->has_value());

  store::SurveyFilter support;
  support.flow = "support";
  CHECK(store.List(support, 10, 0)->size() == 1);
  store::SurveyFilter shop_prefix;
  shop_prefix.flow = "shop";
  CHECK(store.List(shop_prefix, 10, 0)->empty());
  store::SurveyFilter period;
  period.from = 1500;
  period.to = 3000;
  auto in_period = store.List(period, 10, 0);
  REQUIRE(in_period->size() == 1);
  CHECK(in_period->front().session_id == "s2");
  CHECK(store.List({}, 10, 0)->front().session_id == "s3");  // newest first

  store::SurveyFilter to_call;
  to_call.detractors_only = true;
  to_call.not_contacted_only = true;
  CHECK(store.List(to_call, 10, 0)->size() == 1);
  CHECK(store.MarkContacted("s2", "x", 5000).code() == StatusCode::kConflict);
  REQUIRE(store.MarkContacted("s1", "Alice", 5000).ok());
  CHECK(store.List(to_call, 10, 0)->empty());
  CHECK(*store.Get("s1")->contacted_at == 5000);

  CHECK(*store.EraseVerbatimsBefore(1500) == 1);
  CHECK(store.Get("s1")->verbatim.empty());
  CHECK(store.Get("s2")->verbatim == "mots de bob");

  REQUIRE(backend.db
              ->Write([](store::PgTransaction& tx) {
                tx.Exec("INSERT INTO sessions VALUES ('open', 'bob', '{}', 1, 2)");
                return Status::Ok();
              })
              .ok());
  auto erased = store::EraseCustomerPg(*backend.db, "bob");
  REQUIRE(erased.ok());
  CHECK(erased->anonymised_rows == 1);
  CHECK(erased->deleted_rows == 1);
  CHECK(store.Get("s2")->user_id.empty());
  CHECK(store.Get("s2")->verbatim.empty());
  CHECK(*store.Get("s2")->score == 10);
  CHECK(store.Get("s3")->user_id == "carol");
}
