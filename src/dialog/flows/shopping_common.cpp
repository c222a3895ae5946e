#include "dialog/flows/shopping_common.h"

#include <algorithm>

#include "commerce/quantity.h"
#include "commerce/spoken_item.h"
#include "commerce/text_fold.h"
#include "core/spoken.h"

namespace chariot::dialog::shopping {

nlohmann::json& Memory(Context& c) {
  nlohmann::json& data = c.session.data;
  if (!data.contains("shopping") || !data["shopping"].is_object())
    data["shopping"] = nlohmann::json::object();
  return data["shopping"];
}

commerce::ShoppingService* Service(Context& c, Response& r) {
  if (c.services.shopping == nullptr) {
    r.speech.Say(c.Say("shopping.unavailable"));
    return nullptr;
  }
  return c.services.shopping;
}

const std::string& CustomerId(const Context& c) { return c.session.user_id; }
const std::string& Locale(const Context& c) { return c.session.locale; }

std::string CountArticles(Context& c, size_t count) {
  if (count == 1) return c.Say("shopping.one_article");
  return c.Say("shopping.articles",
               {{"count", SpokenNumber(static_cast<int64_t>(count), Locale(c))}});
}

namespace {

std::string Join(const std::vector<std::string>& parts, const std::string& last) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " " + last + " " : ", ";
    out += parts[i];
  }
  return out;
}

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

}  // namespace

std::string JoinOr(Context& c, const std::vector<std::string>& parts) {
  return Join(parts, c.Say("shopping.or"));
}

std::string JoinAnd(Context& c, const std::vector<std::string>& parts) {
  return Join(parts, Locale(c).rfind("en", 0) == 0 ? "and" : "et");
}

std::string ChoiceOfNames(Context& c, const std::vector<std::string>& names) {
  if (names.empty()) return "";
  // Common leading words of every name, when each name has more than them.
  std::vector<std::vector<std::string>> split;
  for (const std::string& n : names) split.push_back(Words(n));
  size_t common = 0;
  while (true) {
    bool same = true;
    for (const auto& words : split) {
      if (words.size() <= common + 1 ||
          commerce::FoldAccents(words[common]) != commerce::FoldAccents(split[0][common])) {
        same = false;
      }
    }
    if (!same) break;
    ++common;
  }
  std::vector<std::string> parts;
  for (size_t i = 0; i < split.size(); ++i) {
    if (i == 0 || common == 0) {
      parts.push_back(names[i]);
      continue;
    }
    std::string rest;
    for (size_t k = common; k < split[i].size(); ++k)
      rest += (rest.empty() ? "" : " ") + split[i][k];
    parts.push_back(rest);
  }
  return JoinOr(c, parts);
}

int OrdinalSaid(const std::string& text, size_t count) {
  std::string folded = " " + commerce::FoldAccents(text) + " ";
  static const std::pair<const char*, int> kWords[] = {
      {" premier ", 1},   {" premiere ", 1},  {" first ", 1}, {" 1 ", 1},     {" deuxieme ", 2},
      {" second ", 2},    {" seconde ", 2},   {" 2 ", 2},     {" deux ", 2},  {" two ", 2},
      {" troisieme ", 3}, {" third ", 3},     {" 3 ", 3},     {" trois ", 3}, {" three ", 3},
      {" dernier ", -1},  {" derniere ", -1}, {" last ", -1}};
  for (const auto& [word, position] : kWords) {
    if (folded.find(word) != std::string::npos) {
      int p = position < 0 ? static_cast<int>(count) : position;
      return p >= 1 && p <= static_cast<int>(count) ? p : 0;
    }
  }
  return 0;
}

int YesOrNo(const Context& c) {
  if (c.intent == "Yes") return 1;
  if (c.intent == "No") return -1;
  std::vector<std::string> words = Words(commerce::FoldAccents(c.turn.text));
  if (words.empty()) return 0;
  const std::string& first = words.front();
  for (const char* yes : {"oui", "ouais", "yes", "yeah", "yep", "ok", "d", "volontiers", "bien"}) {
    if (first == yes) return first == "d" && (words.size() < 2 || words[1] != "accord") ? 0 : 1;
  }
  for (const char* no : {"non", "no", "nope", "pas", "surtout"}) {
    if (first == no) return -1;
  }
  return 0;
}

bool AsksForMore(const Context& c) {
  if (c.intent == "Next") return true;
  std::string text = " " + commerce::FoldAccents(c.turn.text) + " ";
  for (const char* more : {" suite ", " suivant", " autres ", " d autres ", " continue", " next ",
                           " more ", " other"}) {
    if (text.find(more) != std::string::npos) return true;
  }
  return false;
}

std::string NumberInText(const std::string& text) {
  static const char* const kFrench[] = {"zero", "un",   "deux", "trois", "quatre", "cinq", "six",
                                        "sept", "huit", "neuf", "dix",   "onze",   "douze"};
  static const char* const kEnglish[] = {"zero", "one",    "two",   "three", "four",
                                         "five", "six",    "seven", "eight", "nine",
                                         "ten",  "eleven", "twelve"};
  for (const std::string& word : Words(commerce::FoldAccents(text))) {
    if (!word.empty() && word.size() <= 3 &&
        word.find_first_not_of("0123456789") == std::string::npos) {
      return word;
    }
    for (int n = 1; n <= 12; ++n) {
      if (word == kFrench[n] || word == kEnglish[n]) return std::to_string(n);
    }
  }
  return "";
}

int OptionNamed(const std::string& text, const std::vector<std::string>& names) {
  std::vector<std::string> said = commerce::SearchWords(text);
  if (said.empty()) return -1;
  // Words common to every option do not tell them apart ("lait").
  int best = -1;
  int best_score = 0;
  bool tie = false;
  for (size_t i = 0; i < names.size(); ++i) {
    std::vector<std::string> words = commerce::SearchWords(names[i]);
    int score = 0;
    for (const std::string& s : said) {
      bool distinctive = false;
      bool here = std::find(words.begin(), words.end(), s) != words.end();
      for (size_t j = 0; j < names.size() && here; ++j) {
        auto other = commerce::SearchWords(names[j]);
        if (j != i && std::find(other.begin(), other.end(), s) == other.end()) distinctive = true;
      }
      if (here && distinctive) ++score;
    }
    if (score > best_score) {
      best = static_cast<int>(i);
      best_score = score;
      tie = false;
    } else if (score == best_score && score > 0) {
      tie = true;
    }
  }
  return tie ? -1 : best;
}

void AddAndConfirm(Context& c, Response& r, const store::Product& product,
                   const std::string& quantity, const std::string& unit,
                   const std::vector<std::string>& alternatives) {
  commerce::ShoppingService* shopping = Service(c, r);
  if (!shopping) return;
  auto amount = commerce::ListQuantity(product, quantity, unit);
  if (!amount) {
    r.speech.Say(c.Say("shopping.bad_quantity"));
    c.session.state.clear();
    return;
  }
  auto total = shopping->lists().Add(CustomerId(c), product.sku, *amount);
  if (!total.ok()) {
    r.speech.Say(c.Say(total.status().code() == StatusCode::kInvalidArgument
                           ? "shopping.bad_quantity"
                           : "shopping.unavailable"));
    c.session.state.clear();
    return;
  }
  std::string item = commerce::SpokenItem(product, *amount, Locale(c));
  if (*total > *amount + 1e-9) {
    r.speech.Say(
        c.Say("shopping.added_more",
              {{"item", item}, {"total", commerce::SpokenItem(product, *total, Locale(c))}}));
  } else {
    r.speech.Say(c.Say("shopping.added", {{"item", item}}));
  }
  r.speech.Say(c.Say("shopping.anything_else"));
  nlohmann::json& memory = Memory(c);
  memory["last_add"] = {{"sku", product.sku}, {"added", *amount}, {"alternatives", alternatives}};
  memory.erase("which");
  memory.erase("suggest");
  c.session.state = kAdded;
}

void RunPurpose(Context& c, Response& r, const store::Product& product, const std::string& purpose,
                const std::string& quantity, const std::string& unit,
                const std::vector<std::string>& alternatives) {
  c.session.state.clear();
  if (purpose == "info") return SayProductInfo(c, r, product);
  if (purpose == "location") return SayProductLocation(c, r, product);
  if (purpose == "remove") return RemoveProduct(c, r, product);
  AddAndConfirm(c, r, product, quantity, unit, alternatives);
}

void ResolveThen(Context& c, Response& r, const std::string& words, const std::string& purpose,
                 const std::string& quantity, const std::string& unit) {
  commerce::ShoppingService* shopping = Service(c, r);
  if (!shopping) return;
  if (words.empty()) {
    r.speech.Say(c.Say("shopping.no_product"));
    return;
  }
  auto candidates = shopping->catalog().Find(words, Locale(c), CustomerId(c), 3);
  nlohmann::json& memory = Memory(c);
  if (candidates.empty()) {
    c.session.state.clear();
    r.speech.Say(c.Say("shopping.not_found", {{"words", words}}));
    return;
  }
  if (!candidates.front().exact) {
    const store::Product& closest = candidates.front().product;
    memory["suggest"] = {
        {"sku", closest.sku}, {"quantity", quantity}, {"unit", unit}, {"purpose", purpose}};
    c.session.state = kSuggest;
    r.speech.Say(c.Say("shopping.not_found_suggest",
                       {{"words", words}, {"name", commerce::SpokenName(closest, Locale(c))}}));
    r.reprompt.Say(c.Say("shopping.suggest_reprompt"));
    return;
  }
  // One fits when it is alone, when the whole name was said and no other was, or when it is the
  // only one the customer bought before.
  // Products whose name starts with what was said win over those that only contain it
  // ("œufs" -> eggs, not egg tagliatelle).
  bool any_starts = false;
  for (const auto& candidate : candidates)
    any_starts |= candidate.exact && candidate.starts_with_said;
  std::vector<const commerce::Candidate*> exact;
  for (const auto& candidate : candidates) {
    if (candidate.exact && (candidate.starts_with_said || !any_starts)) exact.push_back(&candidate);
  }
  const commerce::Candidate* chosen = nullptr;
  if (exact.size() == 1) chosen = exact[0];
  int whole = 0, bought = 0;
  for (const auto* candidate : exact) {
    whole += candidate->coverage > 0.999;
    bought += candidate->bought_before;
  }
  if (!chosen && whole == 1 && exact[0]->coverage > 0.999) chosen = exact[0];
  if (!chosen && bought == 1 && exact[0]->bought_before) chosen = exact[0];
  std::vector<std::string> others;
  for (const auto* candidate : exact) {
    if (candidate != chosen) others.push_back(candidate->product.sku);
  }
  if (chosen) return RunPurpose(c, r, chosen->product, purpose, quantity, unit, others);

  std::vector<std::string> names;
  nlohmann::json options = nlohmann::json::array();
  for (const auto* candidate : exact) {
    names.push_back(Locale(c).rfind("en", 0) == 0 && !candidate->product.name_en.empty()
                        ? candidate->product.name_en
                        : candidate->product.name);
    options.push_back(candidate->product.sku);
  }
  memory["which"] = {{"options", options},
                     {"names", names},
                     {"quantity", quantity},
                     {"unit", unit},
                     {"purpose", purpose}};
  c.session.state = kWhich;
  r.speech.Say(c.Say("shopping.which", {{"options", ChoiceOfNames(c, names)}}));
  r.reprompt.Say(c.Say("shopping.which_reprompt"));
}

}  // namespace chariot::dialog::shopping
