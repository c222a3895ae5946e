// Every prompt the support flow says exists in fr-FR and en-US (intents/*/prompts/support.json).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "app/paths.h"
#include "dialog/prompts.h"
#include "support/types.h"

using namespace chariot;

TEST_CASE("every support prompt exists in both locales", "[support][dialog][prompts]") {
  auto prompts = dialog::Prompts::Load(app::ResolveResourcePaths().intents_dir);
  REQUIRE(prompts.ok());
  std::set<std::string> keys;
  // The keys written in the flow's sources...
  const std::regex literal("\"((support|core)\\.[a-z_.]*[a-z_])\"");
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(CHARIOT_SOURCE_DIR) + "/src/dialog/flows")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("support", 0) != 0 || entry.path().extension() != ".cpp") continue;
    std::ifstream in(entry.path());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it) {
      keys.insert((*it)[1]);
    }
  }
  REQUIRE(keys.size() > 30);
  // ...and the ones built from codes.
  for (const auto& problem : support::ProblemCodes()) keys.insert("support.problem." + problem);
  for (const auto& kind : support::AppointmentKinds()) keys.insert("support.kind." + kind);
  for (const char* status : {"open", "resolved", "scheduled", "handed_over", "closed"}) {
    keys.insert(std::string("support.status.") + status);
  }
  for (const char* locale : {"fr-FR", "en-US"}) {
    for (const auto& key : keys) {
      INFO(locale << " " << key);
      CHECK(prompts->Has(locale, key));
    }
  }
}
