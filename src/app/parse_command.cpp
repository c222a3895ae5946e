#include "app/parse_command.h"

#include <cstdio>
#include <iostream>
#include <string>

#include "app/paths.h"
#include "commerce/seed.h"
#include "commerce/shopping_service.h"
#include "core/clock.h"
#include "nlu/civil_time.h"
#include "nlu/parser.h"
#include "nlu/understanding_json.h"
#include "store/migrations.h"
#include "store/sqlite/commerce_stores.h"

namespace chariot::app {
namespace {

constexpr const char* kUsage =
    "usage: chariot parse [--locale fr-FR] [--now ISO8601] [TEXT]\n"
    "Understands TEXT (or each line of stdin) and prints one JSON object per input:\n"
    "  {\"text\",\"intent\",\"confidence\",\"slots\"}\n"
    "  --locale L   fr-FR (default) or en-US\n"
    "  --now T      the clock for relative dates, e.g. 2026-11-24T10:00:00+01:00 (default: now)\n";

// Longer lines are cut here before parsing (the parser itself refuses more than 2000 bytes).
constexpr size_t kMaxLine = 1 << 16;

}  // namespace

int RunParseCommand(const std::vector<std::string>& args) {
  std::string locale = "fr-FR";
  std::optional<int64_t> now;
  std::string text;
  bool have_text = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (arg == "--locale" || arg == "--now") {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "chariot parse: %s needs a value.\n", arg.c_str());
        return 2;
      }
      const std::string& value = args[++i];
      if (arg == "--locale") {
        locale = value;
      } else {
        now = nlu::ParseIso8601(value);
        if (!now) {
          std::fprintf(
              stderr,
              "chariot parse: --now must be an ISO 8601 time such as 2026-11-24T10:00:00+01:00.\n");
          return 2;
        }
      }
      continue;
    }
    if (arg.size() > 1 && arg[0] == '-' && arg[1] == '-') {
      std::fprintf(stderr, "chariot parse: unknown option %s (see --help).\n", arg.c_str());
      return 2;
    }
    if (have_text) {
      text += " ";
    }
    text += arg;
    have_text = true;
  }
  if (locale != "fr-FR" && locale != "en-US") {
    std::fprintf(stderr, "chariot parse: unknown locale %s (fr-FR or en-US).\n", locale.c_str());
    return 2;
  }
  ResourcePaths paths = ResolveResourcePaths();
  Result<std::unique_ptr<nlu::Parser>> parser = nlu::Parser::Load(paths.intents_dir);
  if (!parser.ok()) {
    std::fprintf(stderr, "chariot parse: cannot load the intents: %s\n",
                 parser.status().message().c_str());
    return 1;
  }
  SystemClock clock;
  // The catalog, so products resolve to a sku: data/ loaded into an in-memory database (a few
  // milliseconds). Without it, understanding still works, only without skus.
  std::unique_ptr<store::Database> catalog_db;
  std::unique_ptr<store::SqliteCommerceStores> stores;
  std::unique_ptr<commerce::ShoppingService> shopping;
  if (auto db = store::Database::Open(":memory:"); db.ok()) {
    catalog_db = std::move(*db);
    auto migrations = store::LoadMigrations(paths.migrations_dir);
    if (migrations.ok() && store::Migrate(*catalog_db, *migrations).ok()) {
      stores = std::make_unique<store::SqliteCommerceStores>(*catalog_db);
      if (commerce::SeedDemoData(stores->catalog, stores->orders, paths.data_dir,
                                 clock.NowSeconds())
              .ok()) {
        shopping = std::make_unique<commerce::ShoppingService>(
            stores->catalog, stores->lists, stores->orders, stores->customers, clock);
      }
    }
  }
  const ProductResolver* resolver = shopping ? &shopping->resolver() : nullptr;
  auto print = [&](const std::string& line) {
    int64_t at = now ? *now : clock.NowSeconds();
    nlu::Understanding understanding = (*parser)->Parse(line, locale, at);
    nlohmann::json out = nlu::UnderstandingToJson(line, understanding, resolver, locale);
    std::string dumped = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::fwrite(dumped.data(), 1, dumped.size(), stdout);
    std::fputc('\n', stdout);
  };
  if (have_text) {
    print(text);
    return 0;
  }
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.size() > kMaxLine) line.resize(kMaxLine);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    print(line);
    std::fflush(stdout);
  }
  return 0;
}

}  // namespace chariot::app
