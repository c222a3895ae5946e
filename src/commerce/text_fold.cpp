#include "commerce/text_fold.h"

#include <array>
#include <cstring>

namespace chariot::commerce {
namespace {

// Latin-1 supplement and Latin Extended-A letters French and English text use, folded.
const char* FoldCodepoint(unsigned codepoint) {
  switch (codepoint) {
    case 0xC0:
    case 0xC1:
    case 0xC2:
    case 0xC3:
    case 0xC4:
    case 0xC5:
    case 0xE0:
    case 0xE1:
    case 0xE2:
    case 0xE3:
    case 0xE4:
    case 0xE5:
      return "a";
    case 0xC6:
    case 0xE6:
      return "ae";
    case 0xC7:
    case 0xE7:
      return "c";
    case 0xC8:
    case 0xC9:
    case 0xCA:
    case 0xCB:
    case 0xE8:
    case 0xE9:
    case 0xEA:
    case 0xEB:
      return "e";
    case 0xCC:
    case 0xCD:
    case 0xCE:
    case 0xCF:
    case 0xEC:
    case 0xED:
    case 0xEE:
    case 0xEF:
      return "i";
    case 0xD1:
    case 0xF1:
      return "n";
    case 0xD2:
    case 0xD3:
    case 0xD4:
    case 0xD5:
    case 0xD6:
    case 0xF2:
    case 0xF3:
    case 0xF4:
    case 0xF5:
    case 0xF6:
      return "o";
    case 0xD9:
    case 0xDA:
    case 0xDB:
    case 0xDC:
    case 0xF9:
    case 0xFA:
    case 0xFB:
    case 0xFC:
      return "u";
    case 0xDD:
    case 0xFD:
    case 0xFF:
    case 0x178:
      return "y";
    case 0x152:
    case 0x153:
      return "oe";
    case 0xB2:
      return "2";
    default:
      return nullptr;
  }
}

const std::array<const char*, 26> kStopWords = {
    "de", "du", "des", "la", "le",   "les", "l",    "d",    "un",  "une", "au",  "aux", "a",
    "en", "et", "the", "of", "some", "an",  "pour", "avec", "mon", "ma",  "mes", "my",  "with"};

bool IsStopWord(const std::string& word) {
  for (const char* stop : kStopWords) {
    if (word == stop) return true;
  }
  return false;
}

// Plural and feminine endings off: "yaourts" -> "yaourt", "entiere" -> "entier",
// "ecremee"/"ecreme" -> "ecrem", "choux" -> "chou", "animaux" -> "animal".
std::string Stem(std::string word) {
  if (word.size() <= 3) return word;
  bool has_digit = false;
  for (char c : word) has_digit |= (c >= '0' && c <= '9');
  if (has_digit) return word;
  if (word.size() > 4 && word.compare(word.size() - 3, 3, "aux") == 0) {
    word.replace(word.size() - 3, 3, "al");
  } else if (word.back() == 's' || word.back() == 'x') {
    word.pop_back();
  }
  for (int i = 0; i < 2 && word.size() > 3 && word.back() == 'e'; ++i) word.pop_back();
  return word;
}

}  // namespace

std::string FoldAccents(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = true;
  auto put = [&](const char* s) {
    out += s;
    space = false;
  };
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    unsigned codepoint = 0;
    size_t length = 1;
    if (c < 0x80) {
      codepoint = c;
    } else if ((c >> 5) == 0x6 && i + 1 < text.size()) {
      codepoint = ((c & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F);
      length = 2;
    } else if ((c >> 4) == 0xE) {
      length = 3;
    } else if ((c >> 3) == 0x1E) {
      length = 4;
    }
    i += length;
    if (codepoint >= 'A' && codepoint <= 'Z') codepoint += 'a' - 'A';
    if ((codepoint >= 'a' && codepoint <= 'z') || (codepoint >= '0' && codepoint <= '9')) {
      out += static_cast<char>(codepoint);
      space = false;
      continue;
    }
    if (const char* folded = FoldCodepoint(codepoint)) {
      put(folded);
      continue;
    }
    if (!space) {
      out += ' ';
      space = true;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> SearchWords(std::string_view text) {
  std::vector<std::string> words;
  std::string folded = FoldAccents(text);
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    std::string word = folded.substr(start, end - start);
    if (!word.empty() && !IsStopWord(word)) words.push_back(Stem(std::move(word)));
    start = end + 1;
  }
  return words;
}

std::string SearchText(std::string_view text) {
  std::string out;
  for (const std::string& word : SearchWords(text)) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

}  // namespace chariot::commerce
