#include "platforms/twilio/parse.h"

#include <cstdlib>

#include "platforms/crypto.h"

namespace chariot::platforms::twilio {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Result<std::string> UrlDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%') {
      if (i + 2 >= text.size()) {
        return Status::InvalidArgument("The form holds a truncated percent escape.");
      }
      int high = HexValue(text[i + 1]);
      int low = HexValue(text[i + 2]);
      if (high < 0 || low < 0)
        return Status::InvalidArgument("The form holds a bad percent escape.");
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

bool IsCallSid(const std::string& sid) {
  if (sid.size() != 34 || sid[0] != 'C' || sid[1] != 'A') return false;
  for (size_t i = 2; i < sid.size(); ++i) {
    if (HexValue(sid[i]) < 0) return false;
  }
  return true;
}

std::string NormalizeLocale(const std::string& locale) {
  if (locale.rfind("en", 0) == 0) return "en-US";
  return "fr-FR";
}

}  // namespace

Result<FormParams> DecodeForm(std::string_view body, FormLimits limits) {
  if (body.size() > limits.max_bytes) return Status::TooLarge("The form is too large.");
  FormParams params;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find('&', start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view pair = body.substr(start, end - start);
    if (!pair.empty()) {
      if (params.size() >= limits.max_params)
        return Status::TooLarge("The form has too many fields.");
      size_t equals = pair.find('=');
      std::string_view raw_name = pair.substr(0, equals);
      std::string_view raw_value =
          equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1);
      Result<std::string> name = UrlDecode(raw_name);
      if (!name.ok()) return name.status();
      Result<std::string> value = UrlDecode(raw_value);
      if (!value.ok()) return value.status();
      params.emplace_back(std::move(*name), std::move(*value));
    }
    start = end + 1;
  }
  return params;
}

std::string Param(const FormParams& params, std::string_view name) {
  for (const auto& [key, value] : params) {
    if (key == name) return value;
  }
  return "";
}

Result<VoiceRequest> ParseVoiceRequest(const FormParams& body, const FormParams& query) {
  VoiceRequest request;
  request.call_sid = Param(body, "CallSid");
  if (!IsCallSid(request.call_sid)) {
    return Status::InvalidArgument("The Twilio request has no valid CallSid.");
  }
  Turn& turn = request.turn;
  turn.channel = "twilio";
  turn.locale = NormalizeLocale(Param(query, "locale"));
  std::string from = Param(body, "From");
  turn.user_id =
      "tel-" + Sha256Hex(from.empty() ? "anonymous:" + request.call_sid : from).substr(0, 20);
  turn.session_id = Param(query, "session");
  if (turn.session_id.size() > 128) return Status::InvalidArgument("The session id is too long.");
  if (turn.session_id.empty()) {
    turn.kind = TurnKind::kLaunch;
    return request;
  }
  std::string status = Param(body, "CallStatus");
  if (status == "completed" || status == "busy" || status == "failed" || status == "no-answer" ||
      status == "canceled") {
    // A status callback: the caller hung up; nothing can be said any more.
    turn.kind = TurnKind::kSessionEnded;
    turn.end_reason = "platform_ended";
    return request;
  }
  turn.kind = TurnKind::kText;
  turn.text = Param(body, "SpeechResult");
  if (turn.text.size() > 2000) turn.text.resize(2000);
  std::string confidence = Param(body, "Confidence");
  if (!confidence.empty()) {
    char* end = nullptr;
    double value = std::strtod(confidence.c_str(), &end);
    if (end != confidence.c_str() && value >= 0.0 && value <= 1.0) turn.confidence = value;
  }
  return request;
}

}  // namespace chariot::platforms::twilio
