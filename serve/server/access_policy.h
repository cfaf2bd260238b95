#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/qos_class.h"

namespace headroom::serve {

// A client organisation: the classes its keys may use and the one used when a request names none.
struct Tenant {
  std::string name;
  std::vector<engine::ClassId> classes;
  engine::ClassId defaultClass = 0;
};

// Who may do what: API keys bound to tenants, tenants bound to classes, and the operators' admin keys.
// A client can only narrow its class to one its tenant was given, never raise itself.
// Immutable after construction; safe to read from any thread.
class AccessPolicy {
 public:
  enum class ClassDecision : std::uint8_t { Allowed, UnknownClass, NotAllowed };
  struct ClassChoice {
    ClassDecision decision = ClassDecision::Allowed;
    engine::ClassId classId = 0;
  };

  AccessPolicy() = default;
  AccessPolicy(std::vector<std::string> classNames, std::vector<Tenant> tenants,
               std::vector<std::pair<std::string, std::int32_t>> keys, std::vector<std::string> adminKeys);

  // The tenant index a bearer key belongs to; nullopt for an unknown key. Compares in constant time
  // per stored key so response timing does not reveal key prefixes.
  std::optional<std::int32_t> tenantOf(std::string_view key) const;
  bool isAdmin(std::string_view key) const;

  // The class a request of `tenant` runs in: `requested` (a class name from the header or body) when
  // given, else the tenant's default.
  ClassChoice chooseClass(std::int32_t tenant, std::optional<std::string_view> requested) const;

  const std::vector<Tenant>& tenants() const { return tenants_; }
  const std::vector<std::string>& classNames() const { return classNames_; }
  std::optional<engine::ClassId> classByName(std::string_view name) const;

  // The key of "Authorization: Bearer <key>", or of a bare key; empty when the header is empty.
  static std::string_view bearerToken(std::string_view authorization);

 private:
  std::vector<std::string> classNames_;
  std::vector<Tenant> tenants_;
  std::vector<std::pair<std::string, std::int32_t>> keys_;
  std::vector<std::string> adminKeys_;
};

}  // namespace headroom::serve
