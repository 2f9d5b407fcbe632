// The public catalogue: guides, form validation, statistics (service.hpp).
#include <memory>
#include <mutex>
#include <unordered_map>

#include "catalog/service.hpp"
#include "platform/crypto/hash.hpp"
#include "platform/schema/schema.hpp"

namespace tongban::catalog {
namespace {

// Compiled forms by the SHA-256 of their schema text: published versions never change, and
// compiling (regexes, $refs) costs far more than validating. Bounded; cleared when full.
class FormCache {
 public:
  std::shared_ptr<const schema::Schema> Get(const nlohmann::json& form) {
    const std::string text = form.dump();
    const std::string key = crypto::Sha256Hex(text);
    {
      std::lock_guard lock(mu_);
      if (auto it = forms_.find(key); it != forms_.end()) return it->second;
    }
    auto compiled = std::make_shared<const schema::Schema>(schema::Schema::Compile(form));
    std::lock_guard lock(mu_);
    if (forms_.size() >= kMaxForms) forms_.clear();
    forms_.emplace(key, compiled);
    return compiled;
  }

 private:
  static constexpr std::size_t kMaxForms = 2000;
  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const schema::Schema>> forms_;  // guarded by mu_
};

FormCache& Forms() {
  static FormCache cache;
  return cache;
}

}  // namespace

Guide GetGuide(db::Tx& tx, const std::string& code) {
  auto item = store::FindPublic(tx, code);
  if (!item) throw Error::NotFound("catalog.item_not_found", "未找到已发布的事项：" + code, "No published item " + code);
  Guide g;
  g.item = *item;
  g.entry = *store::FindEntry(tx, item->entry_id);
  g.base = *store::FindBaseItem(tx, g.entry.base_item_id);
  const int no = *g.entry.published_version_no;
  auto [text, published_at] = *store::VersionElementsText(tx, g.entry.id, no);
  g.elements = nlohmann::json::parse(text);
  g.published_at = published_at;
  // The public cannot look licence types up: name the one each material can be replaced by.
  for (auto& material : g.elements["materials"])
    if (material.contains("licence_type_code"))
      if (auto type = store::FindLicenceTypeByCode(tx, material["licence_type_code"].get<std::string>()))
        material["licence_type_name"] = type->name;
  if (g.elements["issues_licence_type"].is_string())
    g.licence_type = store::FindLicenceTypeByCode(tx, g.elements["issues_licence_type"].get<std::string>());
  return g;
}

void ValidateForm(db::Tx& tx, const std::string& code, const nlohmann::json& data) {
  const Guide guide = GetGuide(tx, code);
  ValidateAgainstForm(guide.elements["form_schema"], data);
}

void ValidateAgainstForm(const nlohmann::json& form_schema, const nlohmann::json& data) {
  const auto violations = Forms().Get(form_schema)->Validate(data);
  if (!violations.empty()) throw schema::ToError(violations);
}

Stats ComputeStats(db::Tx& tx) {
  Stats s;
  s.by_department = store::StatsBy(tx, "department");
  s.by_level = store::StatsBy(tx, "level");
  s.by_power_type = store::StatsBy(tx, "power_type");
  s.by_visits = store::StatsBy(tx, "visits");
  s.by_online_depth = store::StatsBy(tx, "online_depth");
  for (const auto& r : s.by_level) s.entries += r.count;
  s.base_items = store::CountBaseItems(tx);
  s.changes_by_month = store::ChangesByMonth(tx);
  return s;
}

}  // namespace tongban::catalog
