#include "support/knowledge.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "support/text_match.h"
#include "support/types.h"

namespace chariot::support {
namespace {

using nlohmann::json;

Result<json> ReadJson(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidArgument("cannot read " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  json parsed = json::parse(buffer.str(), nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return Status::InvalidArgument(path + " is not a JSON object");
  }
  return parsed;
}

std::vector<std::string> Folded(const json& phrases) {
  std::vector<std::string> out;
  for (const auto& phrase : phrases) {
    std::string folded = FoldForMatching(phrase.get<std::string>());
    // Drop the padding: ContainsAnyPhrase adds its own.
    out.push_back(folded.size() >= 2 ? folded.substr(1, folded.size() - 2) : std::string());
  }
  return out;
}

AdviceBlock ParseBlock(const json& j) {
  AdviceBlock block;
  for (const std::string& locale : SupportLocales()) {
    if (j.contains(locale)) block.sentences[locale] = j.at(locale).get<std::vector<std::string>>();
  }
  if (j.contains("sources")) block.sources = j.at("sources").get<std::vector<std::string>>();
  return block;
}

// Every {number:KEY} names a defined number and every source a defined source.
Status CheckBlock(const Knowledge& k, const std::string& key, const AdviceBlock& block) {
  static const std::regex placeholder(R"(\{([a-z_]+)(?::([a-z_0-9]+))?\})");
  for (const auto& source : block.sources) {
    if (!k.sources.count(source))
      return Status::InvalidArgument(key + " names unknown source " + source);
  }
  for (const auto& [locale, sentences] : block.sentences) {
    for (const std::string& sentence : sentences) {
      for (std::sregex_iterator it(sentence.begin(), sentence.end(), placeholder), end; it != end;
           ++it) {
        std::string kind = (*it)[1];
        if (kind == "outage_line" || kind == "outage_prefix") continue;
        if (kind != "number" || !k.numbers.count((*it)[2])) {
          return Status::InvalidArgument(key + " (" + locale + ") names unknown " + it->str());
        }
      }
      // A digit outside a placeholder would be a number nobody checked.
      std::string outside = std::regex_replace(sentence, placeholder, "");
      if (outside.find_first_of("0123456789") != std::string::npos) {
        return Status::InvalidArgument(key + " (" + locale +
                                       ") writes a number outside {number:...}");
      }
    }
  }
  return Status::Ok();
}

Status Fill(Knowledge& k, const json& advice, const json& triage, const json& steps,
            const json& products) {
  for (const auto& [key, value] : advice.at("sources").items()) {
    k.sources[key] = Source{value.at("title").get<std::string>(), value.value("url", "")};
  }
  for (const auto& [key, value] : advice.at("numbers").items()) {
    EmergencyNumber number{value.at("display").get<std::string>(),
                           value.at("source").get<std::string>()};
    if (!k.sources.count(number.source)) {
      return Status::InvalidArgument("number " + key + " names unknown source " + number.source);
    }
    k.numbers[key] = number;
  }
  const json& enedis = advice.at("outage_lines").at("enedis");
  k.enedis_prefix = enedis.at("prefix").get<std::string>();
  if (!k.sources.count(enedis.at("source").get<std::string>())) {
    return Status::InvalidArgument("outage line names an unknown source");
  }
  for (const auto& [key, value] : advice.at("general").items()) k.general[key] = ParseBlock(value);
  for (const auto& [key, value] : advice.at("problems").items())
    k.problems[key] = ParseBlock(value);
  for (const auto& [key, block] : k.general) {
    if (Status s = CheckBlock(k, "general." + key, block); !s.ok()) return s;
  }
  for (const auto& [key, block] : k.problems) {
    if (Status s = CheckBlock(k, key, block); !s.ok()) return s;
  }
  for (const std::string& problem : ProblemCodes()) {
    auto it = k.problems.find(problem);
    if (it == k.problems.end()) return Status::InvalidArgument("no advice for " + problem);
    for (const std::string& locale : SupportLocales()) {
      if (!it->second.sentences.count(locale)) {
        return Status::InvalidArgument("no " + locale + " advice for " + problem);
      }
    }
  }

  for (const auto& [problem, tier] : triage.at("tiers").items()) {
    k.base_tiers[problem] = tier.get<std::string>();
  }
  for (const std::string& problem : ProblemCodes()) {
    if (!k.base_tiers.count(problem)) return Status::InvalidArgument("no tier for " + problem);
  }
  k.winter_from_month = triage.at("winter").at("from_month").get<int>();
  k.winter_to_month = triage.at("winter").at("to_month").get<int>();
  for (const auto& [locale, by_signal] : triage.at("signals").items()) {
    for (const auto& [signal, phrases] : by_signal.items()) {
      k.signals[locale][signal] = Folded(phrases);
    }
  }

  for (const auto& [problem, list] : steps.at("problems").items()) {
    if (!IsProblemCode(problem))
      return Status::InvalidArgument("steps for unknown problem " + problem);
    for (const auto& step : list) {
      GuidedStep guided;
      guided.id = step.at("id").get<std::string>();
      for (const std::string& locale : SupportLocales()) {
        if (!step.contains(locale)) {
          return Status::InvalidArgument("step " + problem + "." + guided.id + " has no " + locale);
        }
        guided.text[locale] = step.at(locale).get<std::string>();
      }
      k.steps[problem].push_back(std::move(guided));
    }
  }
  for (const auto& [locale, answers] : steps.at("answers").items()) {
    k.works_phrases[locale] = Folded(answers.at("works"));
    k.still_not_phrases[locale] = Folded(answers.at("still_not"));
    k.yes_phrases[locale] = Folded(answers.at("yes"));
    k.no_phrases[locale] = Folded(answers.at("no"));
    for (const auto& [kind, words] : answers.at("kinds").items()) {
      if (!IsAppointmentKind(kind))
        return Status::InvalidArgument("unknown appointment kind " + kind);
      k.kind_phrases[locale][kind] = Folded(words);
    }
  }

  for (const auto& [problem, list] : products.at("problems").items()) {
    if (!IsProblemCode(problem))
      return Status::InvalidArgument("products for unknown problem " + problem);
    for (const auto& hint : list) {
      ProductHint product;
      product.id = hint.at("id").get<std::string>();
      product.sku = hint.value("sku", "");
      for (const std::string& locale : SupportLocales()) {
        product.words[locale] = hint.at("words").at(locale).get<std::string>();
      }
      k.products[problem].push_back(std::move(product));
    }
  }
  return Status::Ok();
}

}  // namespace

const std::vector<std::string>& SupportLocales() {
  static const std::vector<std::string> locales = {kLocaleFrench, kLocaleEnglish};
  return locales;
}

Result<Knowledge> Knowledge::Load(const std::string& data_dir) {
  const std::string dir = data_dir + "/support/";
  Result<json> advice = ReadJson(dir + "advice.json");
  if (!advice.ok()) return advice.status();
  Result<json> triage = ReadJson(dir + "triage.json");
  if (!triage.ok()) return triage.status();
  Result<json> steps = ReadJson(dir + "steps.json");
  if (!steps.ok()) return steps.status();
  Result<json> products = ReadJson(dir + "products.json");
  if (!products.ok()) return products.status();
  Knowledge knowledge;
  try {
    Status filled = Fill(knowledge, *advice, *triage, *steps, *products);
    if (!filled.ok()) return Status::InvalidArgument(dir + ": " + filled.message());
  } catch (const json::exception& e) {
    return Status::InvalidArgument(dir + ": a field is missing or has the wrong type (" +
                                   std::string(e.what()) + ")");
  }
  return knowledge;
}

const AdviceBlock* Knowledge::Advice(const std::string& key) const {
  if (key.rfind("general.", 0) == 0) {
    auto it = general.find(key.substr(8));
    return it == general.end() ? nullptr : &it->second;
  }
  auto it = problems.find(key);
  return it == problems.end() ? nullptr : &it->second;
}

const std::vector<GuidedStep>& Knowledge::Steps(const std::string& problem) const {
  static const std::vector<GuidedStep> none;
  auto it = steps.find(problem);
  return it == steps.end() ? none : it->second;
}

}  // namespace chariot::support
