// One parser for all nlu tests (loading trains the classifier: do it once per test binary).
#pragma once

#include <memory>
#include <string>

#include "nlu/parser.h"

namespace chariot::nlu::testing {

inline const Parser& SharedParser() {
  static const std::unique_ptr<Parser> parser = [] {
    auto loaded = Parser::Load(std::string(CHARIOT_SOURCE_DIR) + "/intents");
    if (!loaded.ok()) throw std::runtime_error(loaded.status().message());
    return std::move(loaded).value();
  }();
  return *parser;
}

}  // namespace chariot::nlu::testing
