// The survey flow: reads the answer to the satisfaction question asked by
// feedback::SurveyService::MaybeAsk, and ends the session with a thank-you.
//
// States (each reads every intent itself, so "stop" or "non merci" said to the question are
// answers, not commands that bypass the record):
//   survey.asked     waiting for the score; not understood once -> asked again with the scale;
//                    twice -> recorded as not understood
//   survey.which     "entre sept et huit": waiting for one of the two
//   survey.followup  "qu'est-ce qui vous a fait donner cette note ?": the verbatim
// What happened is kept in session.data["survey"] (see feedback/outcome.h), from which
// SurveyService::OnEnded writes the record when the engine closes the session.
#include <initializer_list>
#include <map>
#include <set>
#include <string>

#include "dialog/router.h"
#include "feedback/score_reader.h"
#include "feedback/survey_service.h"

namespace chariot::dialog {
namespace {

using feedback::AnswerKind;
using feedback::ScoreAnswer;

// A verbatim longer than this is cut (at a UTF-8 boundary): enough for any spoken sentence.
constexpr size_t kMaxVerbatimBytes = 2000;

nlohmann::json& Memory(Context& c) {
  if (!c.session.data.is_object()) c.session.data = nlohmann::json::object();
  nlohmann::json& survey = c.session.data["survey"];
  if (!survey.is_object()) survey = nlohmann::json::object();
  return survey;
}

std::string KindName(Context& c) {
  return c.services.survey == nullptr
             ? std::string("nps")
             : feedback::SurveyKindName(c.services.survey->KindOf(c.session));
}

std::string Truncate(const std::string& text) {
  if (text.size() <= kMaxVerbatimBytes) return text;
  size_t end = kMaxVerbatimBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

void End(Context& c, Response& r, const char* key) {
  c.session.state.clear();
  r.speech.Say(c.Say(key));
  r.expect_answer = false;
}

ScoreAnswer Read(Context& c) {
  if (c.services.survey == nullptr) return {};
  return c.services.survey->ReadAnswer(c.session, c.turn.text, c.intent, c.slots);
}

void Answered(Context& c, Response& r, int score) {
  nlohmann::json& memory = Memory(c);
  memory["status"] = "answered";
  memory["score"] = score;
  memory.erase("low");
  memory.erase("high");
  if (c.services.survey != nullptr && c.services.survey->WantsFollowUp(c.session, score)) {
    c.session.state = "survey.followup";
    r.speech.Say(c.Say("survey.followup"));
    r.reprompt.Say(c.Say("survey.followup"));
    return;
  }
  End(c, r, "survey.thanks");
}

void Declined(Context& c, Response& r) {
  Memory(c)["status"] = "declined";
  End(c, r, "survey.thanks_declined");
}

// Once: ask again with the scale. Twice: give up kindly and record what was said.
void NotUnderstood(Context& c, Response& r, const char* reprompt_key,
                   const std::map<std::string, std::string>& vars = {}) {
  nlohmann::json& memory = Memory(c);
  r.not_understood = true;
  std::string said = Truncate(c.turn.text.empty() ? c.intent : c.turn.text);
  std::string before = memory.value("said", std::string());
  memory["said"] = before.empty() ? said : Truncate(before + " | " + said);
  int retries = memory.value("retries", 0);
  if (retries < 1) {
    memory["retries"] = retries + 1;
    r.speech.Say(c.Say(reprompt_key, vars));
    r.reprompt.Say(c.Say(reprompt_key, vars));
    return;
  }
  memory["status"] = "not_understood";
  End(c, r, "survey.thanks_not_understood");
}

// Commands that keep their meaning inside the survey.
bool HandleCommand(Context& c, Response& r, const std::string& reprompt_key,
                   const std::map<std::string, std::string>& vars = {}) {
  if (c.intent == "Stop") {
    // Still open: recorded as declined (see feedback/outcome.h).
    c.session.state.clear();
    r.speech.Say(c.Say("core.stopped"));
    r.expect_answer = false;
    r.end_reason = "user_stopped";
    return true;
  }
  if (c.intent == "Repeat" && !c.session.last_speech.empty()) {
    r.speech = Speech::Restore(c.session.last_speech, c.session.last_ssml);
    r.reprompt.Say(c.Say(reprompt_key, vars));
    return true;
  }
  if (c.intent == "Help") {
    r.speech.Say(c.Say(reprompt_key, vars));
    return true;
  }
  return false;
}

void OnAsked(Context& c, Response& r) {
  const std::string reprompt_key = "survey.reprompt." + KindName(c);
  if (HandleCommand(c, r, reprompt_key)) return;
  ScoreAnswer answer = Read(c);
  switch (answer.kind) {
    case AnswerKind::kScore:
      return Answered(c, r, answer.score);
    case AnswerKind::kDeclined:
      return Declined(c, r);
    case AnswerKind::kBetween: {
      nlohmann::json& memory = Memory(c);
      memory["status"] = "which";
      memory["low"] = answer.low;
      memory["high"] = answer.high;
      c.session.state = "survey.which";
      std::map<std::string, std::string> vars = {{"low", std::to_string(answer.low)},
                                                 {"high", std::to_string(answer.high)}};
      r.speech.Say(c.Say("survey.which", vars));
      r.reprompt.Say(c.Say("survey.which", vars));
      return;
    }
    case AnswerKind::kNotUnderstood:
      return NotUnderstood(c, r, reprompt_key.c_str());
  }
}

void OnWhich(Context& c, Response& r) {
  nlohmann::json& memory = Memory(c);
  const int low = memory.value("low", 0);
  const int high = memory.value("high", 0);
  std::map<std::string, std::string> vars = {{"low", std::to_string(low)},
                                             {"high", std::to_string(high)}};
  if (HandleCommand(c, r, "survey.which", vars)) return;
  ScoreAnswer answer = Read(c);
  if (answer.kind == AnswerKind::kScore) return Answered(c, r, answer.score);
  if (answer.kind == AnswerKind::kDeclined) return Declined(c, r);
  // "le plus haut", "the lower one", "le premier": a choice between the two said before.
  const std::string words = " " + feedback::NormaliseForMatching(c.turn.text) + " ";
  auto says = [&](std::initializer_list<const char*> any) {
    for (const char* w : any) {
      if (words.find(w) != std::string::npos) return true;
    }
    return false;
  };
  if (answer.kind == AnswerKind::kNotUnderstood) {
    if (says({" haut ", " superieur ", " higher ", " high ", " second ", " deuxieme "})) {
      return Answered(c, r, high);
    }
    if (says({" bas ", " inferieur ", " lower ", " low ", " premier ", " first "})) {
      return Answered(c, r, low);
    }
  }
  NotUnderstood(c, r, "survey.which", vars);
}

void OnFollowUp(Context& c, Response& r) {
  // The score is already kept; whatever happens now, only the words can be added.
  static const std::set<std::string> kNothing = {"",
                                                 "non",
                                                 "non merci",
                                                 "rien",
                                                 "non rien",
                                                 "rien de special",
                                                 "rien a ajouter",
                                                 "pas grand chose",
                                                 "je ne sais pas",
                                                 "je sais pas",
                                                 "stop",
                                                 "no",
                                                 "nothing",
                                                 "no thanks",
                                                 "nothing really",
                                                 "i don t know",
                                                 "no comment"};
  const std::string words = feedback::NormaliseForMatching(c.turn.text);
  if (kNothing.count(words) > 0 || c.intent == "Stop" || c.intent == "Cancel") {
    return End(c, r, "survey.thanks");
  }
  Memory(c)["verbatim"] = Truncate(c.turn.text);
  End(c, r, "survey.thanks_verbatim");
}

}  // namespace

void RegisterSurveyFlow(Router& router) {
  router.On("survey.asked", kAnyIntent, OnAsked);
  router.On("survey.which", kAnyIntent, OnWhich);
  router.On("survey.followup", kAnyIntent, OnFollowUp);
}

}  // namespace chariot::dialog
