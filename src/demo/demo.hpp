#pragma once
// The demo city 演示数据 (`tongban demo`): a registry of steps each module adds (identity builds
// Qingdao's departments and users; later modules add catalogue items, cases, inspections...), run
// in registration order inside ONE write transaction, so a failed load leaves nothing behind.
//
// Deterministic: the same as-of date gives the same rows (times are the as-of instant; nothing
// random except encryption nonces and password salts, which do not change what anyone sees).
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "audit/model.hpp"
#include "platform/time/date.hpp"

namespace tongban::demo {

// The password of every demo account (README, docs/roles.md).
inline constexpr const char* kDemoPassword = "Tongban@2026";

// What steps share: the transaction, the platform, the as-of instant, and names earlier steps left
// for later ones (department and user ids by key).
struct DemoContext {
  db::Tx& tx;
  AppContext& app;
  time::Date as_of;
  time::Instant now;                  // as_of at 09:00 Asia/Shanghai
  std::string password_hash;          // argon2id of kDemoPassword, computed once
  audit::Actor actor;                 // "system"
  std::map<std::string, std::int64_t> departments;  // "city", "scjg", "hall", ...
  std::map<std::string, std::int64_t> users;        // by username
};

struct Step {
  std::string name;  // "identity.city"
  std::function<void(DemoContext&)> run;
};

class Registry {
 public:
  void Add(Step step) { steps_.push_back(std::move(step)); }
  const std::vector<Step>& steps() const { return steps_; }

 private:
  std::vector<Step> steps_;
};

struct Options {
  bool if_empty = false;
  std::optional<time::Date> as_of;  // default: today in Shanghai
};

struct Report {
  bool skipped = false;  // --if-empty and the database had users
  time::Date as_of;
  std::vector<std::string> steps;
};

// Migrations must have run. Throws whatever a step throws (nothing is committed then).
Report Run(AppContext& app, const Registry& registry, const Options& options);

// Identity's step: Qingdao, its districts and streets, ~20 bureaus, a service hall, users for
// every role, and three applicants.
void AddCityStep(Registry& registry);

// The catalogue's step (after the city): data/demo/catalog.json under the data dir — lists,
// licence types, base items, implementation entries, and a few dated adjustments.
void AddCatalogStep(Registry& registry);

// The cases' step (after the catalogue): about 2,000 cases in every state over five months, made
// through the cases services, with the staff each handling department's workflows need.
void AddCasesStep(Registry& registry);

}  // namespace tongban::demo
