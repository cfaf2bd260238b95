#include "engine/workload/executor_spec_json.h"

namespace headroom::engine {

using nlohmann::json;

namespace {

std::optional<ExecutorKind> parseExecutorKind(std::string_view text) {
  if (text == "modeled") return ExecutorKind::Modeled;
  if (text == "constant") return ExecutorKind::Constant;
  if (text == "cpu") return ExecutorKind::Cpu;
  if (text == "cuda") return ExecutorKind::Cuda;
  return std::nullopt;
}

// Reads the "executor" object of `owner` (at `ownerAt`) into `executor`; true for an executor that computes
// (cpu, cuda).
bool readExecutorObject(const JsonInput& input, const json& owner, const JsonPointer& ownerAt, ExecutorSpec& executor) {
  const json* object = JsonInput::field(owner, "executor");
  if (!object) return false;
  const JsonPointer at = ownerAt / "executor";
  input.requireObject(*object, at,
                      "({\"kind\": \"constant\", \"iteration_s\": ...}, {\"kind\": \"modeled\"} or "
                      "{\"kind\": \"cpu\", \"model\": ..., \"weights\": ...})");
  executor.kind = input.oneOf(input.required(*object, at, "kind", "one of: constant, modeled, cpu, cuda"), at / "kind",
                              "constant, modeled, cpu, cuda", parseExecutorKind);
  switch (executor.kind) {
    case ExecutorKind::Constant:
      input.checkFields(*object, at, {"kind", "iteration_s"});
      executor.iteration = input.positiveSeconds(input.required(*object, at, "iteration_s", "a number > 0, seconds"),
                                                 at / "iteration_s");
      return false;
    case ExecutorKind::Modeled: input.checkFields(*object, at, {"kind", "profile"}); break;
    case ExecutorKind::Cpu:
    case ExecutorKind::Cuda:
      input.checkFields(*object, at, {"kind", "model", "weights", "weights_seed", "profile"});
      if (const json* model = JsonInput::field(*object, "model")) executor.model = input.nonEmptyString(*model, at / "model");
      if (const json* weights = JsonInput::field(*object, "weights")) {
        executor.weights = input.nonEmptyString(*weights, at / "weights");
        const std::filesystem::path path(executor.weights);
        if (executor.weights != "random" && path.is_relative() && !input.file().empty()) {
          executor.weights = (input.file().parent_path() / path).lexically_normal().string();
        }
      }
      if (const json* seed = JsonInput::field(*object, "weights_seed")) {
        executor.weightsSeed = input.unsignedInteger(*seed, at / "weights_seed");
      }
      break;
  }
  if (const json* profile = JsonInput::field(*object, "profile")) {
    executor.profile = input.nonEmptyString(*profile, at / "profile");
  }
  return executor.kind == ExecutorKind::Cpu || executor.kind == ExecutorKind::Cuda;
}

}  // namespace

void writeExecutorSpec(const ExecutorSpec& executor, json& root) {
  if (!executor.model.empty()) root["model"] = executor.model;
  if (!executor.hardware.empty()) root["hardware"] = executor.hardware;
  if (executor.tensorParallel > 0) root["tensor_parallel"] = executor.tensorParallel;
  json object;
  switch (executor.kind) {
    case ExecutorKind::Constant:
      root["executor"] = {{"kind", "constant"}, {"iteration_s", toSeconds(executor.iteration)}};
      return;
    case ExecutorKind::Modeled: object = {{"kind", "modeled"}}; break;
    case ExecutorKind::Cpu:
    case ExecutorKind::Cuda:
      object = {{"kind", executor.kind == ExecutorKind::Cpu ? "cpu" : "cuda"},
                {"weights", executor.weights},
                {"weights_seed", executor.weightsSeed}};
      break;
  }
  if (!executor.profile.empty()) object["profile"] = executor.profile;
  root["executor"] = std::move(object);
}

ExecutorSpec executorSpecFromJson(const JsonInput& input, const json& root) {
  return executorSpecFromJson(input, root, JsonPointer());
}

ExecutorSpec executorSpecFromJson(const JsonInput& input, const json& object, const JsonPointer& at) {
  ExecutorSpec executor;
  executor.kind = ExecutorKind::Modeled;
  const bool computes = readExecutorObject(input, object, at, executor);
  // A pool group may name its measured profile beside its model ("profile"), as well as in "executor".
  if (const json* profile = JsonInput::field(object, "profile")) {
    const std::string name = input.nonEmptyString(*profile, at / "profile");
    if (executor.kind == ExecutorKind::Constant) {
      input.fail(at / "profile", "not allowed with a constant executor (its iteration time is fixed)");
    }
    if (!executor.profile.empty() && executor.profile != name) {
      input.fail(at / "executor" / "profile",
                 "names \"" + executor.profile + "\" but " + (at / "profile").to_string() + " names \"" + name +
                     "\"; give one");
    }
    executor.profile = name;
  }
  if (const json* model = JsonInput::field(object, "model")) {
    const std::string name = input.nonEmptyString(*model, at / "model");
    if (!executor.model.empty() && executor.model != name) {
      input.fail(at / "executor" / "model", "names \"" + executor.model + "\" but " +
                                                   (at / "model").to_string() + " names \"" + name + "\"; give one");
    }
    executor.model = name;
  }
  if (const json* hardware = JsonInput::field(object, "hardware")) {
    executor.hardware = input.nonEmptyString(*hardware, at / "hardware");
  }
  if (const json* degree = JsonInput::field(object, "tensor_parallel")) {
    executor.tensorParallel = static_cast<std::int32_t>(input.integer(*degree, at / "tensor_parallel", 1));
  }
  if (executor.kind == ExecutorKind::Constant && !executor.hardware.empty()) {
    input.fail(at / "hardware",
               "not allowed with a constant executor (its iteration time is fixed); remove \"hardware\" "
               "or use {\"kind\": \"modeled\"}");
  }
  if (executor.kind == ExecutorKind::Modeled) {
    if (executor.model.empty()) {
      input.fail(at / "model",
                 "required field is missing for the modeled executor (a model name, e.g. \"llama-3.1-8b\")");
    }
    if (executor.hardware.empty() && executor.profile.empty()) {
      input.fail(at / "hardware",
                 "required field is missing for the modeled executor (a hardware name, e.g. \"a100-80g\", or "
                 "a measured profile in " + (at / "executor" / "profile").to_string() + ")");
    }
  }
  if (computes && executor.model.empty()) {
    input.fail(at / "executor" / "model",
               "required field is missing for a computing executor (a model name, e.g. \"llama-tiny\")");
  }
  return executor;
}

}  // namespace headroom::engine
