// App: the running Chariot, wired from a Config: database (migrated), stores, understanding,
// prompts, domain services and the dialog engine. Shared by `serve` and `chat`.
//
// Ownership: App owns everything; the engine and the HTTP server only borrow.
#pragma once

#include <memory>
#include <string>

#include "app/config.h"
#include "app/paths.h"
#include "commerce/shopping_service.h"
#include "core/clock.h"
#include "dialog/engine.h"
#include "dialog/prompts.h"
#include "feedback/alert_sender.h"
#include "feedback/retention.h"
#include "feedback/survey_service.h"
#include "http/deps.h"
#include "nlu/parser.h"
#include "platforms/account_linker.h"
#include "platforms/platform_config.h"
#include "store/open_stores.h"
#include "support/support_service.h"

namespace chariot::app {

struct App {
  Config config;
  ResourcePaths paths;
  SystemClock clock;
  // Every store, on SQLite or PostgreSQL (config.db); the services below only see interfaces.
  store::OpenedStores storage;
  std::unique_ptr<commerce::ShoppingService> shopping;
  std::unique_ptr<nlu::Parser> parser;
  std::unique_ptr<dialog::Prompts> prompts;
  // The satisfaction survey (declared before the engine, which borrows it).
  std::unique_ptr<feedback::AlertSender> alerts;  // null without CHARIOT_ALERT_WEBHOOK_URL
  std::unique_ptr<feedback::SurveyService> survey;
  std::unique_ptr<feedback::RetentionSweeper> retention;
  std::unique_ptr<support::SupportService> support;
  std::unique_ptr<dialog::Engine> engine;
  platforms::PlatformConfig platforms;  // from the CHARIOT_ALEXA_/DIALOGFLOW_/TWILIO_ variables
  std::unique_ptr<platforms::AccountLinker> account_linker;  // platforms.alexa.account_linker

  http::ServerDeps MakeServerDeps() const;
};

// Opens the database (migrating it), loads intents and prompts, seeds the demo data on first
// start and builds the engine. One-sentence errors.
Result<std::unique_ptr<App>> OpenApp(const Config& config);

// Opens and migrates the database only (for `chariot migrate`): a SQLite path or a PostgreSQL
// URL. Returns the schema version.
Result<int> MigrateDatabase(const std::string& db_path, const ResourcePaths& paths);

// The stores' options from the configuration (PostgreSQL pool size, SQLite timeouts).
store::StoreOptions StoreOptionsFrom(const Config& config);

// Where files kept beside the database go: the SQLite path itself, or "chariot" (the working
// folder) when the database is a PostgreSQL URL.
std::string LocalFileBase(const Config& config);

// Fills config.api_token / admin_token when unset: the ones stored with the database, or new
// ones, stored there and written to "<LocalFileBase>.<name>-token" (mode 0600). Returns what to
// tell the operator about where to read them.
Result<std::string> EnsureTokens(App& app);

}  // namespace chariot::app
