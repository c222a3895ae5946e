// EraseCustomer across whatever tables exist (see store/erasure.h).
//
// The areas (commerce, support, feedback, platforms) each own their tables, and a deployment may
// not have them all, so the rules go by table and column names found in sqlite_master rather
// than by a fixed list of statements:
//  - a table kept for statistics (orders and their lines, tickets, appointments, survey
//    outcomes) keeps its rows: the customer id becomes NULL (or "" when the column is NOT NULL)
//    and free-text columns that describe the person or what they said are blanked;
//  - any other table with a user_id / customer_id column loses the customer's rows;
//  - a profile table (customers, users, profiles) loses the row whose id is the customer's.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/erasure.h"

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

std::vector<std::string> Tables(Connection& c) {
  std::vector<std::string> tables;
  SQLite::Statement s(c.raw(),
                      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                      "'sqlite_%' ORDER BY name");
  while (s.executeStep()) tables.push_back(s.getColumn(0).getString());
  return tables;
}

std::vector<Column> Columns(Connection& c, const std::string& table) {
  std::vector<Column> columns;
  SQLite::Statement s(c.raw(), "SELECT name, \"notnull\" FROM pragma_table_info(?1)");
  s.bind(1, table);
  while (s.executeStep())
    columns.push_back({s.getColumn(0).getString(), s.getColumn(1).getInt() != 0});
  return columns;
}

const Column* Find(const std::vector<Column>& columns, const std::string& name) {
  auto it =
      std::find_if(columns.begin(), columns.end(), [&](const Column& c) { return c.name == name; });
  return it == columns.end() ? nullptr : &*it;
}

}  // namespace

Result<ErasureReport> EraseCustomer(Database& database, const std::string& user_id) {
  if (user_id.empty()) return Status::InvalidArgument("a customer id is required");
  ErasureReport report;
  Status status = database.Write([&](Connection& c) -> Status {
    std::vector<std::string> tables = Tables(c);
    // Statistics first, so rows that reference a profile no longer do when it is deleted.
    std::stable_partition(tables.begin(), tables.end(),
                          [](const std::string& t) { return KeptForStatistics().count(t) > 0; });
    for (const std::string& table : tables) {
      std::vector<Column> columns = Columns(c, table);
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
        sql += " WHERE " + Quote(owner->name) + " = ?1";
        SQLite::Statement s(c.raw(), sql);
        s.bind(1, user_id);
        report.anonymised_rows += s.exec();
      } else if (owner != nullptr) {
        SQLite::Statement s(
            c.raw(), "DELETE FROM " + Quote(table) + " WHERE " + Quote(owner->name) + " = ?1");
        s.bind(1, user_id);
        report.deleted_rows += s.exec();
      } else if (ProfileTables().count(table) > 0 && Find(columns, "id") != nullptr) {
        SQLite::Statement s(c.raw(), "DELETE FROM " + Quote(table) + " WHERE id = ?1");
        s.bind(1, user_id);
        report.deleted_rows += s.exec();
      }
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return report;
}

}  // namespace chariot::store
