// The shopping flow's handlers, registered by the engine at start. The handlers live in
// shopping_list.cpp (welcome, list), shopping_catalog.cpp (product questions, "comme
// d'habitude") and shopping_order.cpp (orders); shopping_common.* holds what they share.
#include "dialog/flows/shopping_common.h"
#include "dialog/router.h"

namespace chariot::dialog {

void RegisterShoppingFlow(Router& router) {
  shopping::RegisterListHandlers(router);
  shopping::RegisterCatalogHandlers(router);
  shopping::RegisterOrderHandlers(router);
}

}  // namespace chariot::dialog
