// libFuzzer target for the SSML builder (core/speech.h): whatever text, numbers and phone
// numbers go in, the SSML that comes out is markup Chariot made itself and valid UTF-8.
//
// The input is split on 0x00 bytes; the first byte of each piece picks the operation (Say,
// Pause, Telephone, Append, EscapeSsml). Checked after every build:
//   - every '<' opens one of our own tags (speak, break, say-as) and every '&' one of the five
//     entities we emit: customer text can never inject markup;
//   - the text and the SSML are valid UTF-8 with no control characters but tab and newline.
// Build: cmake -DCHARIOT_FUZZ=ON with clang (scripts/fuzz); seeds in tests/fuzz/corpus/ssml.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/speech.h"

namespace {

void Fail(const char* what, const std::string& ssml) {
  std::fprintf(stderr, "ssml_fuzz: %s in: %s\n", what, ssml.c_str());
  std::abort();
}

bool StartsWith(std::string_view s, size_t at, std::string_view prefix) {
  return s.substr(at, prefix.size()) == prefix;
}

void CheckUtf8(const std::string& s, const std::string& ssml) {
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t length = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xE  ? 3
                    : (c >> 3) == 0x1E ? 4
                                       : 0;
    if (length == 0 || i + length > s.size()) Fail("invalid UTF-8 lead byte", ssml);
    for (size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) Fail("invalid UTF-8", ssml);
    }
    if (length == 1 && c < 0x20 && c != '\n' && c != '\t') Fail("control character", ssml);
    i += length;
  }
}

void CheckMarkup(const std::string& ssml) {
  static constexpr std::string_view kTags[] = {"<speak>", "</speak>", "<break time=\"",
                                               "<say-as interpret-as=\"telephone\">", "</say-as>"};
  static constexpr std::string_view kEntities[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
  for (size_t i = 0; i < ssml.size(); ++i) {
    if (ssml[i] == '<') {
      bool known = false;
      for (auto tag : kTags) known = known || StartsWith(ssml, i, tag);
      if (!known) Fail("markup not made by Speech", ssml);
      if (StartsWith(ssml, i, "<break time=\"")) {
        size_t end = ssml.find("ms\"/>", i);
        if (end == std::string::npos) Fail("unterminated break", ssml);
        for (size_t k = i + 13; k < end; ++k) {
          if (ssml[k] < '0' || ssml[k] > '9') Fail("break time not a number", ssml);
        }
        i = end + 4;
        continue;
      }
      i = ssml.find('>', i);
    } else if (ssml[i] == '&') {
      bool known = false;
      for (auto entity : kEntities) known = known || StartsWith(ssml, i, entity);
      if (!known) Fail("unknown entity", ssml);
    } else if (ssml[i] == '>' || ssml[i] == '"') {
      Fail("bare > or \" in text", ssml);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  chariot::Speech speech, other;
  size_t start = 0;
  while (start <= input.size()) {
    size_t end = input.find('\0', start);
    if (end == std::string_view::npos) end = input.size();
    std::string_view piece = input.substr(start, end - start);
    start = end + 1;
    if (piece.empty()) continue;
    std::string_view text = piece.substr(1);
    switch (static_cast<unsigned char>(piece[0]) % 5) {
      case 0:
        speech.Say(text);
        break;
      case 1:
        speech.Pause(static_cast<int>(std::strtol(std::string(text).c_str(), nullptr, 10)));
        break;
      case 2:
        speech.Telephone(text);
        break;
      case 3:
        other.Say(text);
        speech.Append(other);
        break;
      case 4: {
        std::string escaped = chariot::EscapeSsml(text);
        CheckMarkup(escaped);
        CheckUtf8(escaped, escaped);
        break;
      }
    }
  }
  std::string ssml = speech.Ssml();
  if (ssml.rfind("<speak>", 0) != 0) Fail("no <speak>", ssml);
  CheckMarkup(ssml);
  CheckUtf8(ssml, ssml);
  CheckUtf8(speech.text(), ssml);
  return 0;
}
