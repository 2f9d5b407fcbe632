#include "cases/versions.hpp"

#include <map>
#include <mutex>

#include "catalog/store.hpp"

namespace tongban::cases {
namespace {

class VersionCache {
 public:
  std::shared_ptr<const VersionInfo> Find(std::int64_t entry_id, int version_no) {
    std::lock_guard lock(mu_);
    const auto it = versions_.find({entry_id, version_no});
    return it == versions_.end() ? nullptr : it->second;
  }
  void Put(std::int64_t entry_id, int version_no, std::shared_ptr<const VersionInfo> info) {
    std::lock_guard lock(mu_);
    // A city has hundreds of items with a few versions each; the bound only guards against a bug.
    if (versions_.size() >= kMaxVersions) versions_.clear();
    versions_[{entry_id, version_no}] = std::move(info);
  }

 private:
  static constexpr std::size_t kMaxVersions = 20'000;
  std::mutex mu_;
  std::map<std::pair<std::int64_t, int>, std::shared_ptr<const VersionInfo>> versions_;  // guarded by mu_
};

VersionCache& Cache() {
  static VersionCache cache;
  return cache;
}

}  // namespace

std::shared_ptr<const VersionInfo> FindVersionInfo(db::Tx& tx, std::int64_t entry_id, int version_no) {
  if (auto cached = Cache().Find(entry_id, version_no)) return cached;
  auto version = catalog::store::FindVersion(tx, entry_id, version_no);
  if (!version) return nullptr;
  auto info = std::make_shared<VersionInfo>();
  const auto text = catalog::store::VersionElementsText(tx, entry_id, version_no);
  info->elements = nlohmann::json::parse(text->first);
  info->plan = PlanOf(version->elements.workflow);
  info->form = std::make_shared<const schema::Schema>(
      schema::Schema::Compile(info->elements.value("form_schema", nlohmann::json::object())));
  const bool published = version->published_at.has_value();
  info->version = std::move(*version);
  std::shared_ptr<const VersionInfo> shared = std::move(info);
  if (published) Cache().Put(entry_id, version_no, shared);
  return shared;
}

}  // namespace tongban::cases
