// The spine, as a customer meets it over the native API: welcome, add milk, done, the survey,
// goodbye; and an acknowledged list change that survives kill -9 of the server.
#include <catch2/catch.hpp>

#include "support/server_process.h"
#include "support/temp_dir.h"

using chariot::testing::Converse;
using chariot::testing::ServerProcess;
using nlohmann::json;

namespace {

json ListOf(const ServerProcess& server, const std::string& user) {
  auto res = server.Get("/v1/users/" + user + "/list");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  return json::parse(res->body)["items"];
}

// "ajoute du lait": either added at once, or Chariot asks which milk; then the first offer is
// taken.
json AddMilk(const ServerProcess& server, const std::string& user, const std::string& session) {
  json added = Converse(server, user, "ajoute du lait", session);
  CHECK(added["intent"] == "AddItem");
  if (ListOf(server, user).empty()) {
    CHECK(added["speech"].get<std::string>().find("?") != std::string::npos);
    added = Converse(server, user, "le premier", session);
  }
  return added;
}

}  // namespace

TEST_CASE("a customer shops by voice over HTTP and the session ends with the survey",
          "[http][conversation]") {
  ServerProcess server;
  json welcome = Converse(server, "u1", "je veux faire les courses");
  std::string session = welcome["session_id"];
  CHECK_FALSE(session.empty());
  CHECK_FALSE(welcome["end_session"].get<bool>());
  CHECK(welcome["ssml"].get<std::string>().rfind("<speak>", 0) == 0);

  json added = AddMilk(server, "u1", session);
  CHECK(added["speech"].get<std::string>().find("lait") !=
        std::string::npos);  // says what was understood
  json items = ListOf(server, "u1");
  REQUIRE(items.size() == 1);
  CHECK(items[0]["name"].get<std::string>().find("Lait") == 0);

  json done = Converse(server, "u1", "non merci c'est tout", session);
  CHECK_FALSE(done["end_session"].get<bool>());  // the satisfaction question is asked first
  CHECK(done["speech"].get<std::string>().find("recommand") != std::string::npos);
  json rated = Converse(server, "u1", "je dirais huit", session);
  CHECK(rated["end_session"].get<bool>());

  // Another customer's list is not this one.
  CHECK(ListOf(server, "u2").empty());
}

TEST_CASE("an acknowledged list change survives kill -9 of the server",
          "[http][conversation][durability]") {
  chariot::testing::TempDir dir;
  chariot::testing::ServerOptions options;
  options.db_path = dir.File("durable.db");
  json before;
  {
    ServerProcess first(options);
    json welcome = Converse(first, "u9", "");
    AddMilk(first, "u9", welcome["session_id"]);
    before = ListOf(first, "u9");
    REQUIRE(before.size() == 1);
    first.Kill();  // SIGKILL right after the acknowledgement: no drain, no clean close
  }
  ServerProcess second(options);
  CHECK(ListOf(second, "u9") == before);
}
