#include "engine/core/qos_class_json.h"

#include "engine/io/input_problems.h"

namespace headroom::engine {

using nlohmann::json;

json sloToJson(const Slo& slo) {
  json object = json::object();
  if (slo.ttft) object["ttft_s"] = toSeconds(*slo.ttft);
  if (slo.tbt) object["tbt_s"] = toSeconds(*slo.tbt);
  if (slo.ttlt) object["ttlt_s"] = toSeconds(*slo.ttlt);
  object["percentile"] = slo.percentile;
  return object;
}

Slo sloFromJson(const JsonInput& input, const json& object, const JsonPointer& at, SloRules rules) {
  input.requireObject(object, at, "(ttft_s, tbt_s, ttlt_s in seconds, percentile)");
  input.checkFields(object, at, {"ttft_s", "tbt_s", "ttlt_s", "percentile"});
  Slo slo;
  const auto bound = [&](const char* key) -> std::optional<Duration> {
    const json* v = JsonInput::field(object, key);
    if (!v || v->is_null()) return std::nullopt;
    return input.positiveSeconds(*v, at / key);
  };
  slo.ttft = bound("ttft_s");
  slo.tbt = bound("tbt_s");
  slo.ttlt = bound("ttlt_s");
  if (const json* v = JsonInput::field(object, "percentile")) {
    if (!v->is_number()) input.failValue(at / "percentile", englishText(SloProblem::PercentileOutOfRange), *v);
    slo.percentile = v->get<double>();
  }
  if (rules == SloRules::AsRecorded) return slo;
  if (const auto problem = checkSlo(slo)) {
    const std::string_view key = sloProblemField(*problem);
    if (key.empty()) input.fail(at, englishText(*problem));
    input.failValue(at / std::string(key), englishText(*problem), object.at(std::string(key)));
  }
  return slo;
}

json qosClassToJson(const QosClass& qos) {
  return {{"name", qos.name}, {"rank", qos.rank}, {"importance", toString(qos.importance)}, {"slo", sloToJson(qos.slo)}};
}

QosClass qosClassFromJson(const JsonInput& input, const json& object, const JsonPointer& at, std::size_t defaultRank) {
  QosClass qos;
  const json& name = input.required(object, at, "name", "a non-empty string");
  qos.name = input.nonEmptyString(name, at / "name");
  if (const auto problem = checkClassName(qos.name, {})) input.failValue(at / "name", englishText(*problem), name);
  qos.rank = static_cast<int>(defaultRank);
  if (const json* rank = JsonInput::field(object, "rank")) {
    const std::int64_t value = input.integer(*rank, at / "rank", 0);
    if (const auto problem = checkClassRank(value)) input.failValue(at / "rank", englishText(*problem), *rank);
    qos.rank = static_cast<int>(value);
  }
  if (const json* importance = JsonInput::field(object, "importance")) {
    qos.importance = input.oneOf(*importance, at / "importance", "high, normal, low", importanceFromString);
  }
  qos.slo = sloFromJson(input, input.required(object, at, "slo", "an object with ttft_s, tbt_s and/or ttlt_s"), at / "slo");
  return qos;
}

}  // namespace headroom::engine
