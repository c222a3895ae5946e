// The support flow driven through the engine with Turns: each tier end to end, the gas flow's
// first reply and missing survey, emergency words in the middle of another conversation,
// appointments booked, moved and cancelled, and the hand-over per channel.
#include <catch2/catch.hpp>
#include <map>

#include "commerce/seed.h"
#include "commerce/shopping_service.h"
#include "dialog/engine.h"
#include "store/sqlite/commerce_stores.h"
#include "store/sqlite/sqlite_session_store.h"
#include "support/support_test_fixture.h"

using namespace chariot;

namespace {

// Understands a fixed phrase book, so these tests do not depend on the real grammar.
class PhraseBookParser : public nlu::Parser {
 public:
  nlu::Understanding Parse(std::string_view text, std::string_view, int64_t) const override {
    static const std::map<std::string, std::pair<std::string, Slots>, std::less<>> kBook = {
        {"ça sent le gaz", {"ReportProblem", {{"problem", "gas_smell"}}}},
        {"ajoute du lait", {"AddItem", {{"product", "lait"}}}},
        {"oui", {"Yes", {}}},
        {"non", {"No", {}}},
        {"stop", {"Stop", {}}},
    };
    nlu::Understanding u;
    auto it = kBook.find(text);
    if (it != kBook.end()) {
      u.intent = it->second.first;
      u.slots = it->second.second;
      u.confidence = 1;
    }
    return u;
  }
  std::vector<std::string> Locales() const override { return {"fr-FR", "en-US"}; }
};

class RecordingEnd : public dialog::EndOfSession {
 public:
  int asked = 0;
  std::vector<std::string> reasons;
  bool MaybeAsk(dialog::Session& session, Speech& question, Speech& reprompt) override {
    ++asked;
    session.state = "survey.asked";
    question.Say("Sur une échelle de zéro à dix, recommanderiez-vous Chariot ?");
    reprompt.Say("De zéro à dix ?");
    return true;
  }
  void OnEnded(const dialog::Session&, const std::string& reason) override {
    reasons.push_back(reason);
  }
};

struct Conversation {
  testing::SupportFixture support;
  std::unique_ptr<store::SqliteSessionStore> sessions;
  PhraseBookParser parser;
  dialog::Prompts prompts;
  RecordingEnd end;
  std::unique_ptr<store::SqliteCommerceStores> commerce_stores;
  std::unique_ptr<commerce::ShoppingService> shopping;
  std::unique_ptr<dialog::Engine> engine;
  std::string session_id;
  std::string channel = "api";
  std::string locale = "fr-FR";
  std::string user = "alice";

  explicit Conversation(support::SupportOptions options = {}, bool with_support = true,
                        bool with_shopping = false)
      : support(std::move(options)) {
    sessions = std::make_unique<store::SqliteSessionStore>(*support.db);
    prompts = *dialog::Prompts::Load(app::ResolveResourcePaths().intents_dir);
    dialog::Services services;
    if (with_support) services.support = support.service.get();
    if (with_shopping) {
      commerce_stores = std::make_unique<store::SqliteCommerceStores>(*support.db);
      REQUIRE(commerce::SeedDemoData(commerce_stores->catalog, commerce_stores->orders,
                                     app::ResolveResourcePaths().data_dir,
                                     support.clock.NowSeconds())
                  .ok());
      shopping = std::make_unique<commerce::ShoppingService>(
          commerce_stores->catalog, commerce_stores->lists, commerce_stores->orders,
          commerce_stores->customers, support.clock);
      services.shopping = shopping.get();
      services.products = &shopping->resolver();
    }
    engine =
        std::make_unique<dialog::Engine>(parser, prompts, services, *sessions, &end, support.clock);
  }

  Reply Send(Turn turn) {
    turn.channel = channel;
    turn.locale = locale;
    turn.user_id = user;
    turn.session_id = session_id;
    Reply reply = engine->Handle(turn);
    session_id = reply.end_session ? "" : reply.session_id;
    return reply;
  }
  Reply Intent(const std::string& intent, Slots slots = {}, const std::string& text = "") {
    Turn turn;
    turn.kind = TurnKind::kIntent;
    turn.intent = intent;
    turn.slots = std::move(slots);
    turn.text = text;
    return Send(turn);
  }
  Reply Text(const std::string& text) {
    Turn turn;
    turn.kind = TurnKind::kText;
    turn.text = text;
    return Send(turn);
  }
  Reply Report(const std::string& problem, const std::string& text) {
    return Intent("ReportProblem", {{"problem", problem}}, text);
  }
  support::Ticket OnlyTicket() {
    auto tickets = support.service->Tickets(user);
    REQUIRE(tickets.ok());
    REQUIRE(tickets->size() == 1);
    return tickets->front();
  }
};

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a gas smell gets the advice and the number in the first reply, and no survey",
          "[support][dialog][emergency]") {
  Conversation c;
  Reply reply = c.Report("gas_smell", "ça sent le gaz dans la cuisine");
  CHECK(reply.speech.rfind("Sortez tout de suite", 0) == 0);
  CHECK(Has(reply.speech, "interrupteur"));
  CHECK(Has(reply.speech, "Urgence Gaz GRDF au 0 800 47 33 33."));
  CHECK(Has(reply.speech, "112"));
  CHECK(Has(reply.ssml, "<say-as interpret-as=\"telephone\">0 800 47 33 33</say-as>"));
  CHECK_FALSE(Has(reply.speech, "?"));  // not a single question
  CHECK(reply.end_session);
  CHECK(c.end.asked == 0);
  CHECK(c.end.reasons == std::vector<std::string>{"emergency"});
  support::Ticket ticket = c.OnlyTicket();
  CHECK(ticket.problem == "gas_smell");
  CHECK(ticket.tier == support::Tier::kEmergency);
  CHECK(ticket.words == "ça sent le gaz dans la cuisine");
}

TEST_CASE("in US English the gas advice says 911 and the gas utility",
          "[support][dialog][emergency]") {
  Conversation c;
  c.locale = "en-US";
  Reply reply = c.Report("gas_smell", "I smell gas");
  CHECK(reply.speech.rfind("Leave your home now.", 0) == 0);
  CHECK(Has(reply.ssml, "<say-as interpret-as=\"telephone\">911</say-as>"));
  CHECK(Has(reply.speech, "gas utility"));
  CHECK_FALSE(Has(reply.speech, "0 800"));
  CHECK(reply.end_session);
  CHECK(c.end.reasons == std::vector<std::string>{"emergency"});
}

TEST_CASE("emergency words in the middle of another conversation switch to safety at once",
          "[support][dialog][emergency]") {
  Conversation c;
  c.Text("ajoute du lait");  // shopping, whatever the shopping flow answers
  REQUIRE_FALSE(c.session_id.empty());
  Reply reply = c.Text("ça sent le gaz");
  CHECK(Has(reply.speech, "0 800 47 33 33"));
  CHECK(reply.end_session);
  CHECK(c.end.asked == 0);
  CHECK(c.end.reasons == std::vector<std::string>{"emergency"});
}

TEST_CASE("a gas smell wins even in a state that reads every answer itself",
          "[support][dialog][emergency]") {
  Conversation c;
  c.Report("power_outage", "plus de courant");
  c.Intent("No");
  c.Intent("No");  // the steps are done: the flow now waits for a postcode, reading any answer
  Reply reply = c.Report("gas_smell", "");
  CHECK(Has(reply.speech, "0 800 47 33 33"));
  CHECK(reply.end_session);
  CHECK(c.end.reasons == std::vector<std::string>{"emergency"});
}

TEST_CASE("smoke from an appliance is an emergency too", "[support][dialog][emergency]") {
  Conversation c;
  Reply reply = c.Report("appliance_breakdown", "le lave-linge fait de la fumée");
  CHECK(Has(reply.speech, "Sortez"));
  CHECK(Has(reply.ssml, "<say-as interpret-as=\"telephone\">18</say-as>"));
  CHECK(reply.end_session);
  CHECK(c.end.reasons == std::vector<std::string>{"emergency"});
}

TEST_CASE("without the support service a gas smell still ends with the emergency number",
          "[support][dialog][emergency]") {
  Conversation c({}, /*with_support=*/false);
  Reply reply = c.Report("gas_smell", "");
  CHECK(Has(reply.speech, "112"));
  CHECK(reply.end_session);
  CHECK(c.end.reasons == std::vector<std::string>{"emergency"});
}

TEST_CASE("an urgent leak: valve first, then steps, then a callback booked on a yes",
          "[support][dialog][urgent]") {
  Conversation c;
  Reply advice = c.Report("water_leak", "j'ai une fuite sous l'évier");
  CHECK(advice.speech.rfind("Fermez le robinet d'arrivée d'eau générale", 0) == 0);
  CHECK(Has(advice.speech, "La fuite est-elle arrêtée maintenant ?"));
  CHECK_FALSE(advice.end_session);

  Reply steps = c.Intent("Yes");
  CHECK(Has(steps.speech, "d'où vient l'eau"));
  Reply second = c.Text("toujours pas");
  CHECK(Has(second.speech, "quart de tour"));
  Reply offer = c.Text("toujours pas");
  CHECK(Has(offer.speech, "conseiller"));

  Reply kind = c.Intent("Yes");
  CHECK(Has(kind.speech, "rappel"));
  Reply first_slot = c.Intent("BookAppointment", {{"appointment", "callback"}});
  CHECK(Has(first_slot.speech, "un rappel aujourd'hui à 17 h 30"));
  Reply next_slot = c.Intent("No");
  CHECK(Has(next_slot.speech, "aujourd'hui à 18 h"));
  CHECK(c.support.service->Appointments("alice")->empty());  // nothing booked before the yes

  Reply booked = c.Intent("Yes");
  CHECK(Has(booked.speech, "C'est noté : un rappel aujourd'hui à 18 h."));
  CHECK(Has(booked.speech, "numéro"));
  CHECK(Has(booked.speech, "zéro à dix"));  // the natural end: the survey is asked
  CHECK(c.end.asked == 1);

  support::Ticket ticket = c.OnlyTicket();
  CHECK(ticket.problem == "water_leak");
  CHECK(ticket.tier == support::Tier::kUrgent);
  CHECK(ticket.status == "scheduled");
  REQUIRE(ticket.steps_tried.size() == 2);
  CHECK(ticket.steps_tried[0].outcome == "still_not");
  auto appointments = c.support.service->Appointments("alice");
  REQUIRE(appointments->size() == 1);
  CHECK(appointments->front().kind == "callback");
}

TEST_CASE("a leak that does not stop becomes an emergency handed to a person on the phone",
          "[support][dialog][emergency]") {
  support::SupportOptions options;
  options.advisor_line = "+33100000000";
  Conversation c(options);
  c.channel = "twilio";
  Reply advice = c.Report("water_leak", "une fuite d'eau");
  CHECK(Has(advice.speech, "arrêtée"));
  Reply worse = c.Intent("No");
  CHECK(Has(worse.speech, "112"));
  CHECK(Has(worse.speech, "conseiller en priorité"));
  CHECK(c.OnlyTicket().tier == support::Tier::kEmergency);
  Reply handoff = c.Intent("Yes");
  CHECK(handoff.handoff == Handoff::kHuman);
  CHECK(handoff.handoff_number == "+33100000000");
  CHECK(handoff.end_session);
  CHECK(Has(handoff.speech, "Restez en ligne"));
  CHECK(c.end.reasons == std::vector<std::string>{"handoff"});
  CHECK(c.OnlyTicket().status == "handed_over");
}

TEST_CASE("water near the outlets is an emergency from the first words",
          "[support][dialog][emergency]") {
  Conversation c;
  Reply advice = c.Report("water_leak", "l'eau coule vers la prise");
  CHECK(Has(advice.speech, "disjoncteur"));
  CHECK(Has(advice.speech, "conseiller en priorité"));
  CHECK_FALSE(advice.end_session);
}

TEST_CASE("a routine lawnmower: one step at a time until it works", "[support][dialog][routine]") {
  Conversation c;
  Reply first = c.Report("lawnmower", "ma tondeuse ne démarre pas");
  CHECK(Has(first.speech, "essence"));
  CHECK_FALSE(Has(first.speech, "poignée"));  // one step at a time
  CHECK(Has(first.speech, "Avant tout, arrêtez le moteur"));
  Reply second = c.Text("toujours pas");
  CHECK(Has(second.speech, "poignée de sécurité"));
  Reply unclear = c.Text("hmm peut-être");
  CHECK(Has(unclear.speech, "ça marche"));
  CHECK_FALSE(unclear.end_session);
  Reply works = c.Text("ça marche !");
  CHECK(Has(works.speech, "tant mieux"));
  CHECK(c.end.asked == 1);
  support::Ticket ticket = c.OnlyTicket();
  CHECK(ticket.tier == support::Tier::kRoutine);
  CHECK(ticket.status == "resolved");
  REQUIRE(ticket.steps_tried.size() == 2);
  CHECK(ticket.steps_tried[0].step == "fuel");
  CHECK(ticket.steps_tried[1].step == "safety_lever");
  CHECK(ticket.steps_tried[1].outcome == "works");
}

TEST_CASE("'ça ne marche toujours pas' is not 'ça marche'", "[support][dialog][routine]") {
  Conversation c;
  c.Report("appliance_breakdown", "mon four est en panne");
  Reply next = c.Text("ça ne marche toujours pas");
  CHECK(Has(next.speech, "disjoncteur"));
}

TEST_CASE("a power cut: breaker, then the Enedis line of the customer's department",
          "[support][dialog][urgent]") {
  Conversation c;
  Reply advice = c.Report("power_outage", "plus de courant");
  CHECK(Has(advice.speech, "voisins"));
  CHECK(Has(advice.speech, "disjoncteur"));
  c.Intent("No");
  Reply ask = c.Intent("No");
  CHECK(Has(ask.speech, "code postal"));
  Reply line = c.Text("c'est le 69003");
  CHECK(Has(line.ssml, "<say-as interpret-as=\"telephone\">09 72 67 50 69</say-as>"));
  CHECK(Has(line.speech, "Enedis"));
  CHECK(c.OnlyTicket().postcode == "69003");
  Reply done = c.Intent("No");
  CHECK(Has(done.speech, "zéro à dix"));
  CHECK(c.OnlyTicket().tier == support::Tier::kUrgent);
}

TEST_CASE("in Corsica the power-cut line is on the bill, not Enedis", "[support][dialog][urgent]") {
  Conversation c;
  c.Report("power_outage", "");
  c.Intent("No");
  c.Intent("No");
  Reply line = c.Text("20000");
  CHECK(Has(line.speech, "facture"));
  CHECK_FALSE(Has(line.speech, "09 72 67 50"));
}

TEST_CASE("an in-store appointment near the customer, moved, then cancelled",
          "[support][dialog][appointments]") {
  Conversation c;
  c.Report("locked_out", "j'ai claqué ma porte");
  Reply kind = c.Intent("Yes");
  CHECK(Has(kind.speech, "magasin"));
  Reply postcode = c.Intent("BookAppointment", {{"appointment", "in_store"}});
  CHECK(Has(postcode.speech, "code postal"));
  Reply slot = c.Text("13008");
  CHECK(Has(slot.speech, "Chariot Marseille Prado"));
  Reply booked = c.Intent("Yes");
  CHECK(Has(booked.speech, "C'est noté"));

  // Later: where is my request?
  c.session_id.clear();
  Reply status = c.Intent("TicketStatus");
  CHECK(Has(status.speech, "porte claquée"));
  CHECK(Has(status.speech, "planifiée"));
  CHECK(Has(status.speech, "Voulez-vous le déplacer ?"));
  Reply wanted =
      c.Intent("BookAppointment", {{"date", "2025-11-27"}, {"part_of_day", "afternoon"}});
  INFO(wanted.speech);
  CHECK(Has(wanted.speech, "jeudi 27 novembre à 14 h"));
  Reply moved = c.Intent("Yes");
  CHECK(Has(moved.speech, "C'est déplacé"));
  auto appointments = c.support.service->Appointments("alice");
  REQUIRE(appointments->size() == 1);
  CHECK(appointments->front().store_id == "marseille-prado");

  c.session_id.clear();
  c.Intent("TicketStatus");
  Reply ask_cancel = c.Intent("No");
  CHECK(Has(ask_cancel.speech,
            "Voulez-vous annuler un rendez-vous au magasin Chariot Marseille Prado jeudi 27 "
            "novembre à 14 h ?"));
  Reply cancelled = c.Intent("Yes");
  CHECK(Has(cancelled.speech, "C'est annulé"));
  CHECK(c.support.service->Appointments("alice")->empty());
  CHECK(c.OnlyTicket().status == "open");
}

TEST_CASE("a postcode without a store offers a callback or a video call instead",
          "[support][dialog][appointments]") {
  Conversation c;
  c.Report("lawnmower", "");
  c.Intent("No");
  c.Intent("No");
  c.Intent("No");
  c.Intent("No");
  c.Intent("Yes");
  c.Intent("BookAppointment", {{"appointment", "in_store"}});
  Reply none = c.Text("29200");
  CHECK(Has(none.speech, "pas de magasin"));
  Reply video = c.Intent("BookAppointment", {{"appointment", "video"}});
  CHECK(Has(video.speech, "un appel vidéo"));
}

TEST_CASE("asking for a person on Alexa books a callback and says when",
          "[support][dialog][handoff]") {
  Conversation c;
  c.channel = "alexa";
  Reply reply = c.Intent("TalkToHuman", {}, "je veux parler à quelqu'un");
  CHECK(Has(reply.speech, "vous rappellera aujourd'hui à 17 h 30"));
  CHECK(reply.handoff == Handoff::kNone);
  CHECK(c.OnlyTicket().status == "scheduled");
  CHECK(c.OnlyTicket().words == "je veux parler à quelqu'un");
}

TEST_CASE("asking for a person on Dialogflow hands the conversation over",
          "[support][dialog][handoff]") {
  Conversation c;
  c.channel = "dialogflow";
  c.Report("appliance_breakdown", "mon frigo ne refroidit plus");
  Reply reply = c.Intent("TalkToHuman");  // a priority intent, even in the middle of the steps
  CHECK(reply.handoff == Handoff::kHuman);
  CHECK(reply.end_session);
  CHECK(Has(reply.speech, "conseiller"));
  CHECK(c.OnlyTicket().status == "handed_over");
  CHECK(c.OnlyTicket().problem == "appliance_breakdown");
}

TEST_CASE("no ticket: the status says so", "[support][dialog][tickets]") {
  Conversation c;
  Reply reply = c.Intent("TicketStatus");
  CHECK(Has(reply.speech, "aucune demande"));
  CHECK_FALSE(reply.end_session);
}

TEST_CASE("US English: the lawnmower steps", "[support][dialog][routine]") {
  Conversation c;
  c.locale = "en-US";
  Reply first = c.Report("lawnmower", "my mower won't start");
  CHECK(Has(first.speech, "gas in the tank"));
  Reply second = c.Text("still not");
  CHECK(Has(second.speech, "safety bar"));
}

TEST_CASE("when the steps did not help, the part that fixes it is offered for click & collect",
          "[support][dialog][routine][products]") {
  Conversation c({}, true, /*with_shopping=*/true);
  c.Report("lawnmower", "ma tondeuse ne démarre pas");
  c.Text("toujours pas");
  c.Text("toujours pas");
  c.Text("toujours pas");
  Reply offer = c.Text("toujours pas");
  CHECK(Has(offer.speech, "Bougie de tondeuse"));
  CHECK(Has(offer.speech, "magasin"));
  Reply added = c.Intent("Yes");
  CHECK(Has(added.speech, "ajouté à votre liste"));
  CHECK(Has(added.speech, "conseiller"));  // then an advisor is offered
  auto lines = c.shopping->lists().Lines("alice");
  REQUIRE(lines.ok());
  REQUIRE(lines->size() == 1);
  CHECK(lines->front().product.sku == "BOUGIE-DE-TONDEUSE");
}

TEST_CASE("a postcode known from the customer's profile is not asked again",
          "[support][dialog][appointments]") {
  Conversation c({}, true, /*with_shopping=*/true);
  REQUIRE(c.shopping->customers().SetPostcode("alice", "69003").ok());
  c.Report("locked_out", "");
  c.Intent("Yes");
  Reply slot = c.Intent("BookAppointment", {{"appointment", "in_store"}});
  CHECK(Has(slot.speech, "Chariot Lyon Part-Dieu"));
}

TEST_CASE("a postcode given for a power cut is kept in the customer's profile",
          "[support][dialog][urgent]") {
  Conversation c({}, true, /*with_shopping=*/true);
  c.Report("power_outage", "");
  c.Intent("No");
  c.Intent("No");
  c.Text("75011");
  auto customer = c.shopping->customers().Find("alice");
  REQUIRE(customer.ok());
  REQUIRE(customer->has_value());
  CHECK((*customer)->postcode == "75011");
}

TEST_CASE("'toujours pas' understood as a yes is still read as not fixed",
          "[support][dialog][routine]") {
  Conversation c;
  c.Report("lawnmower", "");
  // A platform (or our understanding) may hand over "toujours pas" as Yes.
  Reply next = c.Intent("Yes", {}, "toujours pas");
  CHECK(Has(next.speech, "poignée de sécurité"));
  CHECK(c.OnlyTicket().status == "open");
  Conversation leak;
  leak.Report("water_leak", "une fuite");
  Reply worse = leak.Intent("Yes", {}, "toujours pas");
  CHECK(Has(worse.speech, "conseiller en priorité"));
  CHECK(leak.OnlyTicket().tier == support::Tier::kEmergency);
}

TEST_CASE("a yes or no the understanding missed is read from the words",
          "[support][dialog][appointments]") {
  Conversation c;
  c.Report("locked_out", "");
  Reply kind = c.Text("d'accord");  // not in the phrase book: Fallback
  CHECK(Has(kind.speech, "rappel"));
  Reply slot = c.Text("un rappel s'il vous plaît");
  CHECK(Has(slot.speech, "Ça vous va ?"));
  Reply next = c.Text("non, pas maintenant");
  CHECK(Has(next.speech, "Ça vous va ?"));
  CHECK(c.support.service->Appointments("alice")->empty());
  Reply booked = c.Text("ok");
  CHECK(Has(booked.speech, "C'est noté"));
  CHECK(c.support.service->Appointments("alice")->size() == 1);
}
