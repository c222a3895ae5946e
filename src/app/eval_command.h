// `chariot eval-nlu [--locale L] [--set FILE] [--errors]`: accuracy of the understanding on the
// evaluation sets in tests/nlu/eval/ (intent accuracy and utterances with every slot right, per
// intent and locale). Exit 0 when both targets are met (intent >= 95%, slots >= 90%), 1 if not.
#pragma once

#include <string>
#include <vector>

namespace chariot::app {

int RunEvalNluCommand(const std::vector<std::string>& args);

}  // namespace chariot::app
