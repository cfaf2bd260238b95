#include "serve/server/access_policy.h"

#include <algorithm>

namespace headroom::serve {

namespace {

// Equal in time independent of where the first difference is (length differences still show).
bool constantTimeEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char difference = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    difference |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return difference == 0;
}

}  // namespace

AccessPolicy::AccessPolicy(std::vector<std::string> classNames, std::vector<Tenant> tenants,
                           std::vector<std::pair<std::string, std::int32_t>> keys, std::vector<std::string> adminKeys)
    : classNames_(std::move(classNames)),
      tenants_(std::move(tenants)),
      keys_(std::move(keys)),
      adminKeys_(std::move(adminKeys)) {}

std::optional<std::int32_t> AccessPolicy::tenantOf(std::string_view key) const {
  if (key.empty()) return std::nullopt;
  std::optional<std::int32_t> found;
  for (const auto& [stored, tenant] : keys_) {
    if (constantTimeEqual(stored, key) && !found) found = tenant;
  }
  return found;
}

bool AccessPolicy::isAdmin(std::string_view key) const {
  if (key.empty()) return false;
  bool found = false;
  for (const std::string& stored : adminKeys_) found = constantTimeEqual(stored, key) || found;
  return found;
}

std::optional<engine::ClassId> AccessPolicy::classByName(std::string_view name) const {
  const auto it = std::find(classNames_.begin(), classNames_.end(), name);
  if (it == classNames_.end()) return std::nullopt;
  return static_cast<engine::ClassId>(it - classNames_.begin());
}

AccessPolicy::ClassChoice AccessPolicy::chooseClass(std::int32_t tenant,
                                                    std::optional<std::string_view> requested) const {
  const Tenant& owner = tenants_.at(static_cast<std::size_t>(tenant));
  if (!requested) return {ClassDecision::Allowed, owner.defaultClass};
  const std::optional<engine::ClassId> id = classByName(*requested);
  if (!id) return {ClassDecision::UnknownClass, 0};
  if (std::find(owner.classes.begin(), owner.classes.end(), *id) == owner.classes.end()) {
    return {ClassDecision::NotAllowed, *id};
  }
  return {ClassDecision::Allowed, *id};
}

std::string_view AccessPolicy::bearerToken(std::string_view authorization) {
  constexpr std::string_view kBearer = "bearer ";
  while (!authorization.empty() && authorization.front() == ' ') authorization.remove_prefix(1);
  if (authorization.size() >= kBearer.size()) {
    bool prefix = true;
    for (std::size_t i = 0; i < kBearer.size(); ++i) {
      const char c = authorization[i];
      if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != kBearer[i]) prefix = false;
    }
    if (prefix) authorization.remove_prefix(kBearer.size());
  }
  while (!authorization.empty() && authorization.front() == ' ') authorization.remove_prefix(1);
  while (!authorization.empty() && authorization.back() == ' ') authorization.remove_suffix(1);
  return authorization;
}

}  // namespace headroom::serve
