// EraseCustomer on SQLite: the rules of store/erasure_rules.h over the tables in sqlite_master.
#include <algorithm>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/erasure.h"
#include "store/erasure_rules.h"

namespace chariot::store {
namespace {

std::vector<std::string> Tables(Connection& c) {
  std::vector<std::string> tables;
  SQLite::Statement s(c.raw(),
                      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                      "'sqlite_%' ORDER BY name");
  while (s.executeStep()) tables.push_back(s.getColumn(0).getString());
  return tables;
}

std::vector<TableColumn> Columns(Connection& c, const std::string& table) {
  std::vector<TableColumn> columns;
  SQLite::Statement s(c.raw(), "SELECT name, \"notnull\" FROM pragma_table_info(?1)");
  s.bind(1, table);
  while (s.executeStep()) {
    columns.push_back({s.getColumn(0).getString(), s.getColumn(1).getInt() != 0});
  }
  return columns;
}

}  // namespace

Result<ErasureReport> EraseCustomer(Database& database, const std::string& user_id) {
  if (user_id.empty()) return Status::InvalidArgument("a customer id is required");
  ErasureReport report;
  Status status = database.Write([&](Connection& c) -> Status {
    report = ErasureReport();
    std::vector<std::string> tables = Tables(c);
    std::stable_partition(tables.begin(), tables.end(), KeptForStatistics);
    for (const std::string& table : tables) {
      auto plan = PlanErasure(table, Columns(c, table), "?1");
      if (!plan) continue;
      SQLite::Statement s(c.raw(), plan->sql);
      s.bind(1, user_id);
      (plan->anonymises ? report.anonymised_rows : report.deleted_rows) += s.exec();
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return report;
}

}  // namespace chariot::store
