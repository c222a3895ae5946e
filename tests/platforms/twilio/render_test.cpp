#include "platforms/twilio/render.h"

#include <catch2/catch.hpp>

namespace chariot::platforms::twilio {
namespace {

TwimlOptions Options() {
  return {"https://voice.example.fr/twilio/voice", "fr-FR", "+33 1 80 00 00 00", 3};
}

TEST_CASE("A question becomes a speech Gather that posts back with the session",
          "[platforms][twilio]") {
  Reply reply;
  reply.session_id = "s 1&2";
  reply.speech = "J'ajoute deux litres de lait. Autre chose ?";
  std::string xml = RenderTwiml(reply, Options());
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Gather input=\"speech\" "
                  "language=\"fr-FR\"",
                  0) == 0);
  CHECK(
      xml.find(
          "action=\"https://voice.example.fr/twilio/voice?session=s%201%262&amp;locale=fr-FR\"") !=
      std::string::npos);
  CHECK(xml.find("actionOnEmptyResult=\"true\"") != std::string::npos);
  CHECK(xml.find("<Say language=\"fr-FR\">J&apos;ajoute deux litres de lait. Autre chose "
                 "?</Say></Gather>") != std::string::npos);
  CHECK(xml.find("<Hangup/>") == std::string::npos);
}

TEST_CASE("The end of a call says goodbye and hangs up", "[platforms][twilio]") {
  Reply reply;
  reply.speech = "Merci, au revoir.";
  reply.end_session = true;
  CHECK(RenderTwiml(reply, Options()) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say language=\"fr-FR\">Merci, au "
        "revoir.</Say><Hangup/></Response>");
}

TEST_CASE("A hand-off dials the support number", "[platforms][twilio]") {
  Reply reply;
  reply.speech = "Je vous passe un conseiller.";
  reply.handoff = Handoff::kHuman;
  std::string xml = RenderTwiml(reply, Options());
  CHECK(xml.find("<Dial>+33180000000</Dial>") != std::string::npos);
  reply.handoff_number = "18";
  CHECK(RenderTwiml(reply, Options()).find("<Dial>18</Dial>") != std::string::npos);
  TwimlOptions none = Options();
  none.support_phone.clear();
  reply.handoff_number.clear();
  CHECK(RenderTwiml(reply, none).find("<Hangup/>") != std::string::npos);
}

TEST_CASE("Text with markup cannot inject TwiML", "[platforms][twilio]") {
  Reply reply;
  reply.speech = "</Say><Dial>+1900</Dial><Say>\x01";
  reply.end_session = true;
  std::string xml = RenderTwiml(reply, Options());
  CHECK(xml.find("<Dial>") == std::string::npos);
  CHECK(xml.find("&lt;/Say&gt;&lt;Dial&gt;") != std::string::npos);
  CHECK(xml.find('\x01') == std::string::npos);
}

}  // namespace
}  // namespace chariot::platforms::twilio
