// A real engine, survey service and SQLite database for driving whole conversations with Turns.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "app/paths.h"
#include "dialog/engine.h"
#include "feedback/survey_service.h"
#include "store/migrations.h"
#include "store/sqlite/sqlite_session_store.h"
#include "store/sqlite/survey_store.h"
#include "support/temp_dir.h"

namespace chariot::testing {

// The few phrases the survey tests need, so they do not depend on the real grammar: what the
// parser says of the survey's answers does not matter (the survey reads the words itself).
class SurveyPhraseParser : public nlu::Parser {
 public:
  nlu::Understanding Parse(std::string_view text, std::string_view, int64_t) const override {
    static const std::map<std::string, std::string, std::less<>> kBook = {
        {"c'est tout", "Done"},     {"that's all", "Done"}, {"stop", "Stop"},
        {"répète", "Repeat"},       {"aide", "Help"},       {"non merci", "No"},
        {"laisse tomber", "Cancel"}};
    nlu::Understanding u;
    auto it = kBook.find(text);
    if (it != kBook.end()) {
      u.intent = it->second;
      u.confidence = 1;
    }
    return u;
  }
  std::vector<std::string> Locales() const override { return {"fr-FR", "en-US"}; }
};

struct SurveyFixture {
  TempDir dir;
  std::unique_ptr<store::Database> db;
  std::unique_ptr<store::SqliteSessionStore> sessions;
  std::unique_ptr<store::SqliteSurveyStore> outcomes;
  SurveyPhraseParser parser;
  dialog::Prompts prompts;
  FixedClock clock{1764000000};
  std::unique_ptr<feedback::SurveyService> survey;
  std::unique_ptr<dialog::Engine> engine;

  explicit SurveyFixture(feedback::SurveyConfig config = {},
                         feedback::AlertSender* alerts = nullptr) {
    db = std::move(*store::Database::Open(dir.File("survey.db")));
    auto migrations = store::LoadMigrations(app::ResolveResourcePaths().migrations_dir);
    if (!migrations.ok() || !store::Migrate(*db, *migrations).ok()) {
      throw std::runtime_error("migration failed");
    }
    sessions = std::make_unique<store::SqliteSessionStore>(*db);
    outcomes = std::make_unique<store::SqliteSurveyStore>(*db);
    prompts = *dialog::Prompts::Load(app::ResolveResourcePaths().intents_dir);
    survey = std::make_unique<feedback::SurveyService>(*outcomes, prompts, clock, config, alerts);
    dialog::Services services;
    services.survey = survey.get();
    engine =
        std::make_unique<dialog::Engine>(parser, prompts, services, *sessions, survey.get(), clock);
  }

  Reply Say(const std::string& text, const std::string& session_id, const std::string& user = "u1",
            const std::string& locale = "fr-FR") {
    Turn turn;
    turn.kind = session_id.empty() && text.empty() ? TurnKind::kLaunch : TurnKind::kText;
    turn.channel = "api";
    turn.locale = locale;
    turn.user_id = user;
    turn.session_id = session_id;
    turn.text = text;
    return engine->Handle(turn);
  }

  Reply End(const std::string& session_id, const std::string& reason,
            const std::string& user = "u1") {
    Turn turn;
    turn.kind = TurnKind::kSessionEnded;
    turn.channel = "alexa";
    turn.user_id = user;
    turn.session_id = session_id;
    turn.end_reason = reason;
    return engine->Handle(turn);
  }

  // Opens a session and finishes it ("c'est tout"), so the question is asked when sampled.
  std::string OpenAndFinish(const std::string& user = "u1", const std::string& locale = "fr-FR") {
    Reply welcome = Say("", "", user, locale);
    Say(locale == "fr-FR" ? "c'est tout" : "that's all", welcome.session_id, user, locale);
    return welcome.session_id;
  }

  store::SurveyOutcome Outcome(const std::string& session_id) {
    auto o = outcomes->Get(session_id);
    if (!o.ok()) throw std::runtime_error("no outcome for " + session_id);
    return *o;
  }
};

}  // namespace chariot::testing
