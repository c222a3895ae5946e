// Which tables keep anonymised rows and which lose them (see store/erasure.h):
//  - a table kept for statistics (orders and their lines, support tickets and appointments,
//    survey outcomes) keeps its rows: the customer id becomes NULL (or "" when the column is NOT
//    NULL) and free-text columns that describe the person or what they said are blanked;
//  - any other table with a user_id / customer_id column loses the customer's rows;
//  - a profile table (customers, users, profiles) loses the row whose id is the customer's.
// The areas (commerce, support, feedback, platforms) each own their tables and a deployment may
// not have them all, so the rules go by the table and column names found in the database.
#include "store/erasure_rules.h"

#include <algorithm>
#include <set>

namespace chariot::store {
namespace {

const std::set<std::string>& StatisticsTables() {
  static const std::set<std::string> kTables = {
      "orders",       "order_lines",     "order_items",          "tickets",
      "appointments", "support_tickets", "support_appointments", "survey_outcomes"};
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
      "street",   "phone",       "phone_number", "email",   "customer_name", "full_name",
      "words",      // a support ticket's account of the problem, in the customer's words
      "postcode"};  // with a date and a problem, enough to find the person again
  return kColumns;
}

std::string Quote(const std::string& identifier) {
  std::string quoted = "\"";
  for (char c : identifier) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

const TableColumn* Find(const std::vector<TableColumn>& columns, const std::string& name) {
  auto it = std::find_if(columns.begin(), columns.end(),
                         [&](const TableColumn& c) { return c.name == name; });
  return it == columns.end() ? nullptr : &*it;
}

}  // namespace

bool KeptForStatistics(const std::string& table) { return StatisticsTables().count(table) > 0; }

std::optional<ErasureStatement> PlanErasure(const std::string& table,
                                            const std::vector<TableColumn>& columns,
                                            const std::string& placeholder) {
  const TableColumn* owner = Find(columns, "user_id");
  if (owner == nullptr) owner = Find(columns, "customer_id");
  if (owner != nullptr && KeptForStatistics(table)) {
    std::string sql = "UPDATE " + Quote(table) + " SET " + Quote(owner->name) + " = " +
                      (owner->not_null ? "''" : "NULL");
    for (const TableColumn& column : columns) {
      if (PersonalTextColumns().count(column.name) > 0) {
        sql += ", " + Quote(column.name) + " = " + (column.not_null ? "''" : "NULL");
      }
    }
    return ErasureStatement{sql + " WHERE " + Quote(owner->name) + " = " + placeholder, true};
  }
  if (owner != nullptr) {
    return ErasureStatement{
        "DELETE FROM " + Quote(table) + " WHERE " + Quote(owner->name) + " = " + placeholder,
        false};
  }
  if (ProfileTables().count(table) > 0 && Find(columns, "id") != nullptr) {
    return ErasureStatement{"DELETE FROM " + Quote(table) + " WHERE id = " + placeholder, false};
  }
  return std::nullopt;
}

}  // namespace chariot::store
