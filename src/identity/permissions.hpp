#pragma once
// The registry of permissions (`module.entity.action`, DESIGN.md "Permissions") and the built-in
// roles DOMAIN.md names. A role may grant only registered permissions; route tables and the web
// app's buttons use the same strings. Constant data; thread-safe.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tongban::identity {

struct PermissionDef {
  std::string code;  // "system.user.edit"
  std::string name_zh;
  std::string name_en;
  // Granted to an applicant only once verified 实名核验 (DOMAIN.md: only a verified applicant sees
  // their licences, reuses them or acts for an enterprise).
  bool verified_only = false;
};

// Every known permission, grouped by module.
const std::vector<PermissionDef>& Permissions();
const PermissionDef* FindPermission(std::string_view code);
// Three lowercase dotted segments of [a-z0-9_]; says nothing about being registered.
bool IsWellFormedPermission(std::string_view code);

enum class DataScope { kOwn, kChildren, kAll };
const char* ToString(DataScope scope);
std::optional<DataScope> ParseDataScope(std::string_view text);
// The wider of two scopes (all > children > own).
DataScope Wider(DataScope a, DataScope b);

struct BuiltinRole {
  std::string code;  // "window_clerk"
  std::string name_zh;
  std::string name_en;
  DataScope scope = DataScope::kOwn;
  std::vector<std::string> permissions;  // sorted
  std::string demo_user;                 // the demo account holding it ("" for system)
};

// The roles of DOMAIN.md, `admin` first and `system` last. Built-in roles cannot be edited; their
// permissions come from here (so an upgrade that adds a permission reaches them).
const std::vector<BuiltinRole>& BuiltinRoles();
const BuiltinRole* FindBuiltinRole(std::string_view code);

}  // namespace tongban::identity
