// The shopping flow's handlers. Registered by the engine at start.
#include "dialog/router.h"

namespace chariot::dialog {

void RegisterShoppingFlow(Router& router) {}

}  // namespace chariot::dialog
