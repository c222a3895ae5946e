// Small helpers shared by the PostgreSQL stores: reading typed columns (NULL reads as empty or 0).
#pragma once

#include <cstdint>
#include <pqxx/pqxx>
#include <string>

namespace chariot::store::pg {

inline std::string Text(const pqxx::field& f) {
  return f.is_null() ? std::string() : f.as<std::string>();
}
inline int64_t Int(const pqxx::field& f) { return f.is_null() ? 0 : f.as<int64_t>(); }
inline double Real(const pqxx::field& f) { return f.is_null() ? 0.0 : f.as<double>(); }

// Any fixed number: the key of the advisory lock under which the catalog is replaced, so two
// instances seeding at once take turns.
inline constexpr int64_t kCatalogLock = 0x63686172696f7401;

}  // namespace chariot::store::pg
