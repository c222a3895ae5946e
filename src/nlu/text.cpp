#include "nlu/text.h"

#include <array>
#include <cstring>

namespace chariot::nlu {
namespace {

// Decodes one UTF-8 code point at pos; returns false on any malformed sequence (overlong,
// surrogate, beyond U+10FFFF, truncated).
bool DecodeUtf8(std::string_view s, size_t& pos, uint32_t& cp) {
  unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) {
    cp = c;
    ++pos;
    return true;
  }
  int extra;
  uint32_t min;
  if ((c & 0xE0) == 0xC0) {
    extra = 1;
    cp = c & 0x1F;
    min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    extra = 2;
    cp = c & 0x0F;
    min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    extra = 3;
    cp = c & 0x07;
    min = 0x10000;
  } else {
    return false;
  }
  for (int i = 1; i <= extra; ++i) {
    if (pos + i >= s.size()) return false;
    unsigned char d = static_cast<unsigned char>(s[pos + i]);
    if ((d & 0xC0) != 0x80) return false;
    cp = (cp << 6) | (d & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  pos += extra + 1;
  return true;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

uint32_t ToLower(uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp == 0x152) return 0x153;  // Œ
  if (cp == 0x178) return 0xFF;   // Ÿ
  if (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0 && cp != 0x130 && cp != 0x138) return cp + 1;
  return cp;
}

// The ASCII folding of a lower-case Latin-1 letter; nullptr when it is not one.
const char* FoldLatin(uint32_t cp) {
  static const std::array<const char*, 32> kTable = {
      "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",
      "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};
  if (cp == 0xDF) return "ss";
  if (cp >= 0xE0 && cp <= 0xFF) return kTable[cp - 0xE0];
  if (cp == 0x153) return "oe";
  return nullptr;
}

bool IsApostrophe(uint32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == '`' || cp == 0xB4;
}

// Letters of other scripts are kept as they are (a word we do not know is still a word);
// symbols, punctuation and emoji are separators.
bool IsOtherLetter(uint32_t cp) {
  return (cp >= 0x100 && cp < 0x2000) || (cp >= 0x3040 && cp <= 0x9FFF) ||
         (cp >= 0xAC00 && cp <= 0xD7AF);
}

struct Filler {
  std::array<const char*, 4> words;
  int size;
};

const std::vector<Filler>& Fillers(Language language) {
  static const std::vector<Filler> kFrench = {{{"s", "il", "vous", "plait"}, 4},
                                              {{"s", "il", "te", "plait"}, 4},
                                              {{"si", "vous", "plait"}, 3},
                                              {{"si", "te", "plait"}, 3},
                                              {{"euh"}, 1},
                                              {{"euuh"}, 1},
                                              {{"heu"}, 1},
                                              {{"hum"}, 1},
                                              {{"hmm"}, 1},
                                              {{"bah"}, 1},
                                              {{"ben"}, 1},
                                              {{"beh"}, 1},
                                              {{"stp"}, 1},
                                              {{"svp"}, 1},
                                              {{"bonjour"}, 1},
                                              {{"bonsoir"}, 1},
                                              {{"salut"}, 1},
                                              {{"allo"}, 1},
                                              {{"chariot"}, 1},
                                              {{"merci"}, 1},
                                              {{"alors"}, 1},
                                              {{"donc"}, 1},
                                              {{"dis"}, 1},
                                              {{"dites"}, 1},
                                              {{"enfin"}, 1}};
  static const std::vector<Filler> kEnglish = {
      {{"thank", "you"}, 2}, {{"you", "know"}, 2}, {{"uh"}, 1},     {{"um"}, 1},
      {{"umm"}, 1},          {{"uhm"}, 1},         {{"er"}, 1},     {{"erm"}, 1},
      {{"hmm"}, 1},          {{"ah"}, 1},          {{"please"}, 1}, {{"pls"}, 1},
      {{"plz"}, 1},          {{"thanks"}, 1},      {{"hello"}, 1},  {{"hi"}, 1},
      {{"hey"}, 1},          {{"chariot"}, 1},     {{"so"}, 1},     {{"well"}, 1},
      {{"kindly"}, 1}};
  return language == Language::kFrench ? kFrench : kEnglish;
}

void DropFillers(Language language, std::vector<Token>& tokens) {
  const std::vector<Filler>& fillers = Fillers(language);
  std::vector<bool> drop(tokens.size(), false);
  bool any = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    for (const Filler& f : fillers) {
      if (i + f.size > tokens.size()) continue;
      bool match = true;
      for (int k = 0; k < f.size && match; ++k) match = tokens[i + k].word == f.words[k];
      if (!match) continue;
      for (int k = 0; k < f.size; ++k) drop[i + k] = true;
      any = true;
      break;
    }
  }
  if (!any) return;
  size_t kept = 0;
  for (size_t i = 0; i < tokens.size(); ++i)
    if (!drop[i]) ++kept;
  if (kept == 0) return;  // "merci" alone still means something
  size_t out = 0;
  for (size_t i = 0; i < tokens.size(); ++i)
    if (!drop[i]) {
      if (out != i) tokens[out] = std::move(tokens[i]);  // never self-move: it empties a string
      ++out;
    }
  tokens.resize(out);
}

class Tokenizer {
 public:
  Tokenizer(Language language, NormalizedText& out) : language_(language), out_(out) {}

  void Flush() {
    if (!word_.empty()) {
      Token token;
      token.word = word_;
      token.begin = begin_;
      token.end = static_cast<uint32_t>(out_.lower.size());
      out_.tokens.push_back(std::move(token));
      word_.clear();
    }
    kind_ = kNone;
  }
  void StartIfNeeded() {
    if (word_.empty()) begin_ = static_cast<uint32_t>(out_.lower.size());
  }
  void AddDigit(char c) {
    if (kind_ == kLetters) Flush();
    StartIfNeeded();
    word_.push_back(c);
    kind_ = kDigits;
  }
  void AddLetters(const char* folded) {
    if (kind_ == kDigits) Flush();
    StartIfNeeded();
    word_.append(folded);
    kind_ = kLetters;
  }
  void AddRawLetter(uint32_t cp) {
    if (kind_ == kDigits) Flush();
    StartIfNeeded();
    AppendUtf8(word_, cp);
    kind_ = kLetters;
  }
  void AddDecimalPoint() { word_.push_back('.'); }
  void EmitWord(const char* word) {
    Flush();
    begin_ = static_cast<uint32_t>(out_.lower.size());
    word_ = word;
    kind_ = kLetters;
    Flush();
  }
  bool InDigits() const { return kind_ == kDigits; }
  const std::string& word() const { return word_; }
  Language language() const { return language_; }

 private:
  enum Kind { kNone, kDigits, kLetters };
  Language language_;
  NormalizedText& out_;
  std::string word_;
  uint32_t begin_ = 0;
  Kind kind_ = kNone;
};

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  return true;
}

size_t FindIgnoringCase(std::string_view text, std::string_view needle, size_t from) {
  for (size_t i = from; i + needle.size() <= text.size(); ++i)
    if (EqualsIgnoringCase(text.substr(i, needle.size()), needle)) return i;
  return std::string_view::npos;
}

}  // namespace

Language LanguageOf(std::string_view locale) {
  return locale.size() >= 2 && (locale[0] == 'f' || locale[0] == 'F') &&
                 (locale[1] == 'r' || locale[1] == 'R')
             ? Language::kFrench
             : Language::kEnglish;
}

bool IsFiller(std::string_view word, Language language) {
  for (const Filler& f : Fillers(language))
    if (f.size == 1 && word == f.words[0]) return true;
  return false;
}

bool IsDigitWord(std::string_view word) {
  if (word.empty()) return false;
  int dots = 0;
  for (char c : word) {
    if (c == '.') {
      ++dots;
    } else if (!IsAsciiDigit(c)) {
      return false;
    }
  }
  return dots <= 1 && word.front() != '.' && word.back() != '.';
}

NormalizeResult Normalize(std::string_view text, Language language, NormalizedText& out) {
  out.Clear();
  if (text.size() > kMaxTextBytes) return NormalizeResult::kTooLong;
  out.lower.reserve(text.size());
  Tokenizer tokenizer(language, out);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    uint32_t cp;
    if (!DecodeUtf8(text, pos, cp)) {
      out.Clear();
      return NormalizeResult::kInvalidUtf8;
    }
    if (cp == '<') {
      // Markup (SSML, HTML) is not speech: skip the whole tag when it closes.
      size_t close = text.find('>', pos);
      if (close != std::string_view::npos && close - pos < 200) {
        std::string_view tag = text.substr(pos, close - pos);
        size_t check = 0;
        uint32_t ignored;
        while (check < tag.size())
          if (!DecodeUtf8(tag, check, ignored)) {
            out.Clear();
            return NormalizeResult::kInvalidUtf8;
          }
        tokenizer.Flush();
        out.lower.push_back(' ');
        pos = close + 1;
        // Script and style elements hold code, not words: skip to their end tag.
        for (const char* element : {"script", "style"}) {
          size_t length = std::strlen(element);
          if (tag.size() < length || !EqualsIgnoringCase(tag.substr(0, length), element)) continue;
          size_t end = FindIgnoringCase(text, std::string("</") + element, pos);
          size_t after =
              end == std::string_view::npos ? std::string_view::npos : text.find('>', end);
          if (after == std::string_view::npos) {
            pos = text.size();
          } else {
            pos = after + 1;
          }
        }
        continue;
      }
      tokenizer.Flush();
      out.lower.push_back(' ');
      continue;
    }
    uint32_t lower = ToLower(cp);
    if (lower >= '0' && lower <= '9') {
      tokenizer.AddDigit(static_cast<char>(lower));
      out.lower.push_back(static_cast<char>(lower));
      continue;
    }
    if (lower >= 'a' && lower <= 'z') {
      char letter[2] = {static_cast<char>(lower), 0};
      tokenizer.AddLetters(letter);
      out.lower.push_back(static_cast<char>(lower));
      continue;
    }
    if (const char* folded = FoldLatin(lower)) {
      tokenizer.AddLetters(folded);
      AppendUtf8(out.lower, lower);
      continue;
    }
    if ((cp == '.' || cp == ',') && tokenizer.InDigits() && pos < text.size() &&
        IsAsciiDigit(text[pos]) && tokenizer.word().find('.') == std::string::npos) {
      tokenizer.AddDecimalPoint();
      out.lower.push_back('.');
      continue;
    }
    if (cp == ':' && tokenizer.InDigits() && pos < text.size() && IsAsciiDigit(text[pos])) {
      tokenizer.EmitWord("h");
      out.lower.push_back(':');
      continue;
    }
    if (IsApostrophe(cp)) {
      if (language == Language::kFrench) {
        if (tokenizer.word() == "aujourd") {
          AppendUtf8(out.lower, cp);
          continue;  // "aujourd'hui" is one word
        }
        tokenizer.Flush();
      }
      AppendUtf8(out.lower, cp);
      continue;
    }
    if (IsOtherLetter(lower)) {
      tokenizer.AddRawLetter(lower);
      AppendUtf8(out.lower, lower);
      continue;
    }
    // Anything else separates words; control characters are blanked in `lower` too.
    tokenizer.Flush();
    if (cp < 0x20 || cp == 0x7F) {
      out.lower.push_back(' ');
    } else {
      out.lower.append(text.substr(start, pos - start));
    }
  }
  tokenizer.Flush();
  if (out.tokens.size() > kMaxTokens) {
    out.Clear();
    return NormalizeResult::kTooLong;
  }
  DropFillers(language, out.tokens);
  return NormalizeResult::kOk;
}

std::vector<std::string> FoldWords(std::string_view phrase, Language language) {
  NormalizedText normalized;
  std::vector<std::string> words;
  // The same normalization as what customers say, fillers included: a template word that the
  // parser would drop could never be matched.
  if (Normalize(phrase, language, normalized) != NormalizeResult::kOk) return words;
  for (Token& token : normalized.tokens) words.push_back(std::move(token.word));
  return words;
}

}  // namespace chariot::nlu
