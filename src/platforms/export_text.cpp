#include "platforms/export_text.h"

#include "platforms/crypto.h"

namespace chariot::platforms {

std::string StableUuid(std::string_view text) {
  std::string hex = Sha256Hex(text).substr(0, 32);
  hex[12] = '5';  // name-based version nibble
  hex[16] = "89ab"[hex[16] % 4];
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

}  // namespace chariot::platforms
