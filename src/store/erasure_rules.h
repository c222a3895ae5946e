// The rules of EraseCustomer (store/erasure.h), shared by the SQLite and PostgreSQL backends:
// given a table and its columns, the one statement that erases or anonymises a customer there.
//
// Thread safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace chariot::store {

struct TableColumn {
  std::string name;
  bool not_null = false;
};

struct ErasureStatement {
  std::string sql;          // one parameter: the customer id, written as `placeholder`
  bool anonymises = false;  // true: rows kept without the customer; false: rows deleted
};

// Tables kept for statistics are processed first, so that a profile row is deleted only after
// nothing kept refers to it.
bool KeptForStatistics(const std::string& table);

// The statement for table, or nullopt when the table holds nothing about one customer.
// placeholder is "?1" (SQLite) or "$1" (PostgreSQL).
std::optional<ErasureStatement> PlanErasure(const std::string& table,
                                            const std::vector<TableColumn>& columns,
                                            const std::string& placeholder);

}  // namespace chariot::store
