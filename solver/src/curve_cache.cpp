#include "solver/src/curve_cache.h"

#include <cstdint>
#include <fstream>
#include <random>

#include <nlohmann/json.hpp>
#include <spdlog/fmt/fmt.h>
#include <spdlog/spdlog.h>

namespace headroom::solver::detail {

using json = nlohmann::json;

namespace {

constexpr int kCacheVersion = 1;

std::filesystem::path entryPath(const std::filesystem::path& dir, const std::string& key) {
  return dir / (key + ".json");
}

}  // namespace

std::string cacheKey(const std::string& description) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : description) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return fmt::format("{:016x}", hash);
}

std::optional<std::vector<LatencyCurve>> readCachedCurves(const std::filesystem::path& dir, const std::string& key,
                                                          std::size_t classes) {
  std::ifstream in(entryPath(dir, key), std::ios::binary);
  if (!in) return std::nullopt;
  try {
    const json root = json::parse(in);
    if (root.at("version").get<int>() != kCacheVersion || root.at("key").get<std::string>() != key) return std::nullopt;
    const json& curves = root.at("curves");
    if (!curves.is_array() || curves.size() != classes) return std::nullopt;
    std::vector<LatencyCurve> result;
    for (const json& curve : curves) {
      std::vector<CurvePoint> points;
      for (const json& point : curve) points.push_back({point.at(0).get<double>(), point.at(1).get<double>()});
      result.push_back(points.empty() ? LatencyCurve() : LatencyCurve(std::move(points)));
    }
    return result;
  } catch (const std::exception& error) {
    spdlog::warn("ignoring the damaged curve cache entry {}: {}", entryPath(dir, key).string(), error.what());
    return std::nullopt;
  }
}

void writeCachedCurves(const std::filesystem::path& dir, const std::string& key, const std::vector<LatencyCurve>& curves) {
  json root{{"version", kCacheVersion}, {"key", key}, {"curves", json::array()}};
  for (const LatencyCurve& curve : curves) {
    json points = json::array();
    for (const CurvePoint& point : curve.points()) points.push_back({point.ratePerS, point.latencyS});
    root["curves"].push_back(points);
  }
  const std::filesystem::path target = entryPath(dir, key);
  std::filesystem::path partial = target;
  partial += fmt::format(".{:08x}.partial", std::random_device{}());
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << root.dump() << '\n';
    out.flush();
    if (!out) {
      spdlog::warn("cannot write the curve cache entry {}", target.string());
      std::filesystem::remove(partial, error);
      return;
    }
  }
  std::filesystem::rename(partial, target, error);
  if (error) {
    spdlog::warn("cannot store the curve cache entry {}: {}", target.string(), error.message());
    std::filesystem::remove(partial, error);
  }
}

}  // namespace headroom::solver::detail
