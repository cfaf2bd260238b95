#include "engine/core/qos_class.h"

namespace headroom::engine {

std::string_view toString(Importance importance) {
  switch (importance) {
    case Importance::High: return "high";
    case Importance::Normal: return "normal";
    case Importance::Low: return "low";
  }
  return "normal";
}

std::optional<Importance> importanceFromString(std::string_view text) {
  if (text == "high") return Importance::High;
  if (text == "normal") return Importance::Normal;
  if (text == "low") return Importance::Low;
  return std::nullopt;
}

}  // namespace headroom::engine
