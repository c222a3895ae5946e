// The survey flow's handlers. Registered by the engine at start.
#include "dialog/router.h"

namespace chariot::dialog {

void RegisterSurveyFlow(Router& router) {}

}  // namespace chariot::dialog
