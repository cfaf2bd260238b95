#include "engine/workload/class_spec_json.h"

#include <algorithm>
#include <limits>

#include "engine/core/qos_class_json.h"
#include "engine/io/input_problems.h"
#include "engine/workload/arrival_json.h"
#include "engine/workload/length_json.h"

namespace headroom::engine {

using nlohmann::json;

namespace {

ClassSpec classSpecFromJson(const JsonInput& input, const json& object, const JsonPointer& at, std::size_t index,
                            bool hasTrace) {
  input.requireObject(object, at, "(a class: name, rank, importance, slo, arrival, prompt_tokens, output_tokens)");
  static constexpr std::array<std::string_view, 3> kWorkloadFields = {"arrival", "prompt_tokens", "output_tokens"};
  input.checkFields(object, at, kQosClassFields, kWorkloadFields);
  ClassSpec spec;
  spec.qos = qosClassFromJson(input, object, at, index);
  for (const char* key : {"arrival", "prompt_tokens", "output_tokens"}) {
    const bool present = object.contains(key);
    if (hasTrace && present) {
      input.fail(at / key, "not allowed with a trace: the trace gives arrivals and token counts");
    }
    if (!hasTrace && !present) {
      input.fail(at / key, std::string("required field is missing without a trace (") +
                               (std::string_view(key) == "arrival" ? "an object with process and rate_per_s"
                                                                   : "a positive integer or a {\"dist\": ...} object") +
                               ")");
    }
  }
  if (!hasTrace) {
    spec.arrival = arrivalSpecFromJson(input, object.at("arrival"), at / "arrival");
    spec.promptTokens = lengthSpecFromJson(input, object.at("prompt_tokens"), at / "prompt_tokens");
    spec.outputTokens = lengthSpecFromJson(input, object.at("output_tokens"), at / "output_tokens");
  }
  return spec;
}

}  // namespace

json classSpecToJson(const ClassSpec& spec, bool hasTrace) {
  json object = qosClassToJson(spec.qos);
  if (!hasTrace) {
    object["arrival"] = arrivalSpecToJson(spec.arrival);
    object["prompt_tokens"] = lengthSpecToJson(spec.promptTokens);
    object["output_tokens"] = lengthSpecToJson(spec.outputTokens);
  }
  return object;
}

std::vector<ClassSpec> classSpecsFromJson(const JsonInput& input, const json& classes, const JsonPointer& at,
                                          bool hasTrace) {
  if (!classes.is_array() || classes.empty()) input.failValue(at, "must be a non-empty array of class objects", classes);
  std::vector<ClassSpec> specs;
  std::vector<std::string> earlierNames;
  for (std::size_t i = 0; i < classes.size(); ++i) {
    if (i > std::numeric_limits<ClassId>::max()) input.fail(at / i, "too many classes (at most 65536)");
    specs.push_back(classSpecFromJson(input, classes[i], at / i, i, hasTrace));
    const std::string& name = specs.back().qos.name;
    if (const auto problem = checkClassName(name, earlierNames)) {
      std::string allowed = englishText(*problem);
      if (*problem == ClassProblem::NameTaken) {
        const auto taken = std::find_if(earlierNames.begin(), earlierNames.end(), [&](const std::string& earlier) {
          return checkClassName(name, {&earlier, 1}).has_value();
        });
        const auto j = static_cast<std::size_t>(taken - earlierNames.begin());
        allowed += "; " + (at / j).to_string() + " is named \"" + earlierNames[j] + "\"";
      }
      input.failValue(at / i / "name", allowed, classes[i].at("name"));
    }
    earlierNames.push_back(name);
  }
  return specs;
}

}  // namespace headroom::engine
