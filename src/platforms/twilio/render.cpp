#include "platforms/twilio/render.h"

namespace chariot::platforms::twilio {
namespace {

std::string QueryEscape(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

// Phone numbers keep digits and a leading "+"; anything else is dropped.
std::string CleanNumber(std::string_view number) {
  std::string out;
  for (char c : number) {
    if (std::isdigit(static_cast<unsigned char>(c)) || (c == '+' && out.empty())) out.push_back(c);
  }
  return out;
}

}  // namespace

std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 forbids most control characters, even escaped.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
          out.push_back(c);
        }
    }
  }
  return out;
}

std::string RenderTwiml(const Reply& reply, const TwimlOptions& options) {
  const std::string language = options.locale == "en-US" ? "en-US" : "fr-FR";
  std::string say = "<Say language=\"" + language + "\">" + EscapeXml(reply.speech) + "</Say>";
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>";
  if (reply.handoff == Handoff::kHuman) {
    std::string number =
        CleanNumber(reply.handoff_number.empty() ? options.support_phone : reply.handoff_number);
    xml += say;
    xml += number.empty() ? "<Hangup/>" : "<Dial>" + EscapeXml(number) + "</Dial>";
  } else if (reply.end_session) {
    xml += say + "<Hangup/>";
  } else {
    std::string action =
        options.action_url + "?session=" + QueryEscape(reply.session_id) + "&locale=" + language;
    xml += "<Gather input=\"speech\" language=\"" + language + "\" action=\"" + EscapeXml(action) +
           "\" method=\"POST\" speechTimeout=\"" + std::to_string(options.speech_timeout_seconds) +
           "\" actionOnEmptyResult=\"true\">" + say + "</Gather>";
  }
  xml += "</Response>";
  return xml;
}

}  // namespace chariot::platforms::twilio
