#include "core/speech.h"

#include <algorithm>

namespace chariot {
namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is invalid.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  size_t length = c < 0x80           ? 1
                  : (c >> 5) == 0x6  ? 2
                  : (c >> 4) == 0xE  ? 3
                  : (c >> 3) == 0x1E ? 4
                                     : 0;
  if (length == 0 || i + length > s.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  if (length == 2 && c < 0xC2) return 0;  // overlong
  return length;
}

}  // namespace

std::string EscapeSsml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size();) {
    size_t length = Utf8SequenceLength(text, i);
    if (length == 0) {
      ++i;
      continue;
    }
    if (length > 1) {
      out.append(text.substr(i, length));
      i += length;
      continue;
    }
    char c = text[i++];
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
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') out += c;
    }
  }
  return out;
}

void Speech::Separate() {
  if (!text_.empty() && text_.back() != ' ') {
    text_ += ' ';
    ssml_body_ += ' ';
  }
}

Speech& Speech::Say(std::string_view text) {
  if (text.empty()) return *this;
  // A full stop or comma closing a sentence that ended on a number (Telephone) sticks to it.
  if (text[0] != '.' && text[0] != ',') Separate();
  std::string clean = EscapeSsml(text);
  ssml_body_ += clean;
  // The plain text keeps the characters, only stripped of invalid bytes and controls.
  for (size_t i = 0; i < text.size();) {
    size_t length = Utf8SequenceLength(text, i);
    if (length == 0) {
      ++i;
      continue;
    }
    if (length > 1 || static_cast<unsigned char>(text[i]) >= 0x20)
      text_.append(text.substr(i, length));
    i += length;
  }
  return *this;
}

Speech& Speech::Pause(int milliseconds) {
  milliseconds = std::clamp(milliseconds, 0, 10000);
  ssml_body_ += "<break time=\"" + std::to_string(milliseconds) + "ms\"/>";
  return *this;
}

Speech& Speech::Telephone(std::string_view number) {
  Separate();
  std::string digits = EscapeSsml(number);
  text_ += digits;
  ssml_body_ += "<say-as interpret-as=\"telephone\">" + digits + "</say-as>";
  return *this;
}

Speech& Speech::Append(const Speech& other) {
  if (other.text_.empty() && other.ssml_body_.empty()) return *this;
  Separate();
  text_ += other.text_;
  ssml_body_ += other.ssml_body_;
  return *this;
}

Speech Speech::Restore(std::string text, std::string ssml_body) {
  Speech speech;
  speech.text_ = std::move(text);
  speech.ssml_body_ = std::move(ssml_body);
  return speech;
}

std::string Speech::Ssml() const { return "<speak>" + ssml_body_ + "</speak>"; }

}  // namespace chariot
