#include "app/app.h"

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>

#include "core/ids.h"
#include "commerce/seed.h"
#include "store/migrations.h"

namespace chariot::app {

Result<int> MigrateDatabase(const std::string& db_path, const ResourcePaths& paths) {
  auto database = store::Database::Open(db_path);
  if (!database.ok()) return database.status();
  auto migrations = store::LoadMigrations(paths.migrations_dir);
  if (!migrations.ok()) return migrations.status();
  return store::Migrate(**database, *migrations);
}

Result<std::unique_ptr<App>> OpenApp(const Config& config) {
  auto app = std::make_unique<App>();
  app->config = config;
  app->paths = ResolveResourcePaths();
  auto platform_config = platforms::PlatformConfigFromEnvironment(config.db);
  if (!platform_config.ok()) return platform_config.status();
  app->platforms = std::move(*platform_config);
  auto linker = platforms::MakeAccountLinker(app->platforms.alexa, app->clock);
  if (!linker.ok()) return linker.status();
  app->account_linker = std::move(*linker);
  app->platforms.alexa.account_linker = app->account_linker.get();

  store::DatabaseOptions database_options;
  database_options.busy_timeout_ms = config.db_busy_timeout_ms;
  database_options.max_batch = config.db_max_batch;
  auto database = store::Database::Open(config.db, database_options);
  if (!database.ok()) return database.status();
  app->database = std::move(*database);
  auto migrations = store::LoadMigrations(app->paths.migrations_dir);
  if (!migrations.ok()) return migrations.status();
  if (auto version = store::Migrate(*app->database, *migrations); !version.ok()) {
    return version.status();
  }
  app->sessions = std::make_unique<store::SqliteSessionStore>(*app->database);
  app->settings = std::make_unique<store::SqliteSettingsStore>(*app->database);

  // The demo catalog (or the retailer's files in data/): upserted at every start, idempotently.
  app->commerce_stores = std::make_unique<store::SqliteCommerceStores>(*app->database);
  auto seeded = commerce::SeedDemoData(app->commerce_stores->catalog, app->commerce_stores->orders,
                                       app->paths.data_dir, app->clock.NowSeconds());
  if (!seeded.ok()) return seeded.status();
  app->shopping = std::make_unique<commerce::ShoppingService>(
      app->commerce_stores->catalog, app->commerce_stores->lists, app->commerce_stores->orders,
      app->commerce_stores->customers, app->clock);

  auto parser = nlu::Parser::Load(app->paths.intents_dir);
  if (!parser.ok()) return parser.status();
  app->parser = std::move(*parser);
  auto prompts = dialog::Prompts::Load(app->paths.intents_dir);
  if (!prompts.ok()) return prompts.status();
  app->prompts = std::make_unique<dialog::Prompts>(std::move(*prompts));

  // Support: tickets and appointments in the database, advice and advisors from data/.
  app->tickets = std::make_unique<store::SqliteTicketStore>(*app->database);
  app->appointments = std::make_unique<store::SqliteAppointmentStore>(*app->database);
  support::SupportOptions support_options;
  if (const char* line = std::getenv("CHARIOT_ADVISOR_LINE")) support_options.advisor_line = line;
  auto support = support::SupportService::Load(app->paths.data_dir, *app->tickets,
                                                *app->appointments, app->clock, support_options);
  if (!support.ok()) return support.status();
  app->support = std::move(*support);

  auto survey_config = feedback::SurveyConfigFromEnvironment(std::getenv);
  if (!survey_config.ok()) return survey_config.status();
  app->survey_store = std::make_unique<store::SqliteSurveyStore>(*app->database);
  if (!survey_config->webhook_url.empty()) {
    feedback::WebhookOptions webhook;
    webhook.url = survey_config->webhook_url;
    webhook.secret = survey_config->webhook_secret;
    webhook.max_attempts = survey_config->webhook_max_attempts;
    webhook.queue_capacity = survey_config->webhook_queue_capacity;
    app->alerts = std::make_unique<feedback::AlertSender>(webhook, app->clock);
  }
  app->survey = std::make_unique<feedback::SurveyService>(
      *app->survey_store, *app->prompts, app->clock, *survey_config, app->alerts.get());
  app->retention = std::make_unique<feedback::RetentionSweeper>(*app->survey);

  dialog::Services services;
  services.survey = app->survey.get();
  services.products = &app->shopping->resolver();
  services.shopping = app->shopping.get();
  services.support = app->support.get();
  dialog::EngineOptions options;
  options.session_ttl_seconds = config.session_ttl_seconds;
  options.default_locale = config.default_locale;
  app->engine = std::make_unique<dialog::Engine>(*app->parser, *app->prompts, services,
                                                 *app->sessions, app->survey.get(), app->clock,
                                                 options);
  return app;
}

http::ServerDeps App::MakeServerDeps() const {
  http::ServerDeps deps;
  deps.clock = &clock;
  deps.parser = parser.get();
  deps.engine = engine.get();
  deps.database = database.get();
  deps.support = support.get();
  deps.survey = survey.get();
  deps.products = &shopping->resolver();
  deps.shopping = shopping.get();
  deps.secrets.api_token = config.api_token;
  deps.secrets.admin_token = config.admin_token;
  deps.platforms = &platforms;
  return deps;
}

namespace {

Result<std::string> EnsureToken(App& app, const std::string& name, std::string& token) {
  if (!token.empty()) return std::string(name + " token: from the configuration");
  auto stored = app.settings->GetOrInsert(name + "_token", RandomHex(24));
  if (!stored.ok()) return stored.status();
  token = *stored;
  std::string file = app.config.db + "." + name + "-token";
  std::ofstream out(file, std::ios::trunc);
  if (!out) return std::string(name + " token: stored in the database (cannot write " + file + ")");
  out << token << "\n";
  out.close();
  ::chmod(file.c_str(), 0600);
  return std::string(name + " token: generated, read it in " + file);
}

}  // namespace

Result<std::string> EnsureTokens(App& app) {
  auto api = EnsureToken(app, "api", app.config.api_token);
  if (!api.ok()) return api;
  auto admin = EnsureToken(app, "admin", app.config.admin_token);
  if (!admin.ok()) return admin;
  return *api + "\n" + *admin;
}

}  // namespace chariot::app
