#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace headroom::serve::k8s {

// One function per Kubernetes kind `headroom-cli deploy` writes; each returns the object as an
// ordered_json (apiVersion, kind, metadata, spec in that order) for yamlDocument. Labels and selectors
// are ordered_json objects of string values. Names must already be valid DNS labels.
using Object = nlohmann::ordered_json;

// An Opaque Secret holding one file, `fileName` with `fileText` (as stringData: the text as written, the
// API server encodes it): for a configuration that holds API keys.
Object secret(const std::string& name, const Object& labels, const std::string& fileName, const std::string& fileText);
// The same with several files, one key each, in the order given (a process's configuration and the files
// it reads beside it, mounted together).
using SecretFile = std::pair<std::string, std::string>;  // file name, file text
Object secret(const std::string& name, const Object& labels, const std::vector<SecretFile>& files);

// What a Deployment runs: one container of `image` running `args` (after the image's headroom-cli),
// serving HTTP on `port`, probed on `healthPath`, with the Secret `configSecretName` mounted read-only at
// `configDirectory`; `gpus` > 0 requests (and limits) that many nvidia.com/gpu; `nodeSelector` may be
// empty.
struct Workload {
  std::string name;
  Object labels;    // pods and selector
  // Absent: the Deployment states none, for an autoscaler that owns the count (a stated count would be
  // put back by every `kubectl apply`, starting and stopping pods until the autoscaler corrects it).
  std::optional<std::int32_t> replicas = 1;
  std::string image;
  std::vector<std::string> args;
  std::uint16_t port = 8000;
  std::string healthPath = "/health";
  std::string configSecretName;
  std::string configDirectory = "/etc/headroom";
  std::int32_t gpus = 0;
  Object nodeSelector = Object::object();
  std::int64_t terminationGraceS = 30;
  std::string configHash;  // pod annotation headroom/config-hash: a changed config rolls the pods
};
Object deployment(const Workload& workload);
// FNV-1a (64 bit) of `text` in hex: a stable fingerprint of a configuration's content for configHash.
std::string contentHash(const std::string& text);
// A ClusterIP Service named like the workload, port `port` to the container's named port "http".
Object service(const Workload& workload);
// At most one pod of the workload down at a time for voluntary disruptions.
Object podDisruptionBudget(const Workload& workload);
// A quota on the namespace's requests of nvidia.com/gpu.
Object gpuResourceQuota(const std::string& name, std::int32_t gpus);

Object kustomization(const std::vector<std::string>& resources);

// What a KEDA ScaledObject scales and on what: the Deployment `deployment` between `minReplicas` and
// `maxReplicas` to the value of the Prometheus `query` at `prometheusUrl`, read as a replica count
// (metricType AverageValue with a threshold of 1: the HPA divides the value by the replicas and scales
// until each replica holds 1, so replicas = the value). KEDA polls every `pollingS` (the 0 <-> 1 step)
// and scales to 0 after `cooldownS` at 0; `fallbackReplicas` hold after 3 failed reads (the query
// answers nothing: the series is gone). The HPA behaviour adds no stabilization window in either
// direction: the metric's producer decides when to scale.
struct ScaledTarget {
  std::string name;  // the ScaledObject's, and the Deployment's it targets
  Object labels;
  std::string prometheusUrl;
  std::string query;
  std::int32_t minReplicas = 0;
  std::int32_t maxReplicas = 1;
  std::int32_t fallbackReplicas = 1;
  std::int32_t pollingS = 30;
  std::int32_t cooldownS = 300;
};
// keda.sh/v1alpha1 ScaledObject with one `prometheus` trigger.
Object scaledObject(const ScaledTarget& target);

// Gateway API Inference Extension: the pods of `selector` as one pool on `port`.
Object inferencePool(const std::string& name, const Object& selector, std::uint16_t port);
// llm-d's priority object for one pool (llm-d.ai/v1alpha2 InferenceObjective; higher = more critical).
Object inferenceObjective(const std::string& name, const std::string& poolName, std::int32_t priority);

// One weighted backend of an HTTPRoute rule: an InferencePool, with the objective header it sets.
struct WeightedPool {
  std::string pool;
  std::int32_t weight = 0;
  std::string objective;  // empty: no objective header set
};
// One rule: requests whose `header` equals `value` (both empty: every other request) go to `backends`.
struct RouteRule {
  std::string header;
  std::string value;
  std::vector<WeightedPool> backends;
};
// A rule with one backend sets its objective header with a rule filter, a rule with several with a filter
// on each backendRef.
Object httpRoute(const std::string& name, const std::string& gateway, const std::string& objectiveHeader,
                 const std::vector<RouteRule>& rules);

}  // namespace headroom::serve::k8s
