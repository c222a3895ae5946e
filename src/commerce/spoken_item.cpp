#include "commerce/spoken_item.h"

#include <cctype>
#include <cmath>

#include "commerce/text_fold.h"
#include "core/spoken.h"

namespace chariot::commerce {
namespace {

bool IsEnglish(std::string_view locale) { return locale.substr(0, 2) == "en"; }

bool StartsWithVowelSound(const std::string& phrase) {
  std::string folded = FoldAccents(phrase);
  if (folded.empty()) return false;
  char c = folded[0];
  // Mute h elides ("d'huile", "d'herbes"); aspirated h does not ("de haricots").
  if (c == 'h') return folded.rfind("huil", 0) == 0 || folded.rfind("herb", 0) == 0;
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';  // not y: "de yaourt"
}

// The first letter in lower case unless the word looks like an acronym ("LED", "WC").
std::string LowerFirst(const std::string& name) {
  if (name.empty()) return name;
  if (name.size() > 1 && std::isupper(static_cast<unsigned char>(name[1]))) return name;
  std::string out = name;
  if (std::isupper(static_cast<unsigned char>(out[0])))
    out[0] = static_cast<char>(std::tolower(out[0]));
  // "Œ" (C5 92) -> "œ" (C5 93); "É" (C3 89) -> "é" (C3 A9)
  if (out.size() >= 2 && static_cast<unsigned char>(out[0]) == 0xC5 &&
      static_cast<unsigned char>(out[1]) == 0x92)
    out[1] = static_cast<char>(0x93);
  if (out.size() >= 2 && static_cast<unsigned char>(out[0]) == 0xC3 &&
      static_cast<unsigned char>(out[1]) >= 0x80 && static_cast<unsigned char>(out[1]) <= 0x9E)
    out[1] = static_cast<char>(static_cast<unsigned char>(out[1]) + 0x20);
  return out;
}

// French plural of one word: -s, -x, -z unchanged; -eau/-au -> -eaux; -al -> -aux.
std::string PluralWord(const std::string& word) {
  if (word.empty()) return word;
  char last = word.back();
  if (last == 's' || last == 'x' || last == 'z') return word;
  if (word.size() >= 2 && word.compare(word.size() - 2, 2, "au") == 0) return word + "x";
  if (word.size() >= 2 && word.compare(word.size() - 2, 2, "al") == 0)
    return word.substr(0, word.size() - 2) + "aux";
  return word + "s";
}

// French plural of a product name: the first word (the noun) takes the plural, and so does the
// second when it is an adjective agreeing with it ("Pommes Golden" stays).
std::string PluralName(const store::Product& p) {
  if (!p.plural.empty()) return p.plural;
  const std::string& name = p.name;
  size_t space = name.find(' ');
  std::string first = name.substr(0, space);
  size_t hyphen = first.find('-');
  if (hyphen != std::string::npos) {
    first = PluralWord(first.substr(0, hyphen)) + first.substr(hyphen);
  } else {
    first = PluralWord(first);
  }
  return space == std::string::npos ? first : first + name.substr(space);
}

bool FeminineNoun(const std::string& noun) {
  static const char* const kFeminine[] = {
      "bouteille", "boîte",     "brique",   "plaquette", "barquette", "tablette", "botte", "pièce",
      "bombe",     "cartouche", "couronne", "paire",     "barrette",  "canette",  "bobine"};
  for (const char* f : kFeminine) {
    if (noun == f) return true;
  }
  return false;
}

const char* EnglishPack(const std::string& pack) {
  static const std::pair<const char*, const char*> kPacks[] = {
      {"bouteille", "bottle"}, {"boîte", "box"},          {"brique", "carton"},
      {"plaquette", "pack"},   {"barquette", "tray"},     {"tablette", "bar"},
      {"pot", "jar"},          {"bocal", "jar"},          {"sachet", "bag"},
      {"paquet", "pack"},      {"pack", "pack"},          {"filet", "net"},
      {"tube", "tube"},        {"flacon", "bottle"},      {"lot", "set"},
      {"sac", "bag"},          {"rouleau", "roll"},       {"bidon", "can"},
      {"canette", "can"},      {"botte", "bunch"},        {"paire", "pair"},
      {"coffret", "case"},     {"cartouche", "cartridge"}};
  for (const auto& [fr, en] : kPacks) {
    if (pack == fr) return en;
  }
  return "pack";
}

std::string EnglishPlural(const std::string& word) {
  if (word.empty() || word.back() == 's') return word;
  if (word.back() == 'x' || word.back() == 'h') return word + "es";
  return word + "s";
}

std::string French(const store::Product& p, double quantity) {
  const bool feminine = p.gender == "f";
  if (p.sold_by == "weight") {
    std::string amount = SpokenAmount(quantity, "kg", "fr-FR");
    return amount + " " + Of(LowerFirst(p.name), "fr-FR");
  }
  const int64_t count = std::llround(quantity);
  const bool measure = p.unit != "piece";
  if (measure && count >= 1 && p.size_label.empty() &&
      (std::fabs(p.size - 1) < 1e-9 || count == 1)) {
    // "deux litres de lait", "un kilo de farine", "deux cent cinquante grammes de beurre".
    return SpokenAmount(count * p.size, p.unit, "fr-FR") + " " + Of(LowerFirst(p.name), "fr-FR");
  }
  if (p.unit == "piece" && p.size > 1 && !p.each_name.empty()) {
    std::string pack = p.pack.empty() ? "lot" : p.pack;
    std::string head = SpokenNumber(count, "fr-FR", FeminineNoun(pack)) + " " +
                       (count > 1 ? PluralWord(pack) : pack);
    std::string pieces =
        SpokenNumber(static_cast<int64_t>(p.size), "fr-FR", FeminineNoun(p.each_name));
    std::string each_folded = FoldAccents(p.each_name);
    std::string what =
        FoldAccents(p.name).rfind(each_folded, 0) == 0
            ? pieces + " " + LowerFirst(PluralName(p))
            : pieces + " " + PluralWord(p.each_name) + " " + Of(LowerFirst(p.name), "fr-FR");
    return head + " " + Of(what, "fr-FR");
  }
  if (!p.pack.empty() && (measure || p.size > 1)) {
    // "deux plaquettes de deux cent cinquante grammes de beurre doux"
    std::string head = SpokenNumber(count, "fr-FR", FeminineNoun(p.pack)) + " " +
                       (count > 1 ? PluralWord(p.pack) : p.pack);
    std::string content = measure && p.size_label.empty()
                              ? Of(SpokenAmount(p.size, p.unit, "fr-FR"), "fr-FR") + " "
                              : "";
    return head + " " + content + Of(LowerFirst(p.name), "fr-FR");
  }
  return SpokenNumber(count, "fr-FR", feminine) + " " +
         LowerFirst(count > 1 ? PluralName(p) : p.name);
}

std::string English(const store::Product& p, double quantity) {
  std::string name = p.name_en.empty() ? p.name : p.name_en;
  std::string lower = LowerFirst(name);
  if (p.sold_by == "weight") return SpokenAmount(quantity, "kg", "en-US") + " of " + lower;
  const int64_t count = std::llround(quantity);
  if (p.unit != "piece" && p.size_label.empty() && std::fabs(p.size - 1) < 1e-9) {
    return SpokenAmount(static_cast<double>(count), p.unit, "en-US") + " of " + lower;
  }
  if (!p.pack.empty()) {
    std::string pack = EnglishPack(p.pack);
    return SpokenNumber(count, "en-US") + " " + (count > 1 ? EnglishPlural(pack) : pack) + " of " +
           lower;
  }
  return SpokenNumber(count, "en-US") + " " + (count > 1 ? EnglishPlural(lower) : lower);
}

}  // namespace

std::string Of(const std::string& phrase, std::string_view locale) {
  if (IsEnglish(locale)) return "of " + phrase;
  return StartsWithVowelSound(phrase) ? "d'" + phrase : "de " + phrase;
}

std::string SpokenName(const store::Product& product, std::string_view locale) {
  if (IsEnglish(locale))
    return LowerFirst(product.name_en.empty() ? product.name : product.name_en);
  return LowerFirst(product.name);
}

std::string TheName(const store::Product& product, std::string_view locale) {
  std::string name = SpokenName(product, locale);
  if (IsEnglish(locale)) return "the " + name;
  if (StartsWithVowelSound(name)) return "l'" + name;
  std::string first = FoldAccents(name.substr(0, name.find(' ')));
  bool plural = !first.empty() && (first.back() == 's' || first.back() == 'x') && first != "riz" &&
                first != "jus" && first != "mais" && first != "bois";
  if (plural) return "les " + name;
  return (product.gender == "f" ? "la " : "le ") + name;
}

std::string SpokenItem(const store::Product& product, double quantity, std::string_view locale) {
  return IsEnglish(locale) ? English(product, quantity) : French(product, quantity);
}

}  // namespace chariot::commerce
