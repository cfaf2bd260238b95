#include "serve/fleet/yaml_document.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include <yaml-cpp/yaml.h>

namespace headroom::serve {

namespace {

using ordered_json = nlohmann::ordered_json;

// Whether `text` can stand as a plain YAML scalar and still read back as this string under YAML 1.1
// and 1.2 (no number, boolean or null look-alike, nothing a YAML indicator would take).
bool plainIsSafe(std::string_view text) {
  if (text.empty()) return false;
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static constexpr std::array<std::string_view, 13> kWords = {"y", "n", "yes", "no", "on", "off", "true", "false",
                                                              "null", "~", ".inf", ".nan", "-.inf"};
  if (std::find(kWords.begin(), kWords.end(), lower) != kWords.end()) return false;
  const unsigned char first = static_cast<unsigned char>(text.front());
  if (!std::isalpha(first) && first != '/' && first != '_') return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    const unsigned char u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '/' || c == '@' || c == '+';
  });
}

// Whether yaml-cpp's literal block (`|`, clip chomping, indentation taken from the first line) reads back
// as `text`: one final line break (clip keeps exactly one), a first line that starts with neither a space
// nor a break (it sets the indentation), and no control character but line breaks and tabs.
bool literalIsSafe(std::string_view text) {
  if (text.size() < 2 || text.back() != '\n' || text[text.size() - 2] == '\n') return false;
  if (text.front() == ' ' || text.front() == '\t' || text.front() == '\n') return false;
  return std::none_of(text.begin(), text.end(), [](char c) {
    const unsigned char u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\n' && c != '\t') || u == 0x7f;
  });
}

void emit(YAML::Emitter& out, const ordered_json& value) {
  switch (value.type()) {
    case ordered_json::value_t::object:
      if (value.empty()) out << YAML::Flow;
      out << YAML::BeginMap;
      for (const auto& [key, item] : value.items()) {
        out << YAML::Key;
        if (plainIsSafe(key)) {
          out << key;
        } else {
          out << YAML::DoubleQuoted << key;
        }
        out << YAML::Value;
        emit(out, item);
      }
      out << YAML::EndMap;
      break;
    case ordered_json::value_t::array:
      if (value.empty()) out << YAML::Flow;
      out << YAML::BeginSeq;
      for (const ordered_json& item : value) emit(out, item);
      out << YAML::EndSeq;
      break;
    case ordered_json::value_t::string: {
      const std::string& text = value.get_ref<const std::string&>();
      if (text.find('\n') != std::string::npos && literalIsSafe(text)) {
        out << YAML::Literal << text;
      } else if (plainIsSafe(text)) {
        out << text;
      } else {
        out << YAML::DoubleQuoted << text;
      }
      break;
    }
    case ordered_json::value_t::null:
      out << YAML::Null;
      break;
    default:  // numbers and booleans: JSON's shortest round-trip text is valid YAML
      out << value.dump();
      break;
  }
}

}  // namespace

std::string yamlDocument(const ordered_json& value, const std::vector<std::string>& comments) {
  YAML::Emitter out;
  out.SetIndent(2);
  out.SetSeqFormat(YAML::Block);
  out.SetMapFormat(YAML::Block);
  std::string text;
  for (const std::string& line : comments) text += line.empty() ? "#\n" : "# " + line + "\n";
  emit(out, value);
  if (!out.good()) throw std::logic_error("YAML emitter: " + out.GetLastError());
  text += out.c_str();
  text += '\n';
  return text;
}

}  // namespace headroom::serve
