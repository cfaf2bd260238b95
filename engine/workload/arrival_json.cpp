#include "engine/workload/arrival_json.h"

#include "engine/core/enum_names.h"
#include "engine/io/input_problems.h"

namespace headroom::engine {

using nlohmann::json;

namespace {

constexpr auto kArrivalKindNames = enumNames<ArrivalKind>({
    {ArrivalKind::Poisson, "poisson"},
    {ArrivalKind::Gamma, "gamma"},
    {ArrivalKind::Constant, "constant"},
});

std::optional<ArrivalKind> parseArrivalKind(std::string_view text) { return kArrivalKindNames.parse(text); }

std::string_view arrivalKindName(ArrivalKind kind) { return kArrivalKindNames.name(kind); }

std::optional<PhaseShape> parsePhaseShape(std::string_view text) {
  if (text == "step") return PhaseShape::Step;
  if (text == "ramp") return PhaseShape::Ramp;
  return std::nullopt;
}

// A number of the type a rule expects; its range is checkArrivalSpec's.
double anyNumber(const JsonInput& input, const json& value, const JsonPointer& at, const std::string& allowed) {
  if (!value.is_number()) input.failValue(at, allowed, value);
  return value.get<double>();
}

RatePhase phaseFromJson(const JsonInput& input, const json& object, const JsonPointer& at) {
  input.requireObject(object, at, "(start_s, rate_per_s, shape, end_s)");
  input.checkFields(object, at, {"start_s", "rate_per_s", "shape", "end_s"});
  RatePhase phase;
  phase.startS = anyNumber(input, input.required(object, at, "start_s", "a number >= 0, seconds"), at / "start_s",
                           "must be a number >= 0 (seconds)");
  phase.ratePerS = anyNumber(input, input.required(object, at, "rate_per_s", "a number >= 0, requests per second"),
                             at / "rate_per_s", "must be a number >= 0 (requests per second)");
  if (const json* shape = JsonInput::field(object, "shape")) {
    phase.shape = input.oneOf(*shape, at / "shape", "step, ramp", parsePhaseShape);
  }
  const json* end = JsonInput::field(object, "end_s");
  if (phase.shape == PhaseShape::Ramp) {
    if (!end) input.fail(at / "end_s", "required for shape \"ramp\" (a number > start_s, seconds)");
    phase.endS = anyNumber(input, *end, at / "end_s", "must be a number > start_s (seconds)");
  } else if (end) {
    input.fail(at / "end_s", "only allowed for shape \"ramp\"");
  }
  return phase;
}

}  // namespace

json arrivalSpecToJson(const ArrivalSpec& arrival) {
  json object = {{"process", arrivalKindName(arrival.kind)}, {"rate_per_s", arrival.ratePerS}};
  if (arrival.kind == ArrivalKind::Gamma) object["cv"] = arrival.cv;
  if (!arrival.phases.empty()) {
    json phases = json::array();
    for (const RatePhase& phase : arrival.phases) {
      json entry = {{"start_s", phase.startS},
                    {"rate_per_s", phase.ratePerS},
                    {"shape", phase.shape == PhaseShape::Ramp ? "ramp" : "step"}};
      if (phase.shape == PhaseShape::Ramp) entry["end_s"] = phase.endS;
      phases.push_back(std::move(entry));
    }
    object["phases"] = std::move(phases);
  }
  return object;
}

ArrivalSpec arrivalSpecFromJson(const JsonInput& input, const json& object, const JsonPointer& at) {
  input.requireObject(object, at, "(process, rate_per_s, cv, phases)");
  input.checkFields(object, at, {"process", "rate_per_s", "cv", "phases"});
  ArrivalSpec spec;
  spec.kind = input.oneOf(input.required(object, at, "process", "one of: poisson, gamma, constant"), at / "process",
                          "poisson, gamma, constant", parseArrivalKind);
  spec.ratePerS = anyNumber(input, input.required(object, at, "rate_per_s", "a number >= 0, requests per second"),
                            at / "rate_per_s", englishText(ArrivalIssue{ArrivalProblem::RateNegative, 0}, spec));
  const json* cv = JsonInput::field(object, "cv");
  if (spec.kind == ArrivalKind::Gamma) {
    if (!cv) input.fail(at / "cv", "required for process \"gamma\" (a number > 0; 1 is Poisson-like)");
    spec.cv = anyNumber(input, *cv, at / "cv", englishText(ArrivalIssue{ArrivalProblem::CvOutOfRange, 0}, spec));
  } else if (cv) {
    input.fail(at / "cv", "only allowed for process \"gamma\"");
  }
  if (const json* phases = JsonInput::field(object, "phases")) {
    if (!phases->is_array()) input.failValue(at / "phases", "must be an array of phase objects", *phases);
    for (std::size_t k = 0; k < phases->size(); ++k) {
      spec.phases.push_back(phaseFromJson(input, (*phases)[k], at / "phases" / k));
    }
  }
  if (const auto issue = checkArrivalSpec(spec)) {
    JsonPointer place = at;
    const json* holder = &object;
    if (isPhaseProblem(issue->problem)) {
      place = place / "phases" / issue->phase;
      holder = &object.at("phases").at(issue->phase);
    }
    const std::string key(arrivalProblemField(issue->problem));
    input.failValue(place / key, englishText(*issue, spec), holder->at(key));
  }
  return spec;
}

}  // namespace headroom::engine
