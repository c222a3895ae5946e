// Services: the domain services a flow handler may call. Owned by the app; handlers only borrow.
// A null pointer means the capability is not configured (handlers must say so, not crash).
#pragma once

namespace chariot {
class ProductResolver;
namespace commerce { class ShoppingService; }
namespace support { class SupportService; }
namespace feedback { class SurveyService; }
}  // namespace chariot

namespace chariot::dialog {

struct Services {
  const ProductResolver* products = nullptr;
  commerce::ShoppingService* shopping = nullptr;
  support::SupportService* support = nullptr;
  feedback::SurveyService* survey = nullptr;
};

}  // namespace chariot::dialog
