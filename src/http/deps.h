// ServerDeps: everything the HTTP routes borrow from the app. Owned by src/app; the server only
// holds pointers. A null pointer means the capability is absent and its routes answer 503.
#pragma once

#include <functional>
#include <string>

#include "core/status.h"
#include "store/erasure.h"

namespace chariot {
class Clock;
class ProductResolver;
namespace nlu {
class Parser;
}
namespace dialog {
class Engine;
}
namespace commerce {
class ShoppingService;
}
namespace support {
class SupportService;
}
namespace feedback {
class SurveyService;
}
namespace platforms {
struct PlatformConfig;
}
}  // namespace chariot

namespace chariot::http {

struct Secrets {
  std::string api_token;    // Bearer token of the native API (/v1/...)
  std::string admin_token;  // dashboard and admin API
};

struct ServerDeps {
  const Clock* clock = nullptr;
  const nlu::Parser* parser = nullptr;
  const ProductResolver* products = nullptr;
  dialog::Engine* engine = nullptr;
  // The database, whichever backend (store::Stores): empty functions mean no database (503).
  std::function<Status()> ping;  // for /readyz
  std::function<Result<store::ErasureReport>(const std::string& user_id)> erase_customer;
  commerce::ShoppingService* shopping = nullptr;
  support::SupportService* support = nullptr;
  feedback::SurveyService* survey = nullptr;
  Secrets secrets;
  // Platform webhook settings (/alexa, /dialogflow/*, /twilio/voice). Null: every platform
  // route refuses.
  const platforms::PlatformConfig* platforms = nullptr;
};

}  // namespace chariot::http
