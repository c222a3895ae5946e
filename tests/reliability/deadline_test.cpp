// Platform deadlines (Dialogflow 5 s, Alexa 8 s): when another process holds the database's
// write lock, a turn still answers in time, with an apology, and writes nothing half-way.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "support/server_process.h"

using chariot::testing::ServerProcess;

namespace {

int SavedTurns(const std::string& db_path, const std::string& session_id) {
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  SQLite::Statement select(db, "SELECT state_json FROM sessions WHERE id = ?");
  select.bind(1, session_id);
  if (!select.executeStep()) return 0;
  return nlohmann::json::parse(select.getColumn(0).getString()).value("turns", 0);
}

}  // namespace

TEST_CASE("a locked database: the turn apologises within the deadline, nothing half-written",
          "[reliability][deadline]") {
  // The default busy timeout (2 s) is what production runs with; the client gives up at 5 s,
  // Dialogflow's deadline (ServerProcess clients time out at 5 s).
  ServerProcess server;
  nlohmann::json welcome = chariot::testing::Converse(server, "u-deadline", "");
  REQUIRE_FALSE(welcome["end_session"].get<bool>());
  const std::string session = welcome["session_id"];
  nlohmann::json help = chariot::testing::Converse(server, "u-deadline", "aide", session);
  REQUIRE_FALSE(help["end_session"].get<bool>());
  int turns_before = SavedTurns(server.db_path(), session);
  REQUIRE(turns_before == 2);

  {
    // Another process's writer (a backup, a migration, an admin's sqlite3 shell) holds the lock.
    SQLite::Database other(server.db_path(), SQLite::OPEN_READWRITE);
    other.setBusyTimeout(1000);
    other.exec("BEGIN IMMEDIATE");
    other.exec("CREATE TABLE IF NOT EXISTS held(x)");

    auto res = server.PostJson("/v1/converse", {{"user_id", "u-deadline"},
                                                {"session_id", session},
                                                {"locale", "fr-FR"},
                                                {"text", "aide"}});
    REQUIRE(res);  // answered before the client's 5 s deadline
    CHECK(res->status == 200);
    nlohmann::json reply = nlohmann::json::parse(res->body);
    CHECK(reply["speech"] ==
          "Désolé, je suis un peu débordé. Pouvez-vous répéter dans un instant ?");
    CHECK_FALSE(reply["end_session"].get<bool>());
    other.exec("ROLLBACK");
  }

  // Nothing of the failed turn was saved, and the conversation goes on where it was.
  CHECK(SavedTurns(server.db_path(), session) == turns_before);
  nlohmann::json again = chariot::testing::Converse(server, "u-deadline", "aide", session);
  CHECK(again["speech"] == help["speech"]);
  CHECK(SavedTurns(server.db_path(), session) == turns_before + 1);
  CHECK(server.Terminate() == 0);
}

TEST_CASE("the busy timeout is configurable and refuses a value that is not a number",
          "[reliability][deadline]") {
  chariot::testing::ServerOptions options;
  options.env = {{"CHARIOT_DB_BUSY_TIMEOUT_MS", "soon"}};
  CHECK_THROWS(ServerProcess(options));
}
