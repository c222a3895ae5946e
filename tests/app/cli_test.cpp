// The command line as a person meets it: help, wrong flags, missing files, one-sentence errors.
#include <catch2/catch.hpp>
#include <fstream>

#include "support/run_command.h"
#include "support/temp_dir.h"

using chariot::testing::RunChariot;

namespace {
// One sentence: a single line, no exception text or stack trace.
void CheckOneSentence(const std::string& err) {
  CHECK_FALSE(err.empty());
  CHECK(err.find('\n') == err.size() - 1);
  CHECK(err.find("what()") == std::string::npos);
  CHECK(err.find("terminate") == std::string::npos);
}
}  // namespace

TEST_CASE("every command answers --help", "[app][cli]") {
  for (const char* command : {"serve", "chat", "migrate", "version", "parse", "export", "check"}) {
    auto result = RunChariot({command, "--help"});
    INFO(command << ": " << result.err);
    CHECK(result.exit_code == 0);
    CHECK(result.out.find("usage: chariot") != std::string::npos);
  }
  auto top = RunChariot({"--help"});
  CHECK(top.exit_code == 0);
  CHECK(top.out.find("serve") != std::string::npos);
}

TEST_CASE("wrong commands and flags say what is wrong in one sentence", "[app][cli]") {
  auto unknown = RunChariot({"fly"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "chariot: unknown command 'fly' (see chariot --help)\n");
  auto flag = RunChariot({"serve", "--turbo"});
  CHECK(flag.exit_code == 2);
  CHECK(flag.err == "chariot serve: unknown option '--turbo' (see --help)\n");
  auto port = RunChariot({"serve", "--port", "http"});
  CHECK(port.exit_code == 2);
  CheckOneSentence(port.err);
  auto missing = RunChariot({"serve", "--config", "/nonexistent/chariot.json"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "chariot serve: the config file /nonexistent/chariot.json cannot be read\n");
  auto env = RunChariot({"migrate"}, "", {{"CHARIOT_PORT", "99999"}});
  CHECK(env.exit_code == 2);
  CheckOneSentence(env.err);
}

TEST_CASE("a bad config file is refused in one sentence", "[app][cli]") {
  chariot::testing::TempDir dir;
  std::ofstream(dir.File("bad.json")) << "{\"port\": \"eighty\"}";
  auto wrong_type = RunChariot({"migrate", "--config", dir.File("bad.json")});
  CHECK(wrong_type.exit_code == 2);
  CheckOneSentence(wrong_type.err);
  std::ofstream(dir.File("unknown.json")) << "{\"prot\": 80}";
  auto unknown_key = RunChariot({"migrate", "--config", dir.File("unknown.json")});
  CHECK(unknown_key.err.find("unknown key 'prot'") != std::string::npos);
}

TEST_CASE("migrate creates the database and refuses a newer one", "[app][cli][migrations]") {
  chariot::testing::TempDir dir;
  std::string db = dir.File("m.db");
  auto first = RunChariot({"migrate", "--db", db});
  REQUIRE(first.exit_code == 0);
  CHECK(first.out.find("schema version") != std::string::npos);
  std::string bump = "sqlite3 " + db + " 'PRAGMA user_version = 999'";
  REQUIRE(std::system(bump.c_str()) == 0);
  auto newer = RunChariot({"migrate", "--db", db});
  CHECK(newer.exit_code == 1);
  CHECK(newer.err.find("newer than this chariot understands") != std::string::npos);
  CheckOneSentence(newer.err);
}

TEST_CASE("version prints the version", "[app][cli]") {
  auto result = RunChariot({"version"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.rfind("chariot ", 0) == 0);
}
