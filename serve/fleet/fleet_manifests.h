#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "serve/fleet/fleet_plan.h"
#include "serve/fleet/mode_hardware.h"
#include "serve/router/replan_json.h"

namespace headroom::serve {

// kustomize: core kinds only. gateway-api: also an InferencePool per mode, an HTTPRoute with per-class
// weighted backends and an InferenceObjective per class and mode (priority).
enum class FleetTarget : std::uint8_t { Kustomize, GatewayApi };
inline constexpr std::string_view kFleetTargetNames = "kustomize, gateway-api";
std::optional<FleetTarget> fleetTargetFromString(std::string_view text);
std::string_view toString(FleetTarget target);

// Where KEDA reads the router's gauges when deploy is given no --prometheus: the Prometheus Operator's
// service in the monitoring namespace.
inline constexpr std::string_view kDefaultPrometheusUrl = "http://prometheus-operated.monitoring.svc:9090";

// A mode of a planning file as re-planning needs it: its name and the most instances a plan may give it.
struct PlanningModeLimit {
  std::string name;
  std::int32_t maxInstances = 0;
};

// Re-planning at run time: the router runs `route --replan` on the planning file the plan was made from
// and KEDA scales each mode's Deployment to the plan the re-planner holds after its hysteresis
// (headroom_router_desired_instances{mode}).
//  planningText: the planning file as read, for the router's configuration (planningFile names it in
//    errors); classNames and modes: what it holds (the caller reads it: serve does not plan).
//  intervalS: seconds between the router's solves (the router takes [1, 86400]).
//  prometheusUrl: where KEDA reads the gauge.
struct FleetReplan {
  ReplanMode mode = ReplanMode::Advisory;
  std::filesystem::path planningFile;
  std::string planningText;
  std::vector<std::string> classNames;
  std::vector<PlanningModeLimit> modes;
  double intervalS = 60.0;
  std::string prometheusUrl = std::string(kDefaultPrometheusUrl);
};

// How a plan becomes manifests.
//  modes: the hardware of each planned mode (every mode with instances needs one).
//  gpuBudget: GPUs the fleet may request; a plan needing more is refused; set, it also becomes a
//    ResourceQuota on nvidia.com/gpu.
//  serveConfig: the serving configuration every mode's server starts from (tenants and keys, limits,
//    scheduler, executor; its classes must include the plan's); deploy sets model_name, model, hardware
//    and tensor_parallel per mode. Absent: one is made from the plan's classes with a placeholder key.
//  replan: set, the router re-plans (one replica, the planning file beside its configuration) and each
//    mode gets a KEDA ScaledObject that owns its replica count.
struct FleetOptions {
  FleetTarget target = FleetTarget::Kustomize;
  std::string image;
  std::vector<ModeHardware> modes;
  std::optional<std::int32_t> gpuBudget;
  std::optional<nlohmann::json> serveConfig;
  std::filesystem::path serveConfigFile;  // names serveConfig in errors
  std::string gateway = "inference-gateway";  // gateway-api: the Gateway the HTTPRoute attaches to
  std::string planName;                      // shown in each file's header comment
  std::optional<FleetReplan> replan;
};

// One file of the output: its name in the directory, its header comments and its object.
struct Manifest {
  std::string file;
  std::vector<std::string> comments;
  nlohmann::ordered_json object;
};

inline constexpr std::uint16_t kServePort = 8000;
inline constexpr std::uint16_t kRouterPort = 8080;
// The header the HTTPRoute sets for llm-d's endpoint picker to find a request's InferenceObjective.
inline constexpr std::string_view kObjectiveHeader = "x-llm-d-inference-objective";

// The image deploy names when none is given: "headroom:VERSION" of this build.
std::string defaultFleetImage();

// The GPUs a plan needs under `modes` (instances x tensor-parallel degree, summed over planned modes).
std::int32_t fleetGpus(const FleetPlan& plan, const std::vector<ModeHardware>& modes);

// Every manifest of the fleet, kustomization.yaml last, in a fixed order. Throws std::invalid_argument
// for a planned mode with no hardware mapping (naming the mode), a mapping of a mode the plan lacks, a
// plan over the GPU budget (both figures), a class whose bound a serve config cannot state (queue time)
// without serveConfig, names that do not make Kubernetes names, and with replan a planning file that
// lacks a class of the router or a mode of the plan, or allows a mode fewer instances than the plan
// gives it, auto for a plan on several modes, a re-planning interval outside [1, 86400] s or a Prometheus
// address that is no http(s) URL;
// engine::InputError for a serveConfig that is not valid or lacks a plan class.
std::vector<Manifest> buildFleet(const FleetPlan& plan, const FleetOptions& options);

// Each file's header comment starts with this; deploy knows a directory it wrote by its kustomization.yaml's.
inline constexpr std::string_view kDeployMark = "Generated by headroom-cli deploy";

// The manifests as files: each a YAML document from yamlDocument.
std::string manifestText(const Manifest& manifest);

}  // namespace headroom::serve
