// PgEraseCustomer: the rules of src/store/sqlite/erasure.cpp, with PostgreSQL's catalog.
#include <algorithm>
#include <set>
#include <vector>

#include "store/postgres/pg_erasure.h"
#include "store/postgres/pg_rows.h"

namespace chariot::store {
namespace {

const std::set<std::string>& KeptForStatistics() {
  static const std::set<std::string> kTables = {"orders",  "order_lines",  "order_items",
                                                "tickets", "appointments", "survey_outcomes"};
  return kTables;
}

const std::set<std::string>& ProfileTables() {
  static const std::set<std::string> kTables = {"customers", "users", "profiles",
                                                "customer_profiles"};
  return kTables;
}

const std::set<std::string>& PersonalTextColumns() {
  static const std::set<std::string> kColumns = {
      "verbatim", "description", "notes",        "comment", "address",       "address_line",
      "street",   "phone",       "phone_number", "email",   "customer_name", "full_name"};
  return kColumns;
}

struct Column {
  std::string name;
  bool not_null = false;
};

std::string Quote(const std::string& identifier) {
  std::string quoted = "\"";
  for (char c : identifier) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

const Column* Find(const std::vector<Column>& columns, const std::string& name) {
  auto it =
      std::find_if(columns.begin(), columns.end(), [&](const Column& c) { return c.name == name; });
  return it == columns.end() ? nullptr : &*it;
}

}  // namespace

Result<ErasureReport> PgEraseCustomer(PgDatabase& db, const std::string& user_id) {
  if (user_id.empty()) return Status::InvalidArgument("a customer id is required");
  ErasureReport report;
  Status status = db.Write([&](PgTransaction& tx) -> Status {
    report = ErasureReport();
    std::vector<std::string> tables;
    for (const auto& r : tx.Run("SELECT table_name FROM information_schema.tables WHERE "
                                "table_schema = current_schema() AND table_type = 'BASE TABLE' "
                                "AND table_name <> 'chariot_schema' ORDER BY table_name")) {
      tables.push_back(pg::Text(r[0]));
    }
    // Statistics first, so rows that reference a profile no longer do when it is deleted.
    std::stable_partition(tables.begin(), tables.end(),
                          [](const std::string& t) { return KeptForStatistics().count(t) > 0; });
    for (const std::string& table : tables) {
      std::vector<Column> columns;
      for (const auto& r : tx.Run("SELECT column_name, is_nullable FROM information_schema.columns "
                                  "WHERE table_schema = current_schema() AND table_name = $1 "
                                  "ORDER BY ordinal_position",
                                  table)) {
        columns.push_back({pg::Text(r[0]), pg::Text(r[1]) == "NO"});
      }
      const Column* owner = Find(columns, "user_id");
      if (owner == nullptr) owner = Find(columns, "customer_id");
      if (KeptForStatistics().count(table) > 0 && owner != nullptr) {
        std::string sql = "UPDATE " + Quote(table) + " SET " + Quote(owner->name) + " = " +
                          (owner->not_null ? "''" : "NULL");
        for (const Column& column : columns) {
          if (PersonalTextColumns().count(column.name) > 0) {
            sql += ", " + Quote(column.name) + " = " + (column.not_null ? "''" : "NULL");
          }
        }
        sql += " WHERE " + Quote(owner->name) + " = $1";
        report.anonymised_rows += static_cast<int>(tx.Run(sql, user_id).affected_rows());
      } else if (owner != nullptr) {
        report.deleted_rows += static_cast<int>(
            tx.Run("DELETE FROM " + Quote(table) + " WHERE " + Quote(owner->name) + " = $1",
                   user_id)
                .affected_rows());
      } else if (ProfileTables().count(table) > 0 && Find(columns, "id") != nullptr) {
        report.deleted_rows += static_cast<int>(
            tx.Run("DELETE FROM " + Quote(table) + " WHERE id = $1", user_id).affected_rows());
      }
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return report;
}

}  // namespace chariot::store
