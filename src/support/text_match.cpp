#include "support/text_match.h"

#include <cctype>
#include <string_view>
#include <utility>

namespace chariot::support {
namespace {

// Two-byte UTF-8 Latin letters used in French, mapped to their base letter.
char FoldLatin1(unsigned char second) {
  // Both upper (0xC3 0x80..0x9F) and lower (0xC3 0xA0..0xBF) case forms.
  unsigned char c = second >= 0xA0 ? second - 0x20 : second;
  switch (c) {
    case 0x80:
    case 0x81:
    case 0x82:
    case 0x83:
    case 0x84:
    case 0x85:
      return 'a';
    case 0x87:
      return 'c';
    case 0x88:
    case 0x89:
    case 0x8A:
    case 0x8B:
      return 'e';
    case 0x8C:
    case 0x8D:
    case 0x8E:
    case 0x8F:
      return 'i';
    case 0x91:
      return 'n';
    case 0x92:
    case 0x93:
    case 0x94:
    case 0x95:
    case 0x96:
      return 'o';
    case 0x99:
    case 0x9A:
    case 0x9B:
    case 0x9C:
      return 'u';
    default:
      return ' ';
  }
}

}  // namespace

std::string FoldForMatching(std::string_view text) {
  std::string out = " ";
  out.reserve(text.size() + 2);
  auto push = [&](char c) {
    if (c == ' ' && out.back() == ' ') return;
    out += c;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (std::isalnum(c)) {
        push(static_cast<char>(std::tolower(c)));
      } else if (c == '\'') {
        push('\'');
      } else {
        push(' ');
      }
    } else if (c == 0xC3 && i + 1 < text.size()) {
      push(FoldLatin1(static_cast<unsigned char>(text[++i])));
    } else if (c == 0xC5 && i + 1 < text.size() &&
               (static_cast<unsigned char>(text[i + 1]) == 0x93 ||
                static_cast<unsigned char>(text[i + 1]) == 0x92)) {
      ++i;  // œ / Œ
      push('o');
      push('e');
    } else if (c == 0xE2 && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0x80 &&
               static_cast<unsigned char>(text[i + 2]) == 0x99) {
      i += 2;  // ’ typographic apostrophe
      push('\'');
    } else {
      push(' ');  // any other byte of a multi-byte sequence, or invalid UTF-8
    }
  }
  push(' ');
  return out;
}

bool ContainsAnyPhrase(const std::string& folded_text, const std::vector<std::string>& phrases) {
  for (const std::string& phrase : phrases) {
    if (phrase.empty()) continue;
    std::string needle = " " + phrase + " ";
    if (folded_text.find(needle) != std::string::npos) return true;
    // An elided article glued to the phrase: "l'electricite", "d'eau".
    std::string glued = "'" + phrase + " ";
    if (folded_text.find(glued) != std::string::npos) return true;
  }
  return false;
}

}  // namespace chariot::support
