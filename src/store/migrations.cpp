#include "store/migrations.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace chariot::store {

Result<std::vector<Migration>> LoadMigrations(const std::string& dir) {
  std::vector<Migration> migrations;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".sql" || name.size() < 6) continue;
    int version = 0;
    try {
      version = std::stoi(name.substr(0, 4));
    } catch (const std::exception&) {
      return Status::InvalidArgument("migration file " + name + " does not start with a number");
    }
    std::ifstream in(entry.path());
    std::stringstream sql;
    sql << in.rdbuf();
    migrations.push_back({version, name, sql.str()});
  }
  if (ec) return Status::InvalidArgument("cannot read the migrations folder " + dir);
  std::sort(migrations.begin(), migrations.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  for (size_t i = 0; i < migrations.size(); ++i) {
    if (migrations[i].version != static_cast<int>(i) + 1) {
      return Status::InvalidArgument("migrations must be numbered 1..N without gaps; " +
                                     migrations[i].name + " is out of place");
    }
  }
  return migrations;
}

Result<int> SchemaVersion(Database& db) {
  return db.Read([](Connection& c) -> Result<int> {
    auto& statement = c.Prepare("PRAGMA user_version");
    statement.executeStep();
    return statement.getColumn(0).getInt();
  });
}

Result<int> Migrate(Database& db, const std::vector<Migration>& migrations) {
  auto current = SchemaVersion(db);
  if (!current.ok()) return current.status();
  int latest = migrations.empty() ? 0 : migrations.back().version;
  if (*current > latest) {
    return Status::Conflict("the database is at schema version " + std::to_string(*current) +
                            ", newer than this chariot understands (" + std::to_string(latest) +
                            "); use a newer chariot");
  }
  for (const auto& migration : migrations) {
    if (migration.version <= *current) continue;
    Status status = db.Write([&](Connection& c) -> Status {
      c.raw().exec(migration.sql);
      c.Exec("PRAGMA user_version = " + std::to_string(migration.version));
      return Status::Ok();
    });
    if (!status.ok()) {
      return Status(status.code(), "migration " + migration.name + " failed: " + status.message());
    }
  }
  return latest;
}

}  // namespace chariot::store
