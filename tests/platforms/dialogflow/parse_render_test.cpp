#include <catch2/catch.hpp>

#include "platforms/dialogflow/parse.h"
#include "platforms/dialogflow/render.h"
#include "platforms/fixtures.h"

namespace chariot::platforms::dialogflow {
namespace {

using testing::ReadJsonFixture;

TEST_CASE("ES welcome, inventory intent and fallback become launch, intent and text",
          "[platforms][dialogflow]") {
  auto welcome = ParseEsRequest(ReadJsonFixture("dialogflow", "es_welcome.json"));
  REQUIRE(welcome.ok());
  CHECK(welcome->turn.kind == TurnKind::kLaunch);
  CHECK(welcome->turn.channel == "dialogflow");
  CHECK(welcome->turn.locale == "fr-FR");
  CHECK(welcome->turn.session_id.empty());
  CHECK(welcome->turn.user_id == "customer-42");

  auto add = ParseEsRequest(ReadJsonFixture("dialogflow", "es_add_item.json", "sess-7"));
  REQUIRE(add.ok());
  CHECK(add->turn.kind == TurnKind::kIntent);
  CHECK(add->turn.intent == "AddItem");
  CHECK(add->turn.session_id == "sess-7");
  CHECK(add->turn.user_id == "customer-42");
  CHECK(add->turn.slots ==
        Slots{{"product", "lait demi-écrémé"}, {"quantity", "2"}, {"unit", "l"}});
  CHECK(add->turn.text == "ajoute deux litres de lait demi-écrémé");
  CHECK(add->turn.confidence == Approx(0.92));

  auto fallback = ParseEsRequest(ReadJsonFixture("dialogflow", "es_fallback.json", "sess-7"));
  REQUIRE(fallback.ok());
  CHECK(fallback->turn.kind == TurnKind::kText);
  CHECK(fallback->turn.text == "ça sent le gaz dans la cuisine");
  CHECK(fallback->turn.session_id == "sess-7");
  // Without the integration's payload the customer is a pseudonym of the Dialogflow session.
  CHECK(fallback->turn.user_id.rfind("df-", 0) == 0);
  CHECK(fallback->turn.user_id.size() == 23);
}

TEST_CASE("ES response carries the text, SSML for the phone and the session context",
          "[platforms][dialogflow]") {
  auto request = ParseEsRequest(ReadJsonFixture("dialogflow", "es_add_item.json", "sess-7"));
  REQUIRE(request.ok());
  Reply reply;
  reply.session_id = "sess-7";
  reply.speech = "J'ajoute deux litres de lait demi-écrémé.";
  reply.ssml = "<speak>J&apos;ajoute deux litres de lait demi-écrémé.</speak>";
  auto response = RenderEsResponse(reply, *request, "+33180000000");
  CHECK(response["fulfillmentText"] == reply.speech);
  CHECK(response["fulfillmentMessages"][0]["text"]["text"][0] == reply.speech);
  CHECK(response["fulfillmentMessages"][1]["telephonySynthesizeSpeech"]["ssml"] == reply.ssml);
  auto context = response["outputContexts"][0];
  CHECK(context["name"] ==
        "projects/chariot-agent-fr/agent/sessions/6f1a2b3c-4d5e-6f70-8192-a3b4c5d6e7f8/contexts/"
        "chariot-session");
  CHECK(context["lifespanCount"] == 50);
  CHECK(context["parameters"]["chariot_session_id"] == "sess-7");

  reply.end_session = true;
  reply.handoff = Handoff::kHuman;
  auto ended = RenderEsResponse(reply, *request, "+33180000000");
  CHECK(ended["outputContexts"][0]["lifespanCount"] == 0);
  CHECK(ended["fulfillmentMessages"][2]["telephonyTransferCall"]["phoneNumber"] == "+33180000000");
}

TEST_CASE("CX tag, intent parameters and session parameters become a Turn",
          "[platforms][dialogflow]") {
  auto welcome = ParseCxRequest(ReadJsonFixture("dialogflow", "cx_welcome.json"));
  REQUIRE(welcome.ok());
  CHECK(welcome->turn.kind == TurnKind::kLaunch);

  auto add = ParseCxRequest(ReadJsonFixture("dialogflow", "cx_add_item.json", "sess-9"));
  REQUIRE(add.ok());
  CHECK(add->turn.kind == TurnKind::kIntent);
  CHECK(add->turn.intent == "AddItem");
  CHECK(add->turn.session_id == "sess-9");
  CHECK(add->turn.user_id == "customer-42");
  CHECK(add->turn.slots ==
        Slots{{"product", "lait demi-écrémé"}, {"quantity", "2"}, {"unit", "l"}});

  auto text = ParseCxRequest(ReadJsonFixture("dialogflow", "cx_text.json", "sess-9"));
  REQUIRE(text.ok());
  CHECK(text->turn.kind == TurnKind::kText);
  CHECK(text->turn.text == "je dirais huit sur dix");
}

TEST_CASE("CX response: messages, SSML, session id and cleared slot parameters",
          "[platforms][dialogflow]") {
  auto add = ParseCxRequest(ReadJsonFixture("dialogflow", "cx_add_item.json", "sess-9"));
  REQUIRE(add.ok());
  Reply reply;
  reply.session_id = "sess-9";
  reply.speech = "C'est noté.";
  reply.ssml = "<speak>C&apos;est noté.</speak>";
  auto response = RenderCxResponse(reply, *add, "");
  auto messages = response["fulfillmentResponse"]["messages"];
  CHECK(messages[0]["text"]["text"][0] == "C'est noté.");
  CHECK(messages[1]["outputAudioText"]["ssml"] == reply.ssml);
  CHECK(response["fulfillmentResponse"]["mergeBehavior"] == "REPLACE");
  auto parameters = response["sessionInfo"]["parameters"];
  CHECK(parameters["chariot_session_id"] == "sess-9");
  CHECK(parameters["chariot_end_session"] == false);
  CHECK(parameters["product"].is_null());
  CHECK(parameters.contains("quantity"));

  reply.handoff = Handoff::kHuman;
  reply.handoff_number = "+33180000001";
  auto handoff = RenderCxResponse(reply, *add, "");
  CHECK(handoff["fulfillmentResponse"]["messages"][2].contains("liveAgentHandoff"));
  CHECK(handoff["fulfillmentResponse"]["messages"][3]["telephonyTransferCall"]["phoneNumber"] ==
        "+33180000001");
}

TEST_CASE("Bodies of the wrong edition or shape are refused", "[platforms][dialogflow]") {
  CHECK_FALSE(ParseEsRequest(ReadJsonFixture("dialogflow", "cx_add_item.json")).ok());
  CHECK_FALSE(ParseCxRequest(ReadJsonFixture("dialogflow", "es_add_item.json")).ok());
  CHECK_FALSE(ParseEsRequest(nlohmann::json::object()).ok());
  CHECK_FALSE(ParseEsRequest({{"session", 5}, {"queryResult", {}}}).ok());
  // Wrong types inside are ignored, not trusted.
  auto odd = ParseEsRequest(
      {{"session", "projects/p/agent/sessions/s"},
       {"queryResult",
        {{"queryText", 12},
         {"intent", {{"displayName", "AddItem"}}},
         {"parameters",
          {{"quantity", "beaucoup"}, {"unit", "barrel"}, {"score", 11}, {"evil", "x"}}}}}});
  REQUIRE(odd.ok());
  CHECK(odd->turn.slots.empty());
  CHECK(odd->turn.text.empty());
}

}  // namespace
}  // namespace chariot::platforms::dialogflow
