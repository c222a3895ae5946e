// Erasing a customer across whatever tables exist.
#include "store/erasure.h"

#include <catch2/catch.hpp>

#include "feedback/survey_test_fixture.h"

using namespace chariot;
using chariot::testing::SurveyFixture;

namespace {

int Count(store::Database& db, const std::string& sql) {
  auto r = db.Read([&](store::Connection& c) -> Result<int> {
    SQLite::Statement s(c.raw(), sql);
    s.executeStep();
    return s.getColumn(0).getInt();
  });
  return r.ok() ? *r : -1;
}

}  // namespace

TEST_CASE("Erasure deletes personal data and keeps anonymised ratings and orders",
          "[feedback][erasure]") {
  SurveyFixture f;
  std::string id = f.OpenAndFinish("alice");
  f.Say("trois", id, "alice");
  f.Say("le livreur était impoli", id, "alice");
  std::string open = f.Say("", "", "alice").session_id;  // a session still open
  f.OpenAndFinish("bob");
  // Tables of other areas, as they might exist (they are created here only for the test).
  REQUIRE(f.db->Write([](store::Connection& c) {
                c.Exec("CREATE TABLE IF NOT EXISTS list_items (user_id TEXT NOT NULL, sku TEXT)");
                c.Exec("CREATE TABLE IF NOT EXISTS customers (id TEXT PRIMARY KEY, postcode TEXT)");
                c.Exec(
                    "CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY, user_id TEXT, "
                    "total_cents INTEGER, address TEXT)");
                c.Exec("INSERT INTO list_items VALUES ('alice', 'milk'), ('bob', 'eggs')");
                c.Exec("INSERT INTO customers VALUES ('alice', '75011'), ('bob', '69001')");
                c.Exec(
                    "INSERT INTO orders (user_id, total_cents, address) VALUES "
                    "('alice', 1250, '1 rue X'), ('bob', 900, '2 rue Y')");
                return Status::Ok();
              })
              .ok());

  auto report = store::EraseCustomer(*f.db, "alice");
  REQUIRE(report.ok());
  CHECK(report->deleted_rows == 3);     // list item, profile, open session
  CHECK(report->anonymised_rows == 2);  // order, rating
  CHECK(Count(*f.db, "SELECT count(*) FROM list_items WHERE user_id = 'alice'") == 0);
  CHECK(Count(*f.db, "SELECT count(*) FROM customers WHERE id = 'alice'") == 0);
  CHECK(Count(*f.db, "SELECT count(*) FROM sessions WHERE user_id = 'alice'") == 0);
  CHECK(Count(*f.db,
              "SELECT count(*) FROM orders WHERE user_id IS NULL AND address IS NULL "
              "AND total_cents = 1250") == 1);
  auto rating = f.Outcome(id);
  CHECK(rating.user_id.empty());
  CHECK(rating.verbatim.empty());
  CHECK(*rating.score == 3);
  // Bob is untouched.
  CHECK(Count(*f.db, "SELECT count(*) FROM list_items WHERE user_id = 'bob'") == 1);
  CHECK(Count(*f.db, "SELECT count(*) FROM orders WHERE user_id = 'bob'") == 1);
  CHECK(Count(*f.db, "SELECT count(*) FROM sessions WHERE user_id = 'bob'") == 1);
  (void)open;

  CHECK(store::EraseCustomer(*f.db, "").status().code() == StatusCode::kInvalidArgument);
  auto nobody = store::EraseCustomer(*f.db, "nobody");
  REQUIRE(nobody.ok());
  CHECK(nobody->deleted_rows + nobody->anonymised_rows == 0);
}
