// The engine driven with Turns and no server: sessions, global intents, escalation, ends.
#include "dialog/engine.h"

#include <catch2/catch.hpp>
#include <map>

#include "app/paths.h"
#include "store/migrations.h"
#include "store/sqlite/sqlite_session_store.h"
#include "support/temp_dir.h"

using namespace chariot;

namespace {

// Understands a fixed phrase book, so these tests do not depend on the real grammar.
class PhraseBookParser : public nlu::Parser {
 public:
  nlu::Understanding Parse(std::string_view text, std::string_view, int64_t) const override {
    static const std::map<std::string, std::string, std::less<>> kBook = {
        {"c'est tout", "Done"}, {"stop", "Stop"}, {"répète", "Repeat"},
        {"aide", "Help"},       {"non", "No"},    {"laisse tomber", "Cancel"}};
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

class RecordingEnd : public dialog::EndOfSession {
 public:
  bool ask = false;
  std::vector<std::pair<std::string, std::string>> ended;  // session id, reason
  bool MaybeAsk(dialog::Session& session, Speech& question, Speech& reprompt) override {
    if (!ask) return false;
    session.state = "survey.asked";
    question.Say("Sur une échelle de zéro à dix ?");
    reprompt.Say("De zéro à dix ?");
    return true;
  }
  void OnEnded(const dialog::Session& session, const std::string& reason) override {
    ended.emplace_back(session.id, reason);
  }
};

struct Fixture {
  testing::TempDir dir;
  std::unique_ptr<store::Database> db;
  std::unique_ptr<store::SqliteSessionStore> sessions;
  PhraseBookParser parser;
  dialog::Prompts prompts;
  RecordingEnd end;
  FixedClock clock{1764000000};
  std::unique_ptr<dialog::Engine> engine;

  Fixture() {
    db = std::move(*store::Database::Open(dir.File("e.db")));
    REQUIRE(store::Migrate(*db, *store::LoadMigrations(app::ResolveResourcePaths().migrations_dir))
                .ok());
    sessions = std::make_unique<store::SqliteSessionStore>(*db);
    prompts = *dialog::Prompts::Load(app::ResolveResourcePaths().intents_dir);
    engine = std::make_unique<dialog::Engine>(parser, prompts, dialog::Services{}, *sessions, &end,
                                              clock);
  }

  Reply Say(const std::string& text, const std::string& session_id,
            const std::string& user = "u1") {
    Turn turn;
    turn.kind = session_id.empty() && text.empty() ? TurnKind::kLaunch : TurnKind::kText;
    turn.channel = "api";
    turn.locale = "fr-FR";
    turn.user_id = user;
    turn.session_id = session_id;
    turn.text = text;
    return engine->Handle(turn);
  }
};

}  // namespace

TEST_CASE("a session opens with a welcome and ends with a goodbye", "[dialog][engine]") {
  Fixture f;
  Reply welcome = f.Say("", "");
  CHECK_FALSE(welcome.session_id.empty());
  CHECK(welcome.speech.find("Bonjour") != std::string::npos);
  CHECK_FALSE(welcome.end_session);
  CHECK_FALSE(welcome.reprompt_speech.empty());
  Reply bye = f.Say("c'est tout", welcome.session_id);
  CHECK(bye.end_session);
  CHECK(bye.speech.find("bientôt") != std::string::npos);
  REQUIRE(f.end.ended.size() == 1);
  CHECK(f.end.ended[0] == std::make_pair(welcome.session_id, std::string("completed")));
}

TEST_CASE("the survey hook asks before goodbye", "[dialog][engine]") {
  Fixture f;
  f.end.ask = true;
  Reply welcome = f.Say("", "");
  Reply question = f.Say("c'est tout", welcome.session_id);
  CHECK_FALSE(question.end_session);
  CHECK(question.speech.find("zéro à dix") != std::string::npos);
  CHECK(question.reprompt_speech == "De zéro à dix ?");
  CHECK(f.end.ended.empty());
}

TEST_CASE("stop is honoured at once and recorded as user_stopped", "[dialog][engine]") {
  Fixture f;
  Reply welcome = f.Say("", "");
  Reply stopped = f.Say("stop", welcome.session_id);
  CHECK(stopped.end_session);
  REQUIRE(f.end.ended.size() == 1);
  CHECK(f.end.ended[0].second == "user_stopped");
  // The session is gone: the same id starts afresh.
  Reply again = f.Say("aide", welcome.session_id);
  CHECK(again.speech.find("Vous pouvez dire") != std::string::npos);
}

TEST_CASE("misunderstandings escalate, then end gracefully", "[dialog][engine]") {
  Fixture f;
  Reply welcome = f.Say("", "");
  Reply first = f.Say("blabla", welcome.session_id);
  CHECK(first.speech.find("Pardon") != std::string::npos);
  Reply second = f.Say("blabla", welcome.session_id);
  CHECK(second.speech.find("par exemple") != std::string::npos);
  CHECK_FALSE(second.end_session);
  Reply third = f.Say("blabla", welcome.session_id);
  CHECK(third.end_session);
  REQUIRE(f.end.ended.size() == 1);
  CHECK(f.end.ended[0].second == "not_understood");
}

TEST_CASE("an understood turn resets the escalation", "[dialog][engine]") {
  Fixture f;
  Reply welcome = f.Say("", "");
  f.Say("blabla", welcome.session_id);
  f.Say("blabla", welcome.session_id);
  f.Say("aide", welcome.session_id);
  Reply again = f.Say("blabla", welcome.session_id);
  CHECK_FALSE(again.end_session);
  CHECK(again.speech.find("par exemple") == std::string::npos);  // the short reprompt again
}

TEST_CASE("repeat says the last thing again", "[dialog][engine]") {
  Fixture f;
  Reply welcome = f.Say("", "");
  Reply repeated = f.Say("répète", welcome.session_id);
  CHECK(repeated.speech == welcome.speech);
  CHECK(repeated.ssml == welcome.ssml);
}

TEST_CASE("another customer's session id is never continued", "[dialog][engine]") {
  Fixture f;
  Reply mine = f.Say("", "", "alice");
  Reply theirs = f.Say("aide", mine.session_id, "mallory");
  CHECK(theirs.session_id != mine.session_id);
  // Alice's session is untouched.
  Reply back = f.Say("répète", mine.session_id, "alice");
  CHECK(back.speech == mine.speech);
}

TEST_CASE("a platform end and the sweeper each end a session exactly once", "[dialog][engine]") {
  Fixture f;
  Reply a = f.Say("", "");
  Turn ended;
  ended.kind = TurnKind::kSessionEnded;
  ended.user_id = "u1";
  ended.session_id = a.session_id;
  Reply silent = f.engine->Handle(ended);
  CHECK(silent.end_session);
  CHECK(silent.speech.empty());
  Reply b = f.Say("", "");
  f.clock.Advance(31 * 60);
  CHECK(f.engine->SweepExpired() == 1);
  CHECK(f.engine->SweepExpired() == 0);
  REQUIRE(f.end.ended.size() == 2);
  CHECK(f.end.ended[0] == std::make_pair(a.session_id, std::string("platform_ended")));
  CHECK(f.end.ended[1] == std::make_pair(b.session_id, std::string("timeout")));
}
