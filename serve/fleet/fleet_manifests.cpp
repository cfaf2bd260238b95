#include "serve/fleet/fleet_manifests.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <spdlog/fmt/fmt.h>

#include "engine/core/qos_class_json.h"
#include "engine/io/json_input.h"
#include "serve/fleet/kubernetes_objects.h"
#include "serve/fleet/yaml_document.h"
#include "serve/router/route_config.h"
#include "serve/server/serve_config.h"

#ifndef HEADROOM_VERSION
#define HEADROOM_VERSION "0"
#endif

namespace headroom::serve {

namespace {

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;
using engine::JsonInput;
using engine::JsonPointer;

constexpr std::string_view kPlaceholderKey = "sk-replace-before-use";
constexpr double kMinReplanIntervalS = 1.0;  // what `route --interval` takes
constexpr double kMaxReplanIntervalS = 86400.0;
constexpr std::string_view kPlanningFileName = "planning.json";
constexpr std::string_view kScaledInstancesGauge = "headroom_router_desired_instances";
constexpr std::size_t kMaxNamePart = 40;  // leaves room for "headroom-serve-" and a class in 63 characters

// A Kubernetes name part (RFC 1123 label) from a plan's name: lower case, other characters as '-'.
std::string dnsLabel(std::string_view name, std::string_view what) {
  std::string label;
  for (char c : name) {
    const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    label += (std::isalnum(static_cast<unsigned char>(lower)) != 0) ? lower : '-';
  }
  while (!label.empty() && label.front() == '-') label.erase(label.begin());
  while (!label.empty() && label.back() == '-') label.pop_back();
  if (label.empty() || label.size() > kMaxNamePart) {
    throw std::invalid_argument(std::string(what) + " \"" + std::string(name) + "\" does not make a Kubernetes name (letters and digits, at most " +
                                std::to_string(kMaxNamePart) + ")");
  }
  return label;
}

struct DeployedMode {
  const FleetMode* mode = nullptr;
  const ModeHardware* hardware = nullptr;
  std::string label;  // DNS label of the mode name
  std::string name;   // headroom-serve-<label>: Deployment, Service, PDB, InferencePool
};

ordered_json serveLabels(const std::string& modeLabel) {
  return ordered_json{{"app.kubernetes.io/name", "headroom"}, {"app.kubernetes.io/component", "serve"}, {"headroom/mode", modeLabel}};
}

// The class of a generated serve config, from the plan's bound on its metric.
engine::QosClass servedClass(const FleetClass& cls) {
  engine::QosClass qos;
  qos.name = cls.name;
  qos.rank = cls.rank;
  qos.slo.percentile = cls.percentile;
  switch (cls.metric) {
    case engine::LatencyMetric::Ttft: qos.slo.ttft = engine::durationFromSeconds(cls.boundS); break;
    case engine::LatencyMetric::Ttlt: qos.slo.ttlt = engine::durationFromSeconds(cls.boundS); break;
    default:
      throw std::invalid_argument("class \"" + cls.name + "\" of the plan bounds its " + std::string(engine::toString(cls.metric)) +
                                  " time, which a serve config cannot state (ttft, tbt, ttlt): give --serve-config");
  }
  return qos;
}

// The serve config every mode starts from: the given one, or one made from the plan's classes.
json baseServeConfig(const FleetPlan& plan, const FleetOptions& options) {
  if (options.serveConfig) return *options.serveConfig;
  json classes = json::array();
  json names = json::array();
  const FleetClass* leastUrgent = &plan.classes.front();
  for (const FleetClass& cls : plan.classes) {
    classes.push_back(engine::qosClassToJson(servedClass(cls)));
    names.push_back(cls.name);
    if (cls.rank > leastUrgent->rank) leastUrgent = &cls;
  }
  return json{{"classes", classes},
              {"tenants", json::array({json{{"name", "clients"}, {"classes", names}, {"default_class", leastUrgent->name},
                                            {"keys", json::array({kPlaceholderKey})}}})}};
}

std::vector<std::string> header(const FleetOptions& options) {
  return {std::string(kDeployMark) + " from " + (options.planName.empty() ? std::string("a plan") : options.planName) +
          ": change the plan and deploy again rather than editing this file."};
}

// Everything the manifests are made from, checked: the planned modes with their hardware, the serve
// config they start from, and what the files share.
struct FleetContext {
  const FleetPlan& plan;
  const FleetOptions& options;
  std::vector<DeployedMode> modes;
  json baseConfig;
  std::filesystem::path configFile;  // names the serve config in errors
  std::int64_t terminationGraceS = 40;
  std::vector<std::string> configComments;

  json modeConfig(const DeployedMode& mode) const {
    json config = baseConfig;
    config["model_name"] = baseConfig.contains("model_name") ? baseConfig["model_name"] : json(mode.hardware->model);
    config["model"] = mode.hardware->model;
    config["hardware"] = mode.hardware->hardware;
    config["tensor_parallel"] = mode.hardware->tensorParallel;
    return config;
  }
};

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

// Re-planning: the router re-solves the planning file for its own classes, and KEDA scales the plan's
// modes, so the planning file must hold every class of the router and every mode of the plan, with room
// for the plan's instances.
void checkReplan(const FleetContext& context, const ServeConfig& routerClasses) {
  const FleetReplan& replan = *context.options.replan;
  const std::string file = replan.planningFile.string();
  for (const ServedClass& served : routerClasses.classes) {
    if (std::find(replan.classNames.begin(), replan.classNames.end(), served.qos.name) == replan.classNames.end()) {
      throw std::invalid_argument("--replan-input " + file + " has no class \"" + served.qos.name + "\" of the router (its classes: " +
                                  joined(replan.classNames) + "); give the planning file the plan was made from");
    }
  }
  std::vector<std::string> modeNames;
  for (const PlanningModeLimit& mode : replan.modes) modeNames.push_back(mode.name);
  for (const FleetMode& mode : context.plan.modes) {
    const auto limit = std::find_if(replan.modes.begin(), replan.modes.end(), [&](const PlanningModeLimit& each) { return each.name == mode.name; });
    if (limit == replan.modes.end()) {
      throw std::invalid_argument("--replan-input " + file + " has no mode \"" + mode.name + "\" of the plan (its modes: " + joined(modeNames) +
                                  "); give the planning file the plan was made from");
    }
    if (mode.instances > limit->maxInstances) {
      throw std::invalid_argument("--replan-input " + file + " allows mode \"" + mode.name + "\" at most " + std::to_string(limit->maxInstances) +
                                  " instance(s) (max_instances) but the plan has " + std::to_string(mode.instances) +
                                  "; give the planning file the plan was made from");
    }
  }
  // auto hands the router the new plan's shares instance by instance (instance i of the plan to member
  // i), and this router has one member per mode Service: with one member any shares route the same, with
  // several they would land on the wrong modes.
  if (replan.mode == ReplanMode::Auto && context.modes.size() > 1) {
    throw std::invalid_argument("--replan auto applies the re-planner's per-class shares to the router's members instance by instance, "
                                "but the router has one member per mode (" + std::to_string(context.modes.size()) +
                                " modes here): use --replan advisory, where KEDA still scales each mode");
  }
  if (!(replan.intervalS >= kMinReplanIntervalS && replan.intervalS <= kMaxReplanIntervalS)) {
    throw std::invalid_argument(fmt::format("--replan-interval must be in [1, 86400] seconds (got {:g})", replan.intervalS));
  }
  const std::string_view url = replan.prometheusUrl;
  if (!(url.starts_with("http://") || url.starts_with("https://")) || url.find_first_of(" \t\n\"") != std::string_view::npos) {
    throw std::invalid_argument("--prometheus \"" + replan.prometheusUrl + "\" must be an http:// or https:// URL (e.g. " +
                                std::string(kDefaultPrometheusUrl) + ")");
  }
}

// The planned modes and their mappings (every planned mode mapped, no mapping of a mode the plan
// lacks, within the GPU budget), and the serve config checked against the plan's classes.
FleetContext resolveFleet(const FleetPlan& plan, const FleetOptions& options) {
  FleetContext context{plan, options, {}, {}, {}, 40, {}};
  std::string planModes;
  for (const FleetMode& mode : plan.modes) planModes += (planModes.empty() ? "" : ", ") + mode.name;
  for (const ModeHardware& mapped : options.modes) {
    if (std::none_of(plan.modes.begin(), plan.modes.end(), [&](const FleetMode& mode) { return mode.name == mapped.mode; })) {
      throw std::invalid_argument("--mode-map names mode \"" + mapped.mode + "\", which the plan does not have (its modes: " +
                                  planModes + ")");
    }
  }
  std::string usage;
  for (const FleetMode& mode : plan.modes) {
    if (mode.instances <= 0) continue;
    const ModeHardware* hardware = findModeHardware(options.modes, mode.name);
    if (hardware == nullptr) {
      throw std::invalid_argument("mode \"" + mode.name + "\" of the plan has no hardware mapping: give --mode-map " + mode.name +
                                  "=MODEL@HARDWARE[xTP] (e.g. " + mode.name + "=llama-3.1-8b@h100-sxm)");
    }
    DeployedMode entry{&mode, hardware, dnsLabel(mode.name, "mode"), {}};
    entry.name = "headroom-serve-" + entry.label;
    if (std::any_of(context.modes.begin(), context.modes.end(), [&](const DeployedMode& other) { return other.label == entry.label; })) {
      throw std::invalid_argument("modes \"" + mode.name + "\" and another make the same Kubernetes name \"" + entry.label + "\"");
    }
    usage += (usage.empty() ? "" : ", ") + mode.name + ": " + std::to_string(mode.instances) + " x " +
             std::to_string(hardware->tensorParallel) + " GPU";
    context.modes.push_back(std::move(entry));
  }
  if (context.modes.empty()) throw std::invalid_argument("the plan has no instance to deploy");
  const std::int32_t gpus = fleetGpus(plan, options.modes);
  if (options.gpuBudget && gpus > *options.gpuBudget) {
    throw std::invalid_argument("the plan needs " + std::to_string(gpus) + " GPUs (" + usage + ") but the GPU budget is " +
                                std::to_string(*options.gpuBudget));
  }

  context.baseConfig = baseServeConfig(plan, options);
  context.configFile = options.serveConfig ? options.serveConfigFile : std::filesystem::path("the serve configuration made from the plan");
  const ServeConfig parsed = parseServeConfig(context.modeConfig(context.modes.front()), context.configFile);
  for (const FleetClass& cls : plan.classes) {
    if (std::none_of(parsed.classes.begin(), parsed.classes.end(), [&](const ServedClass& served) { return served.qos.name == cls.name; })) {
      JsonInput(context.configFile).fail(JsonPointer("/classes"), "must include every class of the plan (it lacks \"" + cls.name + "\")");
    }
  }
  if (options.replan) checkReplan(context, parsed);
  // The drain, then 10 s for the last replies to be written.
  context.terminationGraceS = std::chrono::ceil<std::chrono::seconds>(parsed.limits.drainTime).count() + 10;
  context.configComments = header(options);
  context.configComments.push_back("A Secret: the configuration holds API keys (stringData here, in plain text: keep this directory");
  context.configComments.push_back("as private as the keys). A changed configuration rolls the pods through their headroom/config-hash.");
  if (!options.serveConfig) {
    context.configComments.push_back("The tenant's API key is a placeholder: give deploy --serve-config with your tenants and keys.");
  }
  return context;
}

// Per mode: its serve config (a Secret: it holds the tenants' API keys), Deployment, Service and
// PodDisruptionBudget.
void addServeManifests(const FleetContext& context, std::vector<Manifest>& out) {
  const FleetOptions& options = context.options;
  for (const DeployedMode& mode : context.modes) {
    const json config = context.modeConfig(mode);
    (void)parseServeConfig(config, context.configFile);
    const std::string configText = config.dump(2) + "\n";

    k8s::Workload workload;
    workload.name = mode.name;
    workload.labels = serveLabels(mode.label);
    // Re-planning: KEDA owns the count (the ScaledObject); the Deployment states none.
    if (options.replan) workload.replicas = std::nullopt;
    else workload.replicas = mode.mode->instances;
    workload.image = options.image;
    workload.args = {"serve", "/etc/headroom/serve.json", "--host", "0.0.0.0", "--port", std::to_string(kServePort)};
    workload.port = kServePort;
    workload.configSecretName = mode.name + "-config";
    workload.gpus = mode.hardware->tensorParallel;
    workload.nodeSelector = ordered_json{{"headroom/hardware", mode.hardware->hardware}};
    workload.terminationGraceS = context.terminationGraceS;
    workload.configHash = k8s::contentHash(configText);

    std::vector<std::string> deploymentComments = header(options);
    deploymentComments.push_back("Mode \"" + mode.mode->name + "\": " + mode.hardware->model + " on " + mode.hardware->hardware + " x " +
                                 std::to_string(mode.hardware->tensorParallel) + " (tensor parallel), " +
                                 std::to_string(mode.mode->instances) + " planned instance(s).");
    if (options.replan) {
      deploymentComments.push_back("No replicas here: the ScaledObject " + mode.name + " (KEDA) owns the count and follows the");
      deploymentComments.push_back("router's re-planner; a count stated here would be put back by every kubectl apply.");
    }
    deploymentComments.push_back("Pods run on nodes labelled headroom/hardware=" + mode.hardware->hardware + ".");
    out.push_back({mode.name + "-config.yaml", context.configComments,
                   k8s::secret(workload.configSecretName, workload.labels, "serve.json", configText)});
    out.push_back({mode.name + "-deployment.yaml", deploymentComments, k8s::deployment(workload)});
    out.push_back({mode.name + "-service.yaml", header(options), k8s::service(workload)});
    out.push_back({mode.name + "-pdb.yaml", header(options), k8s::podDisruptionBudget(workload)});
  }
}

// The router: the classes and access of the serve config, one member per mode Service, the plan's
// per-class rates on each mode as weighted shares; its Secret (the config holds the API keys),
// Deployment, Service and PDB.
void addRouterManifests(const FleetContext& context, std::vector<Manifest>& out) {
  const FleetPlan& plan = context.plan;
  json route = json::object();
  for (const char* key : {"classes", "tenants", "admin_keys", "limits"}) {
    if (context.baseConfig.contains(key)) route[key] = context.baseConfig[key];
  }
  json members = json::array();
  for (const DeployedMode& mode : context.modes) {
    members.push_back(
        json{{"name", mode.mode->name}, {"url", "http://" + mode.name + ":" + std::to_string(kServePort)}, {"kind", "headroom"}});
  }
  route["members"] = members;
  json shares = json::object();
  for (std::size_t c = 0; c < plan.classes.size(); ++c) {
    json row = json::array();
    double sum = 0.0;
    for (const DeployedMode& mode : context.modes) {
      row.push_back(mode.mode->classRatePerS[c]);
      sum += mode.mode->classRatePerS[c];
    }
    if (sum > 0.0) shares[plan.classes[c].name] = row;  // a class the plan gives no traffic routes least-loaded
  }
  route["routing"] = json{{"policy", "weighted"}, {"shares", shares}};
  (void)parseRouteConfig(route, context.configFile);
  const std::string routeText = route.dump(2) + "\n";
  const std::optional<FleetReplan>& replan = context.options.replan;

  k8s::Workload router;
  router.name = "headroom-router";
  router.labels = ordered_json{{"app.kubernetes.io/name", "headroom"}, {"app.kubernetes.io/component", "router"}};
  router.replicas = replan ? 1 : 2;
  router.image = context.options.image;
  router.args = {"route", "/etc/headroom/route.json", "--host", "0.0.0.0", "--port", std::to_string(kRouterPort)};
  router.port = kRouterPort;
  router.configSecretName = "headroom-router-config";
  router.terminationGraceS = context.terminationGraceS;
  std::vector<k8s::SecretFile> files = {{"route.json", routeText}};
  std::vector<std::string> routeComments = context.configComments;
  routeComments.push_back("Weighted shares per class, one per member (mode Service): the plan's requests per second there.");
  std::vector<std::string> deploymentComments = header(context.options);
  if (replan) {
    // The planning file is a second key of this Secret rather than a ConfigMap of its own: it is read by
    // the same process at the same time as route.json, one volume mounts both, and one config-hash over
    // both rolls the router when either changes.
    const std::string planningPath = "/etc/headroom/" + std::string(kPlanningFileName);
    router.args.insert(router.args.end(), {"--replan", std::string(toString(replan->mode)), "--replan-input", planningPath, "--interval",
                                           fmt::format("{:g}", replan->intervalS)});
    if (context.options.gpuBudget) router.args.insert(router.args.end(), {"--budget", std::to_string(*context.options.gpuBudget)});
    for (const ModeHardware& mapped : context.options.modes) router.args.insert(router.args.end(), {"--mode-map", toString(mapped)});
    files.emplace_back(std::string(kPlanningFileName), replan->planningText);
    routeComments.push_back(std::string(kPlanningFileName) + ": the planning file the plan was made from (" +
                            replan->planningFile.filename().string() + "); the router re-solves it at the rates it measures.");
    deploymentComments.push_back("One replica: each router's re-planner sees only the requests it routes, so two would each plan for");
    deploymentComments.push_back("half of the load. Re-planning " + std::string(toString(replan->mode)) + " every " +
                                 fmt::format("{:g}", replan->intervalS) + " s: the gauge headroom_router_desired_instances{mode}");
    deploymentComments.push_back(replan->mode == ReplanMode::Auto
                                     ? "drives each mode's ScaledObject (KEDA), and the router applies the new per-class shares itself."
                                     : "drives each mode's ScaledObject (KEDA); the router keeps its shares until an operator applies a plan.");
  }
  std::string hashed = routeText;
  if (replan) hashed += "\n" + std::string(kPlanningFileName) + "\n" + replan->planningText;
  router.configHash = k8s::contentHash(hashed);
  out.push_back({"router-config.yaml", routeComments, k8s::secret(router.configSecretName, router.labels, files)});
  out.push_back({"router-deployment.yaml", deploymentComments, k8s::deployment(router)});
  out.push_back({"router-service.yaml", header(context.options), k8s::service(router)});
  std::vector<std::string> pdbComments = header(context.options);
  if (replan) {
    pdbComments.push_back("maxUnavailable 1 with one replica: a node drain may evict the router (it starts again elsewhere and");
    pdbComments.push_back("re-plans from its planning file); minAvailable 1 would block every drain of its node.");
  }
  out.push_back({"router-pdb.yaml", pdbComments, k8s::podDisruptionBudget(router)});
}

// Re-planning: per deployed mode a KEDA ScaledObject that scales its Deployment to the router's
// headroom_router_desired_instances{mode}: the plan the re-planner holds after its hysteresis.
// Not headroom_router_recommended_instances: that is each solve's raw answer (the dashboard shows it beside
// the current plan); it drops during the warm-up and the cooldown and moves with the noise of the rates,
// which the hysteresis exists to keep away from the replica count.
void addScalingManifests(const FleetContext& context, std::vector<Manifest>& out) {
  const FleetReplan& replan = *context.options.replan;
  const auto intervalS = static_cast<std::int32_t>(std::ceil(replan.intervalS));
  for (const DeployedMode& mode : context.modes) {
    const auto limit = std::find_if(replan.modes.begin(), replan.modes.end(),
                                    [&](const PlanningModeLimit& each) { return each.name == mode.mode->name; });
    k8s::ScaledTarget target;
    target.name = mode.name;
    target.labels = serveLabels(mode.label);
    target.prometheusUrl = replan.prometheusUrl;
    target.query = "max(" + std::string(kScaledInstancesGauge) + "{mode=\"" + mode.mode->name + "\"})";
    target.minReplicas = 0;
    target.maxReplicas = limit->maxInstances;
    target.fallbackReplicas = mode.mode->instances;
    target.pollingS = std::min(intervalS, 30);
    target.cooldownS = intervalS;

    std::vector<std::string> comments = header(context.options);
    comments.push_back("Mode \"" + mode.mode->name + "\": KEDA scales " + mode.name + " to the instances of the plan the router's");
    comments.push_back("re-planner holds after its hysteresis, " + target.query + " (max: during a router");
    comments.push_back("rollout two may publish). Not headroom_router_recommended_instances: that is each solve's raw answer, which");
    comments.push_back("drops during the warm-up and the cooldown and moves with the noise of the rates.");
    comments.push_back("metricType AverageValue, threshold 1: the HPA divides the value by the current replicas and scales until");
    comments.push_back("each holds 1, so replicas = that count. (Value would compare the whole value with the threshold");
    comments.push_back("and scale by the ratio: from 2 replicas a desired 3 would ask for 6.) The HPA leaves alone a change");
    comments.push_back("within its 10% tolerance: from 10 replicas up a step of one waits for a larger one.");
    comments.push_back("minReplicaCount 0: the re-planner plans 0 when the mode's classes are idle or another mode serves");
    comments.push_back("them; maxReplicaCount " + std::to_string(target.maxReplicas) + ": the planning file's max_instances for the mode.");
    comments.push_back("No stabilization window either way: the re-planner already scales up at once and down only after its");
    comments.push_back("cooldown and repeated lower solves; a second hysteresis here would only delay it.");
    comments.push_back("ignoreNullValues false: no series (the router down, not yet scraped) is an error, not 0; after 3 failed");
    comments.push_back("reads the fallback holds the plan's " + std::to_string(mode.mode->instances) + " instance(s).");
    comments.push_back(replan.mode == ReplanMode::Auto ? "auto: the router also applies the new plan's per-class shares."
                                                       : "advisory: KEDA still scales; the router's shares change only when an operator applies a plan.");
    out.push_back({mode.name + "-scaledobject.yaml", comments, k8s::scaledObject(target)});
  }
}

// Gateway API Inference Extension: an InferencePool per mode, an InferenceObjective per class and
// mode, and an HTTPRoute with one rule per class on its X-Headroom-Class value, its modes weighted by
// the plan's rates (per mille of the class), and a last rule for requests without the header.
void addGatewayManifests(const FleetContext& context, std::vector<Manifest>& out) {
  const FleetPlan& plan = context.plan;
  const FleetOptions& options = context.options;
  int maxRank = 0;
  for (const FleetClass& cls : plan.classes) maxRank = std::max(maxRank, cls.rank);
  std::vector<std::string> classLabels;
  for (const FleetClass& cls : plan.classes) classLabels.push_back(dnsLabel(cls.name, "class"));
  auto objectiveName = [&](const DeployedMode& mode, std::size_t c) { return "headroom-" + mode.label + "-" + classLabels[c]; };

  for (const DeployedMode& mode : context.modes) {
    std::vector<std::string> comments = header(options);
    comments.push_back("The pods of mode \"" + mode.mode->name + "\" as one inference pool. Give spec.endpointPickerRef when the");
    comments.push_back("gateway uses an endpoint picker (llm-d-router); it reads each request's InferenceObjective.");
    out.push_back({mode.name + "-inferencepool.yaml", comments, k8s::inferencePool(mode.name, serveLabels(mode.label), kServePort)});
    for (std::size_t c = 0; c < plan.classes.size(); ++c) {
      std::vector<std::string> objective = header(options);
      objective.push_back("Class \"" + plan.classes[c].name + "\" (rank " + std::to_string(plan.classes[c].rank) + ") on pool " +
                          mode.name + ": higher priority is served first when the pool queues.");
      objective.push_back("The HTTPRoute sets " + std::string(kObjectiveHeader) + " from X-Headroom-Class, which a trusted hop must set.");
      const std::string name = objectiveName(mode, c);
      out.push_back({name + "-objective.yaml", objective, k8s::inferenceObjective(name, mode.name, maxRank - plan.classes[c].rank)});
    }
  }

  std::vector<k8s::RouteRule> rules;
  for (std::size_t c = 0; c < plan.classes.size(); ++c) {
    double sum = 0.0;
    for (const DeployedMode& mode : context.modes) sum += mode.mode->classRatePerS[c];
    if (!(sum > 0.0)) continue;
    k8s::RouteRule rule{"X-Headroom-Class", plan.classes[c].name, {}};
    for (const DeployedMode& mode : context.modes) {
      const auto weight = static_cast<std::int32_t>(std::lround(1000.0 * mode.mode->classRatePerS[c] / sum));
      if (weight > 0) rule.backends.push_back({mode.name, weight, objectiveName(mode, c)});
    }
    rules.push_back(std::move(rule));
  }
  double total = 0.0;
  std::vector<double> modeTotals;
  for (const DeployedMode& mode : context.modes) {
    double modeTotal = 0.0;
    for (double rate : mode.mode->classRatePerS) modeTotal += rate;
    modeTotals.push_back(modeTotal);
    total += modeTotal;
  }
  k8s::RouteRule fallback;
  for (std::size_t m = 0; m < context.modes.size(); ++m) {
    const auto weight = total > 0.0 ? static_cast<std::int32_t>(std::lround(1000.0 * modeTotals[m] / total)) : 1;
    if (weight > 0) fallback.backends.push_back({context.modes[m].name, weight, {}});
  }
  rules.push_back(std::move(fallback));

  std::vector<std::string> comments = header(options);
  comments.push_back("Requests are matched on X-Headroom-Class and weighted across the mode pools by the plan's rates");
  comments.push_back("(per mille of the class). The gateway believes that header as it arrives: it must be set by a");
  comments.push_back("trusted hop (the proxy that authenticates the API key and maps it to its tenant's class) and");
  comments.push_back("removed from what clients send; otherwise a client picks its own class, priority and share.");
  comments.push_back("Attach it to your Gateway: spec.parentRefs names \"" + options.gateway + "\".");
  out.push_back({"httproute.yaml", comments, k8s::httpRoute("headroom", options.gateway, std::string(kObjectiveHeader), rules)});
}

}  // namespace

std::string defaultFleetImage() { return std::string("headroom:") + HEADROOM_VERSION; }

std::optional<FleetTarget> fleetTargetFromString(std::string_view text) {
  if (text == "kustomize") return FleetTarget::Kustomize;
  if (text == "gateway-api") return FleetTarget::GatewayApi;
  return std::nullopt;
}

std::string_view toString(FleetTarget target) {
  return target == FleetTarget::GatewayApi ? std::string_view("gateway-api") : std::string_view("kustomize");
}

std::int32_t fleetGpus(const FleetPlan& plan, const std::vector<ModeHardware>& modes) {
  std::int32_t gpus = 0;
  for (const FleetMode& mode : plan.modes) {
    const ModeHardware* hardware = findModeHardware(modes, mode.name);
    if (mode.instances > 0 && hardware != nullptr) gpus += mode.instances * hardware->tensorParallel;
  }
  return gpus;
}

std::vector<Manifest> buildFleet(const FleetPlan& plan, const FleetOptions& options) {
  const FleetContext context = resolveFleet(plan, options);
  std::vector<Manifest> out;
  addServeManifests(context, out);
  addRouterManifests(context, out);
  if (options.gpuBudget) {
    std::vector<std::string> comments = header(options);
    comments.push_back("The GPU budget: the namespace's pods may request at most " + std::to_string(*options.gpuBudget) +
                       " nvidia.com/gpu together (this plan needs " + std::to_string(fleetGpus(plan, options.modes)) + ").");
    out.push_back({"gpu-quota.yaml", comments, k8s::gpuResourceQuota("headroom-gpus", *options.gpuBudget)});
  }
  if (options.replan) addScalingManifests(context, out);
  if (options.target == FleetTarget::GatewayApi) addGatewayManifests(context, out);

  std::vector<std::string> files;
  for (const Manifest& manifest : out) files.push_back(manifest.file);
  out.push_back({"kustomization.yaml", header(options), k8s::kustomization(files)});
  return out;
}

std::string manifestText(const Manifest& manifest) { return yamlDocument(manifest.object, manifest.comments); }

}  // namespace headroom::serve
