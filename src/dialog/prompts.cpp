#include "dialog/prompts.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace chariot::dialog {

Result<Prompts> Prompts::Load(const std::string& intents_dir) {
  namespace fs = std::filesystem;
  Prompts prompts;
  std::error_code ec;
  for (const auto& locale_dir : fs::directory_iterator(intents_dir, ec)) {
    fs::path prompt_dir = locale_dir.path() / "prompts";
    if (!locale_dir.is_directory() || !fs::is_directory(prompt_dir)) continue;
    std::string locale = locale_dir.path().filename().string();
    auto& keys = prompts.by_locale_[locale];
    for (const auto& file : fs::directory_iterator(prompt_dir)) {
      if (file.path().extension() != ".json") continue;
      std::ifstream in(file.path());
      nlohmann::json doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
      if (!doc.is_object()) {
        return Status::InvalidArgument(file.path().string() + " is not a JSON object of prompts");
      }
      for (auto& [key, value] : doc.items()) {
        std::vector<std::string> variants;
        if (value.is_string()) {
          variants.push_back(value.get<std::string>());
        } else if (value.is_array() && !value.empty()) {
          for (auto& v : value) {
            if (!v.is_string()) {
              return Status::InvalidArgument(file.path().string() + ": prompt '" + key +
                                             "' must be a string or an array of strings");
            }
            variants.push_back(v.get<std::string>());
          }
        } else {
          return Status::InvalidArgument(file.path().string() + ": prompt '" + key +
                                         "' must be a string or an array of strings");
        }
        if (!keys.emplace(key, std::move(variants)).second) {
          return Status::InvalidArgument(file.path().string() + ": prompt '" + key +
                                         "' is defined twice in " + locale);
        }
      }
    }
  }
  if (ec) return Status::InvalidArgument("cannot read the intents folder " + intents_dir);
  if (prompts.by_locale_.empty()) {
    return Status::InvalidArgument("no prompts found under " + intents_dir + "/<locale>/prompts");
  }
  return prompts;
}

std::string Prompts::Render(const std::string& locale, const std::string& key,
                            const std::map<std::string, std::string>& vars, int variant) const {
  auto locale_it = by_locale_.find(locale);
  if (locale_it == by_locale_.end()) return key;
  auto it = locale_it->second.find(key);
  if (it == locale_it->second.end()) return key;
  const std::string& pattern = it->second[static_cast<size_t>(variant) % it->second.size()];
  std::string out;
  out.reserve(pattern.size() + 32);
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      size_t close = pattern.find('}', i);
      if (close != std::string::npos) {
        auto var = vars.find(pattern.substr(i + 1, close - i - 1));
        if (var != vars.end()) {
          out += var->second;
          i = close;
          continue;
        }
      }
    }
    out += pattern[i];
  }
  return out;
}

bool Prompts::Has(const std::string& locale, const std::string& key) const {
  auto it = by_locale_.find(locale);
  return it != by_locale_.end() && it->second.count(key) > 0;
}

std::vector<std::string> Prompts::Keys(const std::string& locale) const {
  std::vector<std::string> keys;
  auto it = by_locale_.find(locale);
  if (it == by_locale_.end()) return keys;
  for (const auto& [key, _] : it->second) keys.push_back(key);
  return keys;
}

std::vector<std::string> Prompts::Locales() const {
  std::vector<std::string> locales;
  for (const auto& [locale, _] : by_locale_) locales.push_back(locale);
  return locales;
}

}  // namespace chariot::dialog
