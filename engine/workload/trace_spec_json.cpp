#include "engine/workload/trace_spec_json.h"

#include <algorithm>

#include "engine/workload/trace_reader.h"

namespace headroom::engine {

using nlohmann::json;

json traceSpecToJson(const TraceSpec& trace) {
  json object = {{"path", trace.path.string()}, {"format", toString(trace.format)}};
  if (trace.format != TraceFormat::Headroom) object["class_mix"] = trace.classMix;
  return object;
}

ScenarioTrace traceSpecFromJson(const JsonInput& input, const json& object, const JsonPointer& at,
                                const std::vector<std::string>& classNames, TraceFileCheck traceCheck) {
  input.requireObject(object, at, "(path, format, class_mix)");
  input.checkFields(object, at, {"path", "format", "class_mix"});
  ScenarioTrace result;
  TraceSpec& trace = result.spec;
  const std::string pathText = input.nonEmptyString(input.required(object, at, "path", "a file path"), at / "path");
  trace.format = input.oneOf(input.required(object, at, "format", "one of: " + std::string(kTraceFormatNames)),
                             at / "format", kTraceFormatNames, traceFormatFromString);
  const json* mix = JsonInput::field(object, "class_mix");
  const JsonPointer mixAt = at / "class_mix";
  if (trace.format == TraceFormat::Headroom) {
    if (mix) input.fail(mixAt, "not allowed for format \"headroom\": its class column names each row's class");
  } else {
    const std::string rule = "an object: class name -> share >= 0, with a positive sum";
    if (!mix) {
      input.fail(mixAt, "required field is missing for format \"" + std::string(toString(trace.format)) + "\" (" +
                            rule + ")");
    }
    input.requireObject(*mix, mixAt, "(class name -> share >= 0)");
    double sum = 0.0;
    for (const auto& [key, share] : mix->items()) {
      if (std::find(classNames.begin(), classNames.end(), key) == classNames.end()) {
        std::string names;
        for (const std::string& name : classNames) names += (names.empty() ? "" : ", ") + name;
        input.fail(mixAt / key, "not a class of this scenario; classes: " + names);
      }
      trace.classMix[key] = input.number(share, mixAt / key, NumberRange::atLeast(0.0, "a share of the trace's requests"));
      sum += trace.classMix[key];
    }
    if (!(sum > 0.0)) input.fail(mixAt, "must have a positive sum (" + rule + ")");
  }
  std::filesystem::path path(pathText);
  if (path.is_relative()) path = input.file().parent_path() / path;
  std::error_code error;
  trace.path = std::filesystem::absolute(path, error).lexically_normal();
  if (traceCheck == TraceFileCheck::Skipped) return result;
  if (!std::filesystem::is_regular_file(trace.path, error)) {
    input.fail(at / "path", "no such file: " + trace.path.string() + " (a relative path starts at the scenario's folder)");
  }
  try {
    const Trace rows = readTrace(trace.path, trace.format, classNames);
    result.traceDurationS = rows.rows.back().arrivalS + 1e-6;
  } catch (const TraceError& e) {
    input.fail(at / "path", e.what());
  }
  return result;
}

}  // namespace headroom::engine
