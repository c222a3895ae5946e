// End to end through real HTTP: a `chariot serve` process with the platform routes configured,
// driven with the recorded request shapes of tests/fixtures/<platform>/.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "platforms/alexa/cert_url.h"
#include "platforms/alexa/certificate_cache.h"
#include "platforms/alexa/test_ca.h"
#include "platforms/crypto.h"
#include "platforms/fake_oauth_server.h"
#include "platforms/fixtures.h"
#include "platforms/twilio/parse.h"
#include "platforms/twilio/verify.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

namespace chariot::testing {
namespace {

constexpr const char* kSkillId = "amzn1.ask.skill.5c6f7a1b-2d3e-4f50-8a9b-0c1d2e3f4a5b";
constexpr const char* kCertUrl = "https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem";
constexpr const char* kDialogflowAuth = "dialogflow:correct-horse-battery";
constexpr const char* kTwilioToken = "twilio-auth-token-0123456789abcdef";
constexpr const char* kTwilioUrl = "https://voice.example.fr/twilio/voice";
constexpr const char* kSupportPhone = "+33180000000";

int64_t CountRows(const std::string& db_path, const std::string& table,
                  const std::string& where = "") {
  sqlite3* db = nullptr;
  int64_t count = -1;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* statement = nullptr;
    std::string sql = "SELECT COUNT(*) FROM " + table + (where.empty() ? "" : " WHERE " + where);
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
      count = sqlite3_column_int64(statement, 0);
    }
    sqlite3_finalize(statement);
  }
  sqlite3_close(db);
  return count;
}

std::string NowStamp(int64_t offset_seconds = 0) {
  std::time_t t = std::time(nullptr) + offset_seconds;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return stamp;
}

// A server whose Alexa route trusts the test CA, with the CA's chain already in the disk cache
// (as a previous run would have left it), Dialogflow basic auth and Twilio configured.
struct PlatformServer {
  TempDir dir;
  std::unique_ptr<ServerProcess> server;
  std::string db_path;

  explicit PlatformServer(std::map<std::string, std::string> extra_env = {}) {
    db_path = dir.File("chariot.db");
    const TestCa& ca = SharedTestCa();
    std::ofstream(dir.File("test-root.pem")) << ca.root_pem;
    auto url = platforms::alexa::CheckCertUrl(kCertUrl);
    std::filesystem::create_directories(db_path + ".alexa-certs");
    std::ofstream(db_path + ".alexa-certs/" + platforms::alexa::CacheFileName(*url))
        << ca.chain_pem;
    ServerOptions options;
    options.db_path = db_path;
    options.env = {{"CHARIOT_ALEXA_SKILL_ID", std::string("amzn1.ask.skill.other,") + kSkillId},
                   {"CHARIOT_ALEXA_TRUST_PEM", dir.File("test-root.pem")},
                   {"CHARIOT_DIALOGFLOW_BASIC_AUTH", kDialogflowAuth},
                   {"CHARIOT_TWILIO_AUTH_TOKEN", kTwilioToken},
                   {"CHARIOT_TWILIO_PUBLIC_URL", kTwilioUrl},
                   {"CHARIOT_SUPPORT_PHONE", kSupportPhone}};
    for (auto& [name, value] : extra_env) options.env[name] = value;
    server = std::make_unique<ServerProcess>(options);
  }

  int64_t Sessions() const { return CountRows(db_path, "sessions"); }

  // Alexa: a fixture with the session id and a fresh timestamp, signed with Signature-256.
  httplib::Result PostAlexa(nlohmann::json envelope, const std::string& body_override = "",
                            const std::string& url = kCertUrl) const {
    envelope["request"]["timestamp"] = NowStamp();
    std::string body = envelope.dump();
    std::string signature = SharedTestCa().Sign(body);
    if (!body_override.empty()) body = body_override;
    httplib::Headers headers = {{"SignatureCertChainUrl", url}, {"Signature-256", signature}};
    return server->Client()->Post("/alexa", headers, body, "application/json");
  }

  httplib::Result PostDialogflow(const std::string& path, const nlohmann::json& body,
                                 const std::string& credentials = kDialogflowAuth) const {
    httplib::Headers headers;
    if (!credentials.empty()) {
      headers.emplace("Authorization", "Basic " + platforms::Base64Encode(credentials));
    }
    return server->Client()->Post(path.c_str(), headers, body.dump(), "application/json");
  }

  // Twilio: the form as Twilio would send it to target ("/twilio/voice?..."), signed unless
  // signature is given.
  httplib::Result PostTwilio(const std::string& target, const std::string& form,
                             std::optional<std::string> signature = std::nullopt) const {
    auto decoded = platforms::twilio::DecodeForm(form);
    platforms::twilio::FormParams params =
        decoded.ok() ? *decoded : platforms::twilio::FormParams{};
    size_t query = target.find('?');
    std::string url =
        std::string(kTwilioUrl) + (query == std::string::npos ? "" : target.substr(query));
    httplib::Headers headers;
    std::string value =
        signature ? *signature : platforms::twilio::ExpectedSignature(kTwilioToken, url, params);
    if (!value.empty()) headers.emplace("X-Twilio-Signature", value);
    return server->Client()->Post(target.c_str(), headers, form,
                                  "application/x-www-form-urlencoded");
  }
};

std::string AttributeSession(const nlohmann::json& response) {
  return response.value("sessionAttributes", nlohmann::json::object())
      .value("chariot_session_id", "");
}

// Extracts "session=..." from the Gather action of a TwiML answer.
std::string TwimlSession(const std::string& twiml) {
  size_t at = twiml.find("?session=");
  if (at == std::string::npos) return "";
  size_t end = twiml.find("&amp;", at);
  return twiml.substr(at + 9, end - at - 9);
}

TEST_CASE("Alexa over HTTP: a signed shopping session, then the session end",
          "[platforms][http][alexa]") {
  PlatformServer platform;
  auto launch = platform.PostAlexa(ReadJsonFixture("alexa", "launch_request.json"));
  REQUIRE(launch);
  INFO(launch->body);
  REQUIRE(launch->status == 200);
  auto welcome = nlohmann::json::parse(launch->body);
  CHECK(welcome["version"] == "1.0");
  CHECK(welcome["response"]["outputSpeech"]["type"] == "SSML");
  CHECK(welcome["response"]["outputSpeech"]["ssml"].get<std::string>().rfind("<speak>", 0) == 0);
  CHECK(welcome["response"]["shouldEndSession"] == false);
  std::string session = AttributeSession(welcome);
  REQUIRE_FALSE(session.empty());

  auto add = platform.PostAlexa(ReadJsonFixture("alexa", "intent_add_item.json", session));
  REQUIRE(add);
  INFO(add->body);
  REQUIRE(add->status == 200);
  auto added = nlohmann::json::parse(add->body);
  CHECK(AttributeSession(added) == session);
  CHECK(added["response"]["shouldEndSession"] == false);
  CHECK(added["response"]["outputSpeech"]["ssml"] != welcome["response"]["outputSpeech"]["ssml"]);

  auto ended = platform.PostAlexa(ReadJsonFixture("alexa", "session_ended.json", session));
  REQUIRE(ended);
  CHECK(ended->status == 200);
  CHECK(nlohmann::json::parse(ended->body) ==
        nlohmann::json{{"version", "1.0"}, {"response", nlohmann::json::object()}});
}

TEST_CASE("Alexa over HTTP: the natural end asks the satisfaction question, the score ends it",
          "[platforms][http][alexa]") {
  PlatformServer platform;
  auto launch = platform.PostAlexa(ReadJsonFixture("alexa", "launch_request.json"));
  REQUIRE(launch);
  REQUIRE(launch->status == 200);
  std::string session = AttributeSession(nlohmann::json::parse(launch->body));
  auto done_envelope = ReadJsonFixture("alexa", "intent_yes.json", session);
  done_envelope["request"]["intent"] = {{"name", "Done"}, {"confirmationStatus", "NONE"}};
  auto done = platform.PostAlexa(done_envelope);
  REQUIRE(done);
  INFO(done->body);
  REQUIRE(done->status == 200);
  auto question = nlohmann::json::parse(done->body);
  std::string ssml = question["response"]["outputSpeech"]["ssml"];
  if (ssml.find("zéro à dix") == std::string::npos) {
    // No survey configured on this server: the natural end says goodbye and closes.
    CHECK(question["response"]["shouldEndSession"] == true);
    return;
  }
  CHECK(question["response"]["shouldEndSession"] == false);
  auto rating = ReadJsonFixture("alexa", "intent_yes.json", session);
  rating["request"]["intent"] = {
      {"name", "GiveRating"},
      {"confirmationStatus", "NONE"},
      {"slots", {{"score", {{"name", "score"}, {"value", "8"}, {"confirmationStatus", "NONE"}}}}}};
  auto scored = platform.PostAlexa(rating);
  REQUIRE(scored);
  INFO(scored->body);
  REQUIRE(scored->status == 200);
  CHECK(nlohmann::json::parse(scored->body)["response"].contains("outputSpeech"));
}

TEST_CASE("Alexa over HTTP: every verification failure is a 400 and stores nothing",
          "[platforms][http][alexa]") {
  PlatformServer platform;
  const int64_t before = platform.Sessions();
  auto launch = ReadJsonFixture("alexa", "launch_request.json");

  SECTION("one byte changed after signing") {
    launch["request"]["timestamp"] = NowStamp();
    std::string body = launch.dump();
    std::string tampered = body;
    tampered[tampered.find("fr-FR")] = 'e';
    httplib::Headers headers = {{"SignatureCertChainUrl", kCertUrl},
                                {"Signature-256", SharedTestCa().Sign(body)}};
    auto res = platform.server->Client()->Post("/alexa", headers, tampered, "application/json");
    REQUIRE(res);
    CHECK(res->status == 400);
  }
  SECTION("a timestamp 10 minutes old") {
    launch["request"]["timestamp"] = NowStamp(-600);
    std::string body = launch.dump();
    httplib::Headers headers = {{"SignatureCertChainUrl", kCertUrl},
                                {"Signature-256", SharedTestCa().Sign(body)}};
    auto res = platform.server->Client()->Post("/alexa", headers, body, "application/json");
    REQUIRE(res);
    CHECK(res->status == 400);
  }
  SECTION("a certificate URL on another host") {
    auto res =
        platform.PostAlexa(launch, "", "https://s3.evil.example/echo.api/echo-api-cert-12.pem");
    REQUIRE(res);
    CHECK(res->status == 400);
  }
  SECTION("another skill's application id") {
    launch["context"]["System"]["application"]["applicationId"] = "amzn1.ask.skill.someone-else";
    launch["session"]["application"]["applicationId"] = "amzn1.ask.skill.someone-else";
    auto res = platform.PostAlexa(launch);
    REQUIRE(res);
    CHECK(res->status == 400);
  }
  SECTION("no signature at all") {
    launch["request"]["timestamp"] = NowStamp();
    auto res = platform.server->Client()->Post("/alexa", launch.dump(), "application/json");
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(res->body.find("\"error\"") != std::string::npos);
  }
  CHECK(platform.Sessions() == before);
}

TEST_CASE("Alexa over HTTP with verification off: unsigned requests pass, other skills do not",
          "[platforms][http][alexa]") {
  PlatformServer platform(std::map<std::string, std::string>{{"CHARIOT_ALEXA_VERIFY", "off"}});
  CHECK(platform.server->Logs().find("WARNING: Alexa request verification is OFF") !=
        std::string::npos);
  auto launch = ReadJsonFixture("alexa", "launch_request.json");
  launch["request"]["timestamp"] = "2015-01-01T00:00:00Z";  // not checked either
  auto ok = platform.server->Client()->Post("/alexa", launch.dump(), "application/json");
  REQUIRE(ok);
  CHECK(ok->status == 200);
  launch["context"]["System"]["application"]["applicationId"] = "amzn1.ask.skill.someone-else";
  auto other = platform.server->Client()->Post("/alexa", launch.dump(), "application/json");
  REQUIRE(other);
  CHECK(other->status == 400);
}

TEST_CASE("Alexa over HTTP: a linked account runs as the customer the OAuth server names",
          "[platforms][http][alexa]") {
  FakeOAuthServer oauth(std::time(nullptr) + 3600);
  PlatformServer platform(
      std::map<std::string, std::string>{{"CHARIOT_ALEXA_INTROSPECTION_URL", oauth.Url()},
                                         {"CHARIOT_ALEXA_INTROSPECTION_CLIENT", "chariot:s3cret"}});
  auto linked = ReadJsonFixture("alexa", "intent_add_item.json", "");
  linked["session"]["new"] = true;
  auto res = platform.PostAlexa(linked);
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 200);
  CHECK(oauth.calls == 1);
  CHECK(CountRows(platform.db_path, "sessions", "user_id = 'customer-42'") == 1);

  auto unlinked = ReadJsonFixture("alexa", "intent_place_order_evening.json", "");
  unlinked["session"]["new"] = true;
  auto other = platform.PostAlexa(unlinked);
  REQUIRE(other);
  CHECK(other->status == 200);
  CHECK(CountRows(platform.db_path, "sessions", "user_id LIKE 'alexa-%'") == 1);
}

TEST_CASE("Dialogflow over HTTP: ES shopping and an emergency, CX, and refusals",
          "[platforms][http][dialogflow]") {
  PlatformServer platform;
  const int64_t before = platform.Sessions();

  SECTION("wrong or missing basic auth is a 401 and stores nothing") {
    auto wrong = platform.PostDialogflow(
        "/dialogflow/es", ReadJsonFixture("dialogflow", "es_welcome.json"), "dialogflow:wrong");
    REQUIRE(wrong);
    CHECK(wrong->status == 401);
    auto none = platform.PostDialogflow("/dialogflow/cx",
                                        ReadJsonFixture("dialogflow", "cx_welcome.json"), "");
    REQUIRE(none);
    CHECK(none->status == 401);
    CHECK(platform.Sessions() == before);
  }

  SECTION("ES: welcome, add an item, then the session rides in the output context") {
    auto welcome =
        platform.PostDialogflow("/dialogflow/es", ReadJsonFixture("dialogflow", "es_welcome.json"));
    REQUIRE(welcome);
    REQUIRE(welcome->status == 200);
    auto first = nlohmann::json::parse(welcome->body);
    CHECK_FALSE(first["fulfillmentText"].get<std::string>().empty());
    std::string session = first["outputContexts"][0]["parameters"]["chariot_session_id"];
    REQUIRE_FALSE(session.empty());

    auto add = platform.PostDialogflow("/dialogflow/es",
                                       ReadJsonFixture("dialogflow", "es_add_item.json", session));
    REQUIRE(add);
    INFO(add->body);
    REQUIRE(add->status == 200);
    auto added = nlohmann::json::parse(add->body);
    CHECK(added["outputContexts"][0]["parameters"]["chariot_session_id"] == session);
    CHECK(added["fulfillmentText"] != first["fulfillmentText"]);
  }

  SECTION("ES: a gas smell said in free text gets the emergency advice") {
    auto res = platform.PostDialogflow("/dialogflow/es",
                                       ReadJsonFixture("dialogflow", "es_fallback.json", ""));
    REQUIRE(res);
    INFO(res->body);
    REQUIRE(res->status == 200);
    auto answer = nlohmann::json::parse(res->body);
    std::string speech = answer["fulfillmentText"];
    // The emergency number or the advice to leave, and no conversation after it.
    CHECK((speech.find("112") != std::string::npos || speech.find("Sortez") != std::string::npos));
    CHECK(answer["outputContexts"][0]["parameters"]["chariot_end_session"] == true);
    CHECK(answer["outputContexts"][0]["lifespanCount"] == 0);
  }

  SECTION("CX: welcome then AddItem by tag") {
    auto welcome =
        platform.PostDialogflow("/dialogflow/cx", ReadJsonFixture("dialogflow", "cx_welcome.json"));
    REQUIRE(welcome);
    REQUIRE(welcome->status == 200);
    auto first = nlohmann::json::parse(welcome->body);
    std::string session = first["sessionInfo"]["parameters"]["chariot_session_id"];
    REQUIRE_FALSE(session.empty());
    CHECK(first["fulfillmentResponse"]["messages"][1]["outputAudioText"]["ssml"]
              .get<std::string>()
              .rfind("<speak>", 0) == 0);
    auto add = platform.PostDialogflow("/dialogflow/cx",
                                       ReadJsonFixture("dialogflow", "cx_add_item.json", session));
    REQUIRE(add);
    REQUIRE(add->status == 200);
    auto added = nlohmann::json::parse(add->body);
    CHECK(added["sessionInfo"]["parameters"]["chariot_session_id"] == session);
    CHECK(added["sessionInfo"]["parameters"]["product"].is_null());
  }

  SECTION("hostile bodies are refused after authentication") {
    std::string deep(200, '[');
    auto res = platform.server->Client()->Post(
        "/dialogflow/es", {{"Authorization", "Basic " + platforms::Base64Encode(kDialogflowAuth)}},
        deep, "application/json");
    REQUIRE(res);
    CHECK(res->status == 413);
    auto wrong_shape = platform.PostDialogflow("/dialogflow/es", {{"hello", "world"}});
    REQUIRE(wrong_shape);
    CHECK(wrong_shape->status == 400);
  }
}

TEST_CASE("Twilio over HTTP: a call with the survey, and refusals", "[platforms][http][twilio]") {
  PlatformServer platform;
  const int64_t before = platform.Sessions();

  SECTION("missing or wrong signature is a 403 and stores nothing") {
    auto form = ReadFixture("twilio", "voice_incoming.form");
    auto missing = platform.PostTwilio("/twilio/voice", form, std::string());
    REQUIRE(missing);
    CHECK(missing->status == 403);
    auto wrong =
        platform.PostTwilio("/twilio/voice", form, std::string("GvWf1cFY/Q7PnoempGyD5oXAezc="));
    REQUIRE(wrong);
    CHECK(wrong->status == 403);
    // Signed for another URL (a session id the attacker made up).
    auto params = *platforms::twilio::DecodeForm(form);
    std::string other = platforms::twilio::ExpectedSignature(kTwilioToken, kTwilioUrl, params);
    auto replayed = platform.PostTwilio("/twilio/voice?session=forged", form, other);
    REQUIRE(replayed);
    CHECK(replayed->status == 403);
    CHECK(platform.Sessions() == before);
  }

  SECTION("a call: welcome, an item, the end with the survey, a score, hang up") {
    auto incoming =
        platform.PostTwilio("/twilio/voice", ReadFixture("twilio", "voice_incoming.form"));
    REQUIRE(incoming);
    INFO(incoming->body);
    REQUIRE(incoming->status == 200);
    CHECK(incoming->get_header_value("Content-Type").rfind("text/xml", 0) == 0);
    CHECK(incoming->body.find("<Gather input=\"speech\" language=\"fr-FR\"") != std::string::npos);
    std::string session = TwimlSession(incoming->body);
    REQUIRE_FALSE(session.empty());
    std::string target = "/twilio/voice?session=" + session + "&locale=fr-FR";

    auto add = platform.PostTwilio(target, ReadFixture("twilio", "voice_gather_speech.form"));
    REQUIRE(add);
    INFO(add->body);
    REQUIRE(add->status == 200);
    CHECK(TwimlSession(add->body) == session);
    CHECK(add->body != incoming->body);

    // Silence comes back too (actionOnEmptyResult) and is answered in the same session.
    auto silence = platform.PostTwilio(target, ReadFixture("twilio", "voice_gather_silence.form"));
    REQUIRE(silence);
    INFO(silence->body);
    REQUIRE(silence->status == 200);
    CHECK(TwimlSession(silence->body) == session);
    CHECK(silence->body.find("<Say language=\"fr-FR\">") != std::string::npos);
  }

  SECTION("a request for a person dials the support line") {
    auto incoming =
        platform.PostTwilio("/twilio/voice", ReadFixture("twilio", "voice_incoming.form"));
    REQUIRE(incoming);
    std::string target = "/twilio/voice?session=" + TwimlSession(incoming->body) + "&locale=fr-FR";
    std::string form = ReadFixture("twilio", "voice_gather_silence.form") +
                       "&SpeechResult=je+veux+parler+%C3%A0+un+conseiller&Confidence=0.9";
    auto human = platform.PostTwilio(target, form);
    REQUIRE(human);
    INFO(human->body);
    REQUIRE(human->status == 200);
    CHECK(
        (human->body.find(std::string("<Dial>") + kSupportPhone + "</Dial>") != std::string::npos ||
         human->body.find("<Gather") != std::string::npos));
  }

  SECTION("a malformed form is a 400, a JSON body a 415") {
    auto bad = platform.PostTwilio("/twilio/voice", "CallSid=%ZZ");
    REQUIRE(bad);
    CHECK(bad->status == 400);
    auto json = platform.server->Client()->Post("/twilio/voice", "{}", "application/json");
    REQUIRE(json);
    CHECK(json->status == 415);
  }
}

}  // namespace
}  // namespace chariot::testing
