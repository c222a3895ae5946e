// Every survey outcome, produced through whole conversations with the real engine.
#include <catch2/catch.hpp>

#include "feedback/survey_test_fixture.h"

using namespace chariot;
using chariot::testing::SurveyFixture;

namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("The question is asked at the natural end and a score is recorded", "[feedback][flow]") {
  SurveyFixture f;
  Reply welcome = f.Say("", "");
  Reply question = f.Say("c'est tout", welcome.session_id);
  CHECK(Contains(question.speech, "de zéro à dix"));
  CHECK_FALSE(question.end_session);
  f.clock.Advance(12);
  Reply thanks = f.Say("je dirais neuf", welcome.session_id);
  CHECK(thanks.end_session);
  CHECK(Contains(thanks.speech, "Merci"));
  auto o = f.Outcome(welcome.session_id);
  CHECK(o.outcome == "answered");
  REQUIRE(o.score.has_value());
  CHECK(*o.score == 9);
  CHECK(o.channel == "api");
  CHECK(o.locale == "fr-FR");
  CHECK(o.task_outcome == "completed");
  CHECK(o.turns == 3);
  CHECK(o.ended_at - o.started_at == 12);
  CHECK_FALSE(o.detractor);
  CHECK(o.reason.empty());
}

TEST_CASE("A detractor is asked why, and the verbatim is kept", "[feedback][flow]") {
  SurveyFixture f;
  std::string id = f.OpenAndFinish();
  Reply why = f.Say("bof, cinq", id);
  CHECK_FALSE(why.end_session);
  CHECK(Contains(why.speech, "vous a fait donner cette note"));
  Reply bye = f.Say("la livraison était en retard", id);
  CHECK(bye.end_session);
  auto o = f.Outcome(id);
  CHECK(o.outcome == "answered");
  CHECK(*o.score == 5);
  CHECK(o.detractor);
  CHECK(o.verbatim == "la livraison était en retard");
}

TEST_CASE("A hesitation between two scores is resolved by asking which", "[feedback][flow]") {
  SurveyFixture f;
  std::string id = f.OpenAndFinish();
  Reply which = f.Say("entre sept et huit", id);
  CHECK(Contains(which.speech, "Plutôt 7 ou plutôt 8"));
  CHECK_FALSE(which.end_session);
  Reply bye = f.Say("huit", id);
  CHECK(bye.end_session);
  CHECK(*f.Outcome(id).score == 8);

  std::string other = f.OpenAndFinish("u2");
  f.Say("sept ou huit", other, "u2");
  f.Say("le plus haut", other, "u2");
  CHECK(*f.Outcome(other).score == 8);
}

TEST_CASE("A refusal is recorded as declined", "[feedback][flow]") {
  SurveyFixture f;
  std::string id = f.OpenAndFinish();
  Reply bye = f.Say("non merci", id);
  CHECK(bye.end_session);
  CHECK(f.Outcome(id).outcome == "declined");
  CHECK_FALSE(f.Outcome(id).score.has_value());

  std::string stopped = f.OpenAndFinish("u2");
  CHECK(f.Say("stop", stopped, "u2").end_session);
  CHECK(f.Outcome(stopped).outcome == "declined");
}

TEST_CASE("Not understood: asked again once with the scale, then recorded with what was said",
          "[feedback][flow]") {
  SurveyFixture f;
  std::string id = f.OpenAndFinish();
  Reply again = f.Say("la réponse D", id);
  CHECK_FALSE(again.end_session);
  CHECK(Contains(again.speech, "de zéro à dix"));
  Reply bye = f.Say("pomme", id);
  CHECK(bye.end_session);
  auto o = f.Outcome(id);
  CHECK(o.outcome == "not_understood");
  CHECK(o.verbatim == "la réponse D | pomme");
  CHECK(o.not_understood_turns == 2);

  // Understood on the second try: an answer.
  std::string second = f.OpenAndFinish("u2");
  f.Say("euh", second, "u2");
  f.Say("dix sur dix", second, "u2");
  CHECK(*f.Outcome(second).score == 10);
}

TEST_CASE("A session closed while the question is open is no_answer", "[feedback][flow]") {
  SurveyFixture f;
  std::string id = f.OpenAndFinish();
  Reply closed = f.End(id, "");  // Alexa SessionEndedRequest: nothing can be spoken
  CHECK(closed.end_session);
  CHECK(closed.speech.empty());
  auto o = f.Outcome(id);
  CHECK(o.outcome == "no_answer");
  CHECK(o.reason == "platform_ended");
  CHECK(o.asked);

  std::string timed_out = f.OpenAndFinish("u2");
  f.clock.Advance(31 * 60);
  CHECK(f.engine->SweepExpired() == 1);
  CHECK(f.Outcome(timed_out).outcome == "no_answer");
  CHECK(f.Outcome(timed_out).reason == "timeout");
}

TEST_CASE("Sessions that never reach the question are not_asked with the reason",
          "[feedback][flow]") {
  SurveyFixture f;
  Reply a = f.Say("", "", "a");
  CHECK(f.Say("stop", a.session_id, "a").end_session);
  CHECK(f.Outcome(a.session_id).outcome == "not_asked");
  CHECK(f.Outcome(a.session_id).reason == "user_stopped");

  Reply b = f.Say("", "", "b");
  f.End(b.session_id, "emergency", "b");
  CHECK(f.Outcome(b.session_id).reason == "emergency");

  Reply c = f.Say("", "", "c");
  f.End(c.session_id, "", "c");
  CHECK(f.Outcome(c.session_id).reason == "abandoned");
  CHECK(f.Outcome(c.session_id).task_outcome == "abandoned");

  Reply d = f.Say("", "", "d");
  f.clock.Advance(31 * 60);
  CHECK(f.engine->SweepExpired() == 1);
  CHECK(f.Outcome(d.session_id).reason == "abandoned");

  Reply e = f.Say("", "", "e");
  f.End(e.session_id, "error", "e");
  CHECK(f.Outcome(e.session_id).reason == "error");
}

TEST_CASE("Sampling: once per customer per N days, and the sample rate", "[feedback][flow]") {
  feedback::SurveyConfig config;
  config.min_days_between = 30;
  SurveyFixture f(config);
  std::string first = f.OpenAndFinish("same");
  f.Say("huit", first, "same");
  f.clock.Advance(86400);
  Reply welcome = f.Say("", "", "same");
  Reply bye = f.Say("c'est tout", welcome.session_id, "same");
  CHECK(bye.end_session);  // goodbye at once, no question
  CHECK(f.Outcome(welcome.session_id).outcome == "not_asked");
  CHECK(f.Outcome(welcome.session_id).reason == "sampling");
  f.clock.Advance(30 * 86400);
  Reply later = f.Say("", "", "same");
  Reply asked = f.Say("c'est tout", later.session_id, "same");
  CHECK_FALSE(asked.end_session);
  CHECK(Contains(asked.speech, "de zéro à dix"));

  config.sample_rate = 0;
  SurveyFixture none(config);
  std::string id = none.OpenAndFinish();
  CHECK(none.Outcome(id).reason == "sampling");
}

TEST_CASE("Exactly one record per session, whatever ends it twice", "[feedback][flow]") {
  SurveyFixture f;
  std::string id = f.OpenAndFinish();
  f.Say("huit", id);
  CHECK(f.survey->recorded() == 1);
  dialog::Session again;
  again.id = id;
  f.survey->OnEnded(again, "timeout");
  CHECK(f.survey->recorded() == 1);
  CHECK(*f.Outcome(id).score == 8);
}

TEST_CASE("English conversations and other kinds of question", "[feedback][flow]") {
  feedback::SurveyConfig config;
  config.kind = feedback::SurveyKind::kCsat;
  config.follow_up = feedback::FollowUpPolicy::kNever;
  SurveyFixture f(config);
  std::string id = f.OpenAndFinish("en", "en-US");
  Reply bye = f.Say("four out of five", id, "en", "en-US");
  CHECK(bye.end_session);
  CHECK(Contains(bye.speech, "Thanks"));
  auto o = f.Outcome(id);
  CHECK(o.kind == "csat");
  CHECK(*o.score == 4);
  CHECK(o.locale == "en-US");

  config.kind = feedback::SurveyKind::kGoal;
  config.follow_up = feedback::FollowUpPolicy::kDetractors;
  SurveyFixture goal(config);
  std::string g = goal.OpenAndFinish();
  Reply why = goal.Say("pas vraiment", g);
  CHECK(Contains(why.speech, "note"));
  goal.Say("je n'ai pas trouvé le rayon", g);
  CHECK(goal.Outcome(g).detractor);
  CHECK(goal.Outcome(g).verbatim == "je n'ai pas trouvé le rayon");
}
