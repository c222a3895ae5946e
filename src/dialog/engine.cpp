#include "dialog/engine.h"

#include <cstdio>
#include <functional>

#include "core/ids.h"
#include "support/support_service.h"

namespace chariot::dialog {
namespace {

constexpr int kMaxMisunderstandingsInARow = 3;

void LogError(const char* event, const std::string& detail) {
  std::fprintf(stderr, "{\"level\":\"error\",\"event\":\"%s\",\"detail\":\"%s\"}\n", event,
               detail.c_str());
}

}  // namespace

Engine::Engine(const nlu::Parser& parser, const Prompts& prompts, Services services,
               store::SessionStore& sessions, EndOfSession* end_of_session, const Clock& clock,
               EngineOptions options)
    : parser_(parser),
      prompts_(prompts),
      services_(services),
      sessions_(sessions),
      end_of_session_(end_of_session),
      clock_(clock),
      options_(std::move(options)) {
  RegisterShoppingFlow(router_);
  RegisterSupportFlow(router_);
  RegisterSurveyFlow(router_);
  // Last: the core flow only fills what no other flow registered (welcome, help, done...).
  RegisterCoreFlow(router_);
}

std::mutex& Engine::StripeFor(const std::string& session_id) {
  return session_stripes_[std::hash<std::string>{}(session_id) % session_stripes_.size()];
}

std::string Engine::SupportedLocale(const std::string& requested) const {
  if (requested.rfind("en", 0) == 0) return "en-US";
  if (requested.rfind("fr", 0) == 0) return "fr-FR";
  return options_.default_locale;
}

Reply Engine::Handle(const Turn& turn) {
  Session session;
  bool is_new = true;
  int64_t now = clock_.NowSeconds();
  std::string session_id = turn.session_id;
  std::unique_lock<std::mutex> lock;
  try {
    if (!session_id.empty()) {
      lock = std::unique_lock<std::mutex>(StripeFor(session_id));
      auto stored = sessions_.Load(session_id, now);
      if (!stored.ok()) {
        Reply reply;
        reply.session_id = session_id;
        reply.speech = prompts_.Render(SupportedLocale(turn.locale), "core.busy", {});
        reply.ssml = Speech().Say(reply.speech).Ssml();
        return reply;
      }
      if (stored->has_value() && (*stored)->user_id == turn.user_id) {
        session = Session::FromJson(nlohmann::json::parse((*stored)->state_json));
        is_new = false;
      } else if (stored->has_value()) {
        // Somebody else's session id: never continue it; start a fresh session instead.
        lock.unlock();
        session_id.clear();
      }
    }
    if (is_new) {
      if (session_id.empty()) session_id = RandomHex(16);
      if (!lock.owns_lock()) lock = std::unique_lock<std::mutex>(StripeFor(session_id));
      session.id = session_id;
      session.user_id = turn.user_id;
      session.channel = turn.channel;
      session.locale = SupportedLocale(turn.locale);
      session.started_at = now;
    }
    return HandleLocked(turn, session, is_new);
  } catch (const std::exception& e) {
    LogError("turn_failed", e.what());
    Response response;
    response.speech.Say(prompts_.Render(
        session.locale.empty() ? options_.default_locale : session.locale, "core.error", {}));
    response.expect_answer = false;
    session.id = session_id;
    session.task_outcome = "failed";
    try {
      return EndSession(session, response, "error");
    } catch (const std::exception& again) {
      LogError("turn_failed_twice", again.what());
      Reply reply = Render(session, response, "Fallback");
      reply.end_session = true;
      return reply;
    }
  }
}

Reply Engine::HandleLocked(const Turn& turn, Session& session, bool is_new) {
  int64_t now = clock_.NowSeconds();
  if (turn.kind == TurnKind::kSessionEnded) {
    Response silent;
    silent.expect_answer = false;
    if (is_new) {
      Reply reply;
      reply.session_id = session.id;
      reply.end_session = true;
      return reply;
    }
    if (session.task_outcome.empty()) session.task_outcome = "abandoned";
    Reply reply =
        EndSession(session, silent, turn.end_reason.empty() ? "platform_ended" : turn.end_reason);
    reply.speech.clear();
    reply.ssml.clear();
    return reply;
  }

  std::string intent;
  Slots slots;
  if (turn.kind == TurnKind::kLaunch ||
      (turn.kind == TurnKind::kText && is_new && turn.text.empty())) {
    intent = "Launch";
  } else if (turn.kind == TurnKind::kIntent) {
    intent = turn.intent.empty() ? "Fallback" : turn.intent;
    slots = turn.slots;
  } else {
    nlu::Understanding understanding = parser_.Parse(turn.text, session.locale, now);
    intent = understanding.intent;
    slots = std::move(understanding.slots);
    // Safety net: a gas smell said in any words, in any state, goes to the safety flow even when
    // the understanding read something else ("ajoute du lait... attendez, ça sent le gaz").
    if (intent != "ReportProblem" && services_.support != nullptr &&
        services_.support->Triage("", turn.text, session.locale).problem == "gas_smell") {
      intent = "ReportProblem";
      slots = {{"problem", "gas_smell"}};
    }
  }

  ++session.turns;
  session.updated_at = now;
  Response response;
  Context context{turn, intent, slots, session, prompts_, services_, clock_};
  const Handler& handler = router_.Find(session.state, intent);
  handler(context, response);

  if (response.not_understood) {
    ++session.not_understood_turns;
    if (++session.misunderstood_in_a_row >= kMaxMisunderstandingsInARow) {
      response = Response();
      response.speech.Say(context.Say("core.not_understood_exit"));
      response.expect_answer = false;
      session.task_outcome = session.task_outcome.empty() ? "failed" : session.task_outcome;
      return EndSession(session, response, "not_understood", intent);
    }
  } else {
    session.misunderstood_in_a_row = 0;
  }

  if (response.finish) {
    if (session.task_outcome.empty()) session.task_outcome = "completed";
    Speech question, reprompt;
    if (end_of_session_ != nullptr && end_of_session_->MaybeAsk(session, question, reprompt)) {
      response.speech.Append(question);
      response.reprompt = reprompt;
      response.expect_answer = true;
    } else {
      response.speech.Say(context.Say("core.goodbye"));
      response.expect_answer = false;
      return EndSession(session, response, "completed", intent);
    }
  }
  if (!response.expect_answer) {
    return EndSession(session, response,
                      response.end_reason.empty() ? "completed" : response.end_reason, intent);
  }

  Reply reply = Render(session, response, intent);
  session.last_speech = reply.speech;
  session.last_ssml = response.speech.SsmlBody();
  session.last_reprompt_speech = reply.reprompt_speech;
  session.last_reprompt_ssml =
      (response.reprompt.empty() ? response.speech : response.reprompt).SsmlBody();
  Status saved = sessions_.Save({session.id, session.user_id, session.ToJson().dump(), now,
                                 now + options_.session_ttl_seconds});
  if (!saved.ok()) {
    // What we were about to say may rely on the session (a question); without it, apologise.
    Response apology;
    apology.speech.Say(context.Say("core.busy"));
    Reply busy = Render(session, apology, intent);
    busy.end_session = false;
    return busy;
  }
  return reply;
}

Reply Engine::EndSession(Session& session, Response& response, const std::string& reason,
                         const std::string& intent) {
  session.ended = true;
  if (session.task_outcome.empty()) {
    session.task_outcome = reason == "completed" ? "completed" : "abandoned";
  }
  if (end_of_session_ != nullptr) end_of_session_->OnEnded(session, reason);
  Status removed = sessions_.Remove(session.id);
  if (!removed.ok()) LogError("session_remove_failed", removed.message());
  Reply reply = Render(session, response, intent);
  reply.end_session = true;
  reply.reprompt_speech.clear();
  reply.reprompt_ssml.clear();
  return reply;
}

Reply Engine::Render(const Session& session, const Response& response,
                     const std::string& intent) const {
  Reply reply;
  reply.session_id = session.id;
  reply.speech = response.speech.text();
  reply.ssml = response.speech.Ssml();
  const Speech& reprompt = response.reprompt.empty() ? response.speech : response.reprompt;
  if (response.expect_answer) {
    reply.reprompt_speech = reprompt.text();
    reply.reprompt_ssml = reprompt.Ssml();
  }
  reply.end_session = !response.expect_answer;
  reply.intent = intent;
  reply.card_title = response.card_title;
  reply.card_text = response.card_text;
  reply.handoff = response.handoff;
  reply.handoff_number = response.handoff_number;
  return reply;
}

int Engine::SweepExpired(int limit) {
  auto expired = sessions_.Expired(clock_.NowSeconds(), limit);
  if (!expired.ok()) return 0;
  int closed = 0;
  for (const auto& stored : *expired) {
    std::lock_guard<std::mutex> lock(StripeFor(stored.id));
    nlohmann::json state = nlohmann::json::parse(stored.state_json, nullptr, false);
    Session session = Session::FromJson(state.is_object() ? state : nlohmann::json::object());
    session.id = stored.id;
    session.user_id = stored.user_id;
    session.ended = true;
    if (session.task_outcome.empty()) session.task_outcome = "abandoned";
    if (end_of_session_ != nullptr) end_of_session_->OnEnded(session, "timeout");
    if (sessions_.Remove(stored.id).ok()) ++closed;
  }
  return closed;
}

}  // namespace chariot::dialog
