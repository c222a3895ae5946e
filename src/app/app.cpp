#include "app/app.h"

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>

#include "commerce/seed.h"
#include "core/ids.h"

namespace chariot::app {

store::StoreOptions StoreOptionsFrom(const Config& config) {
  store::StoreOptions options;
  options.sqlite_busy_timeout_ms = config.db_busy_timeout_ms;
  options.sqlite_max_batch = config.db_max_batch;
  options.postgres_pool_size = config.db_pool;
  return options;
}

std::string LocalFileBase(const Config& config) {
  return store::IsPostgresUrl(config.db) ? std::string("chariot") : config.db;
}

Result<int> MigrateDatabase(const std::string& db_path, const ResourcePaths& paths) {
  store::StoreOptions options;
  options.postgres_pool_size = 1;
  auto opened = store::OpenStores(db_path, paths.migrations_dir, options);
  if (!opened.ok()) return opened.status();
  return opened->schema_version;
}

Result<std::unique_ptr<App>> OpenApp(const Config& config) {
  auto app = std::make_unique<App>();
  app->config = config;
  app->paths = ResolveResourcePaths();
  // The certificate cache is per instance, on local disk (a cache of public certificates).
  auto platform_config = platforms::PlatformConfigFromEnvironment(LocalFileBase(config));
  if (!platform_config.ok()) return platform_config.status();
  app->platforms = std::move(*platform_config);
  auto linker = platforms::MakeAccountLinker(app->platforms.alexa, app->clock);
  if (!linker.ok()) return linker.status();
  app->account_linker = std::move(*linker);
  app->platforms.alexa.account_linker = app->account_linker.get();

  auto storage = store::OpenStores(config.db, app->paths.migrations_dir, StoreOptionsFrom(config));
  if (!storage.ok()) return storage.status();
  app->storage = std::move(*storage);
  store::Stores& stores = app->storage.stores;

  // The demo catalog (or the retailer's files in data/): upserted at every start, idempotently.
  // Safe with several instances starting at once on PostgreSQL: the catalog is replaced under an
  // advisory lock and slots are inserted with ON CONFLICT DO NOTHING.
  auto seeded = commerce::SeedDemoData(*stores.catalog, *stores.orders, app->paths.data_dir,
                                       app->clock.NowSeconds());
  if (!seeded.ok()) return seeded.status();
  app->shopping = std::make_unique<commerce::ShoppingService>(
      *stores.catalog, *stores.lists, *stores.orders, *stores.customers, app->clock);

  auto parser = nlu::Parser::Load(app->paths.intents_dir);
  if (!parser.ok()) return parser.status();
  app->parser = std::move(*parser);
  auto prompts = dialog::Prompts::Load(app->paths.intents_dir);
  if (!prompts.ok()) return prompts.status();
  app->prompts = std::make_unique<dialog::Prompts>(std::move(*prompts));

  // Support: tickets and appointments in the database, advice and advisors from data/.
  support::SupportOptions support_options;
  if (const char* line = std::getenv("CHARIOT_ADVISOR_LINE")) support_options.advisor_line = line;
  auto support = support::SupportService::Load(app->paths.data_dir, *stores.tickets,
                                               *stores.appointments, app->clock, support_options);
  if (!support.ok()) return support.status();
  app->support = std::move(*support);

  auto survey_config = feedback::SurveyConfigFromEnvironment(std::getenv);
  if (!survey_config.ok()) return survey_config.status();
  if (!survey_config->webhook_url.empty()) {
    feedback::WebhookOptions webhook;
    webhook.url = survey_config->webhook_url;
    webhook.secret = survey_config->webhook_secret;
    webhook.max_attempts = survey_config->webhook_max_attempts;
    webhook.queue_capacity = survey_config->webhook_queue_capacity;
    app->alerts = std::make_unique<feedback::AlertSender>(webhook, app->clock);
  }
  app->survey = std::make_unique<feedback::SurveyService>(
      *stores.surveys, *app->prompts, app->clock, *survey_config, app->alerts.get());
  app->retention = std::make_unique<feedback::RetentionSweeper>(*app->survey);

  dialog::Services services;
  services.survey = app->survey.get();
  services.support = app->support.get();
  services.products = &app->shopping->resolver();
  services.shopping = app->shopping.get();
  dialog::EngineOptions options;
  options.session_ttl_seconds = config.session_ttl_seconds;
  options.default_locale = config.default_locale;
  app->engine =
      std::make_unique<dialog::Engine>(*app->parser, *app->prompts, services, *stores.sessions,
                                       app->survey.get(), app->clock, options);
  return app;
}

http::ServerDeps App::MakeServerDeps() const {
  http::ServerDeps deps;
  deps.clock = &clock;
  deps.parser = parser.get();
  deps.engine = engine.get();
  deps.ping = storage.stores.ping;
  deps.erase_customer = storage.stores.erase_customer;
  deps.products = &shopping->resolver();
  deps.shopping = shopping.get();
  deps.support = support.get();
  deps.survey = survey.get();
  deps.secrets.api_token = config.api_token;
  deps.secrets.admin_token = config.admin_token;
  deps.platforms = &platforms;
  return deps;
}

namespace {

Result<std::string> EnsureToken(App& app, const std::string& name, std::string& token) {
  if (!token.empty()) return std::string(name + " token: from the configuration");
  auto stored = app.storage.stores.settings->GetOrInsert(name + "_token", RandomHex(24));
  if (!stored.ok()) return stored.status();
  token = *stored;
  // On PostgreSQL every instance reads the same stored token; the file is a local copy.
  std::string file = LocalFileBase(app.config) + "." + name + "-token";
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
