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
  // Rows in the other areas' tables (schemas/migrations/0002_commerce.sql, 0003_support.sql).
  REQUIRE(f.db->Write([](store::Connection& c) {
                c.Exec(
                    "INSERT INTO products (sku, name, department, category, unit, price_cents) "
                    "VALUES ('MILK', 'Lait', 'grocery', 'dairy', 'l', 100)");
                c.Exec("INSERT INTO stores (id, kind, name) VALUES ('S1', 'store', 'Paris')");
                c.Exec(
                    "INSERT INTO slots (id, store_id, fulfillment, start_at, end_at, cutoff_at, "
                    "capacity) VALUES (1, 'S1', 'delivery', 10, 20, 5, 10)");
                for (const char* who : {"alice", "bob"}) {
                  std::string id = who;
                  c.Exec("INSERT INTO customers (id, postcode, created_at) VALUES ('" + id +
                         "', '75011', 1)");
                  c.Exec("INSERT INTO customer_accounts VALUES ('alexa', 'amzn-" + id + "', '" +
                         id + "')");
                  c.Exec("INSERT INTO list_items VALUES ('" + id + "', 'MILK', 2, 1, 1)");
                  c.Exec(
                      "INSERT INTO orders (customer_id, status, fulfillment, store_id, slot_id, "
                      "slot_start, slot_end, cutoff_at, fee_cents, total_cents, created_at) "
                      "VALUES ('" +
                      id +
                      "', 'confirmed', 'delivery', 'S1', 1, 10, 20, 5, 0, "
                      "1250, 1)");
                  c.Exec(
                      "INSERT INTO support_tickets (user_id, problem, severity, status, words, "
                      "postcode, created_at, updated_at) VALUES ('" +
                      id +
                      "', 'water_leak', 'urgent', 'scheduled', 'fuite chez moi au 3e', '75011', "
                      "1, 1)");
                  c.Exec(
                      "INSERT INTO support_appointments (ticket_id, user_id, kind, advisor_id, "
                      "slot_start, slot_end, status, created_at, updated_at) VALUES "
                      "(last_insert_rowid(), '" +
                      id +
                      "', 'callback', 'adv-' || "
                      "'" +
                      id +
                      "', 100, 200, "
                      "'booked', 1, 1)");
                }
                return Status::Ok();
              })
              .ok());

  auto report = store::EraseCustomer(*f.db, "alice");
  REQUIRE(report.ok());
  CHECK(report->deleted_rows == 4);     // account link, list item, profile, open session
  CHECK(report->anonymised_rows == 4);  // order, ticket, appointment, rating
  CHECK(Count(*f.db, "SELECT count(*) FROM list_items WHERE customer_id = 'alice'") == 0);
  CHECK(Count(*f.db, "SELECT count(*) FROM customer_accounts WHERE customer_id = 'alice'") == 0);
  CHECK(Count(*f.db, "SELECT count(*) FROM customers WHERE id = 'alice'") == 0);
  CHECK(Count(*f.db, "SELECT count(*) FROM sessions WHERE user_id = 'alice'") == 0);
  CHECK(Count(*f.db, "SELECT count(*) FROM orders WHERE customer_id = '' AND total_cents = 1250") ==
        1);
  CHECK(Count(*f.db,
              "SELECT count(*) FROM support_tickets WHERE user_id = '' AND words = '' "
              "AND postcode = '' AND problem = 'water_leak'") == 1);
  CHECK(Count(*f.db, "SELECT count(*) FROM support_appointments WHERE user_id = ''") == 1);
  auto rating = f.Outcome(id);
  CHECK(rating.user_id.empty());
  CHECK(rating.verbatim.empty());
  CHECK(*rating.score == 3);
  // Bob is untouched.
  for (const char* table : {"list_items", "customer_accounts", "orders"}) {
    CHECK(Count(*f.db,
                std::string("SELECT count(*) FROM ") + table + " WHERE customer_id = 'bob'") == 1);
  }
  CHECK(Count(*f.db,
              "SELECT count(*) FROM support_tickets WHERE user_id = 'bob' AND words <> ''") == 1);
  CHECK(Count(*f.db, "SELECT count(*) FROM sessions WHERE user_id = 'bob'") == 1);
  CHECK(Count(*f.db, "SELECT count(*) FROM customers WHERE id = 'bob'") == 1);
  (void)open;

  CHECK(store::EraseCustomer(*f.db, "").status().code() == StatusCode::kInvalidArgument);
  auto nobody = store::EraseCustomer(*f.db, "nobody");
  REQUIRE(nobody.ok());
  CHECK(nobody->deleted_rows + nobody->anonymised_rows == 0);
}
