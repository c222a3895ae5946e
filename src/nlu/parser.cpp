#include "nlu/parser.h"

#include <map>
#include <thread>

#include "nlu/intents.h"
#include "nlu/locale_parser.h"

namespace chariot::nlu {
namespace {

class TemplateParser final : public Parser {
 public:
  explicit TemplateParser(std::map<std::string, std::unique_ptr<LocaleParser>> locales)
      : locales_(std::move(locales)) {}

  // Parser
  Understanding Parse(std::string_view text, std::string_view locale,
                      int64_t now_seconds) const override {
    const LocaleParser* parser = Find(locale);
    if (parser == nullptr) return Understanding{};
    return parser->Parse(text, now_seconds);
  }

  std::vector<std::string> Locales() const override {
    std::vector<std::string> out;
    for (const auto& [name, parser] : locales_) out.push_back(name);
    return out;
  }

 private:
  // The exact locale, else one of the same language ("fr-CA" -> fr-FR), else none.
  const LocaleParser* Find(std::string_view locale) const {
    for (const auto& [name, parser] : locales_)
      if (name == locale) return parser.get();
    if (locale.size() >= 2)
      for (const auto& [name, parser] : locales_)
        if (name.size() >= 2 && std::tolower(static_cast<unsigned char>(locale[0])) == name[0] &&
            std::tolower(static_cast<unsigned char>(locale[1])) == name[1])
          return parser.get();
    return nullptr;
  }

  std::map<std::string, std::unique_ptr<LocaleParser>> locales_;
};

}  // namespace

Result<std::unique_ptr<Parser>> Parser::Load(const std::string& intents_dir) {
  Result<IntentModel> model = LoadIntentModel(intents_dir);
  if (!model.ok()) return model.status();
  // Locales are independent: build them side by side (training is most of the start-up).
  std::vector<std::string> names = model->locales;
  std::vector<Result<std::unique_ptr<LocaleParser>>> built;
  built.reserve(names.size());
  for (size_t i = 0; i < names.size(); ++i) built.emplace_back(Status::Internal("not built"));
  std::vector<std::thread> threads;
  for (size_t i = 0; i < names.size(); ++i)
    threads.emplace_back([&, i] { built[i] = LocaleParser::Build(*model, names[i]); });
  for (std::thread& thread : threads) thread.join();
  std::map<std::string, std::unique_ptr<LocaleParser>> locales;
  for (size_t i = 0; i < names.size(); ++i) {
    if (!built[i].ok()) return built[i].status();
    locales[names[i]] = std::move(built[i]).value();
  }
  return std::unique_ptr<Parser>(new TemplateParser(std::move(locales)));
}

}  // namespace chariot::nlu
