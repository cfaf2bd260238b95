#include "serve/fleet/kubernetes_objects.h"

#include <algorithm>
#include <cstdio>

namespace headroom::serve::k8s {

namespace {

Object metadata(const std::string& name, const Object& labels) {
  Object meta = {{"name", name}};
  if (!labels.empty()) meta["labels"] = labels;
  return meta;
}

Object header(const std::string& apiVersion, const std::string& kind, const std::string& name, const Object& labels) {
  return Object{{"apiVersion", apiVersion}, {"kind", kind}, {"metadata", metadata(name, labels)}};
}

Object httpProbe(const std::string& path, std::int32_t initialDelayS, std::int32_t periodS, std::int32_t failures) {
  return Object{{"httpGet", {{"path", path}, {"port", "http"}}},
                {"initialDelaySeconds", initialDelayS},
                {"periodSeconds", periodS},
                {"timeoutSeconds", 2},
                {"failureThreshold", failures}};
}

}  // namespace

std::string contentHash(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

Object secret(const std::string& name, const Object& labels, const std::string& fileName, const std::string& fileText) {
  return secret(name, labels, std::vector<SecretFile>{{fileName, fileText}});
}

Object secret(const std::string& name, const Object& labels, const std::vector<SecretFile>& files) {
  Object object = header("v1", "Secret", name, labels);
  object["type"] = "Opaque";
  Object data = Object::object();
  for (const auto& [fileName, fileText] : files) data[fileName] = fileText;
  object["stringData"] = std::move(data);
  return object;
}

Object deployment(const Workload& workload) {
  Object container = {{"name", "headroom"}, {"image", workload.image}, {"command", Object::array({"headroom-cli"})}};
  container["args"] = workload.args;
  container["ports"] = Object::array({Object{{"name", "http"}, {"containerPort", workload.port}, {"protocol", "TCP"}}});
  // Ready only while /health answers 200: a draining or faulted server answers 503 and leaves the Service.
  container["readinessProbe"] = httpProbe(workload.healthPath, 2, 5, 2);
  container["livenessProbe"] = httpProbe(workload.healthPath, 30, 10, 6);
  if (workload.gpus > 0) {
    const std::string gpus = std::to_string(workload.gpus);
    container["resources"] = Object{{"requests", {{"nvidia.com/gpu", gpus}}}, {"limits", {{"nvidia.com/gpu", gpus}}}};
  }
  container["volumeMounts"] =
      Object::array({Object{{"name", "config"}, {"mountPath", workload.configDirectory}, {"readOnly", true}}});

  Object pod = {{"terminationGracePeriodSeconds", workload.terminationGraceS}};
  if (!workload.nodeSelector.empty()) pod["nodeSelector"] = workload.nodeSelector;
  pod["containers"] = Object::array({container});
  pod["volumes"] = Object::array({Object{{"name", "config"}, {"secret", {{"secretName", workload.configSecretName}}}}});

  Object templateMeta = {{"labels", workload.labels}};
  if (!workload.configHash.empty()) templateMeta["annotations"] = Object{{"headroom/config-hash", workload.configHash}};
  Object object = header("apps/v1", "Deployment", workload.name, workload.labels);
  Object spec = Object::object();
  if (workload.replicas) spec["replicas"] = *workload.replicas;
  spec["selector"] = Object{{"matchLabels", workload.labels}};
  spec["template"] = Object{{"metadata", templateMeta}, {"spec", pod}};
  object["spec"] = std::move(spec);
  return object;
}

Object service(const Workload& workload) {
  Object object = header("v1", "Service", workload.name, workload.labels);
  object["spec"] = Object{
      {"type", "ClusterIP"},
      {"selector", workload.labels},
      {"ports", Object::array({Object{{"name", "http"}, {"port", workload.port}, {"targetPort", "http"}, {"protocol", "TCP"}}})}};
  return object;
}

Object podDisruptionBudget(const Workload& workload) {
  Object object = header("policy/v1", "PodDisruptionBudget", workload.name, workload.labels);
  object["spec"] = Object{{"maxUnavailable", 1}, {"selector", {{"matchLabels", workload.labels}}}};
  return object;
}

Object gpuResourceQuota(const std::string& name, std::int32_t gpus) {
  Object object = header("v1", "ResourceQuota", name, Object::object());
  object["spec"] = Object{{"hard", {{"requests.nvidia.com/gpu", std::to_string(gpus)}}}};
  return object;
}

Object kustomization(const std::vector<std::string>& resources) {
  return Object{{"apiVersion", "kustomize.config.k8s.io/v1beta1"}, {"kind", "Kustomization"}, {"resources", resources}};
}

Object scaledObject(const ScaledTarget& target) {
  // Scale-up: up to the whole range at once; scale-down: all of it at once. Both without a stabilization
  // window: the HPA's defaults (300 s before a scale-down, 4 pods or double per 60 s up) would add a
  // second hysteresis on top of the producer's.
  auto rules = [](const std::string& type, std::int32_t value) {
    return Object{{"stabilizationWindowSeconds", 0},
                  {"selectPolicy", "Max"},
                  {"policies", Object::array({Object{{"type", type}, {"value", value}, {"periodSeconds", 15}}})}};
  };
  Object trigger = {{"type", "prometheus"},
                    {"metricType", "AverageValue"},
                    {"metadata",
                     {{"serverAddress", target.prometheusUrl},
                      {"query", target.query},
                      {"threshold", "1"},
                      {"activationThreshold", "0"},
                      {"ignoreNullValues", "false"}}}};
  Object object = header("keda.sh/v1alpha1", "ScaledObject", target.name, target.labels);
  object["spec"] = Object{
      {"scaleTargetRef", {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", target.name}}},
      {"pollingInterval", target.pollingS},
      {"cooldownPeriod", target.cooldownS},
      {"minReplicaCount", target.minReplicas},
      {"maxReplicaCount", target.maxReplicas},
      {"fallback", {{"failureThreshold", 3}, {"replicas", target.fallbackReplicas}}},
      {"advanced",
       {{"horizontalPodAutoscalerConfig",
         {{"behavior", {{"scaleUp", rules("Pods", std::max(target.maxReplicas, 1))}, {"scaleDown", rules("Percent", 100)}}}}}}},
      {"triggers", Object::array({trigger})}};
  return object;
}

Object inferencePool(const std::string& name, const Object& selector, std::uint16_t port) {
  Object object = header("inference.networking.k8s.io/v1", "InferencePool", name, Object::object());
  object["spec"] = Object{{"selector", {{"matchLabels", selector}}},
                          {"targetPorts", Object::array({Object{{"number", port}}})}};
  return object;
}

Object inferenceObjective(const std::string& name, const std::string& poolName, std::int32_t priority) {
  Object object = header("llm-d.ai/v1alpha2", "InferenceObjective", name, Object::object());
  object["spec"] = Object{{"poolRef", {{"group", "inference.networking.k8s.io"}, {"kind", "InferencePool"}, {"name", poolName}}},
                          {"priority", priority}};
  return object;
}

Object httpRoute(const std::string& name, const std::string& gateway, const std::string& objectiveHeader,
                 const std::vector<RouteRule>& rules) {
  auto setObjective = [&](const std::string& objective) {
    return Object::array({Object{
        {"type", "RequestHeaderModifier"},
        {"requestHeaderModifier", {{"set", Object::array({Object{{"name", objectiveHeader}, {"value", objective}}})}}}}});
  };
  Object spec = {{"parentRefs", Object::array({Object{{"name", gateway}}})}};
  Object ruleArray = Object::array();
  for (const RouteRule& rule : rules) {
    Object entry = Object::object();
    if (!rule.header.empty()) {
      entry["matches"] = Object::array(
          {Object{{"headers", Object::array({Object{{"type", "Exact"}, {"name", rule.header}, {"value", rule.value}}})}}});
    }
    // One backend: the objective header is set by the rule (core support). Several: each backend sets its
    // own pool's objective (backendRef filters, which not every gateway supports).
    const bool oneBackend = rule.backends.size() == 1;
    if (oneBackend && !rule.backends.front().objective.empty()) entry["filters"] = setObjective(rule.backends.front().objective);
    Object backends = Object::array();
    for (const WeightedPool& backend : rule.backends) {
      Object ref = {{"group", "inference.networking.k8s.io"}, {"kind", "InferencePool"}, {"name", backend.pool}, {"weight", backend.weight}};
      if (!oneBackend && !backend.objective.empty()) ref["filters"] = setObjective(backend.objective);
      backends.push_back(std::move(ref));
    }
    entry["backendRefs"] = std::move(backends);
    ruleArray.push_back(std::move(entry));
  }
  spec["rules"] = std::move(ruleArray);
  Object object = header("gateway.networking.k8s.io/v1", "HTTPRoute", name, Object::object());
  object["spec"] = std::move(spec);
  return object;
}

}  // namespace headroom::serve::k8s
