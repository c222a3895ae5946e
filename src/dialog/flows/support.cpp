// The support flow's handlers. Registered by the engine at start.
#include "dialog/router.h"

namespace chariot::dialog {

void RegisterSupportFlow(Router& router) {}

}  // namespace chariot::dialog
