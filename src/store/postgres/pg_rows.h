// Small helpers shared by the PostgreSQL stores: reading typed columns and passing nullable
// parameters (libpqxx 6 sends a null `const char*` as SQL NULL).
#pragma once

#include <cstdint>
#include <optional>
#include <pqxx/pqxx>
#include <string>

namespace chariot::store::pg {

inline std::string Text(const pqxx::field& f) {
  return f.is_null() ? std::string() : f.as<std::string>();
}
inline int64_t Int(const pqxx::field& f) { return f.is_null() ? 0 : f.as<int64_t>(); }
inline double Real(const pqxx::field& f) { return f.is_null() ? 0.0 : f.as<double>(); }

// A parameter that is either a number or SQL NULL; keep it alive while the statement runs.
class NullableInt {
 public:
  explicit NullableInt(const std::optional<int64_t>& value)
      : null_(!value), text_(value ? std::to_string(*value) : std::string()) {}
  const char* get() const { return null_ ? nullptr : text_.c_str(); }

 private:
  bool null_;
  std::string text_;
};

// Any fixed numbers: keys of the advisory locks that serialise work across instances.
inline constexpr int64_t kCatalogLock = 0x63686172696f7401;   // catalog replacement
inline constexpr int64_t kDemoSeedLock = 0x63686172696f7402;  // demo data seeding at start

}  // namespace chariot::store::pg
