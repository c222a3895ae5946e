#include "platforms/alexa/render.h"

#include "core/speech.h"
#include "platforms/alexa/parse.h"

namespace chariot::platforms::alexa {
namespace {

// Characters as Alexa counts them: UTF-8 code points.
size_t CodePoints(const std::string& text) {
  size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

// The longest prefix of text with at most `limit` code points, ending after a sentence when one
// ends in that prefix.
std::string CutText(const std::string& text, size_t limit) {
  size_t points = 0;
  size_t end = 0;
  for (; end < text.size(); ++end) {
    if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80) {
      if (points == limit) break;
      points++;
    }
  }
  std::string cut = text.substr(0, end);
  size_t sentence = cut.find_last_of(".!?");
  if (end < text.size() && sentence != std::string::npos && sentence > cut.size() / 2) {
    cut.resize(sentence + 1);
  }
  return cut;
}

nlohmann::json OutputSpeech(const std::string& ssml, const std::string& text, size_t limit) {
  std::string speech = ssml.empty() ? "<speak>" + EscapeSsml(text) + "</speak>" : ssml;
  if (CodePoints(speech) > limit) {
    // "<speak></speak>" is 15 characters; escaping can grow text up to 6 times ("&quot;").
    std::string cut = CutText(text, limit - 15);
    speech = "<speak>" + EscapeSsml(cut) + "</speak>";
    while (CodePoints(speech) > limit && !cut.empty()) {
      cut = CutText(cut, CodePoints(cut) * 3 / 4);
      speech = "<speak>" + EscapeSsml(cut) + "</speak>";
    }
  }
  return {{"type", "SSML"}, {"ssml", speech}};
}

}  // namespace

nlohmann::json RenderResponse(const Reply& reply) {
  nlohmann::json response = nlohmann::json::object();
  size_t speech_limit = kMaxSpeechCharacters;
  nlohmann::json envelope;
  for (int attempt = 0; attempt < 4; ++attempt) {
    response = nlohmann::json::object();
    if (!reply.speech.empty() || !reply.ssml.empty()) {
      response["outputSpeech"] = OutputSpeech(reply.ssml, reply.speech, speech_limit);
    }
    if (!reply.end_session && (!reply.reprompt_speech.empty() || !reply.reprompt_ssml.empty())) {
      response["reprompt"] = {
          {"outputSpeech", OutputSpeech(reply.reprompt_ssml, reply.reprompt_speech, speech_limit)}};
    }
    if (reply.handoff == Handoff::kLinkAccount) {
      response["card"] = {{"type", "LinkAccount"}};
    } else if (!reply.card_title.empty() || !reply.card_text.empty()) {
      std::string title = CutText(reply.card_title, 200);
      std::string content =
          CutText(reply.card_text, std::min(speech_limit, kMaxCardCharacters) - CodePoints(title));
      response["card"] = {{"type", "Simple"}, {"title", title}, {"content", content}};
    }
    response["shouldEndSession"] = reply.end_session;
    envelope = {{"version", "1.0"}, {"response", response}};
    if (!reply.end_session && !reply.session_id.empty()) {
      envelope["sessionAttributes"] = {{kSessionAttribute, reply.session_id}};
    }
    if (envelope.dump().size() <= kMaxResponseBytes) break;
    speech_limit /= 2;  // multi-byte speech can exceed 24 KB at 8000 characters per field
  }
  return envelope;
}

nlohmann::json EmptyResponse() {
  return {{"version", "1.0"}, {"response", nlohmann::json::object()}};
}

}  // namespace chariot::platforms::alexa
