#pragma once
// The catalogue's words (DOMAIN.md "Catalogue of services and the lists"; glossary in
// docs/domain.md). Plain structs; the wire shapes live in routes.cpp and elements_json.cpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/time/clock.hpp"

namespace tongban::catalog {

// 权力类型, as codes: licensing 行政许可, penalty 行政处罚, enforcement 行政强制, levy 行政征收,
// payment 行政给付, inspection 行政检查, confirmation 行政确认, reward 行政奖励, adjudication 行政裁决,
// other 其他.
const std::vector<std::string>& PowerTypes();
// city 市级, district 区(市)级, street 街道(镇)级.
const std::vector<std::string>& Levels();
// The level of a department from its GB/T 2260 division code: 9 digits a street, 6 digits ending
// "00" the city, other 6 digits a district.
std::string LevelOfDivision(const std::string& division_code);
// 0 city, 1 district, 2 street; for "lower than".
int LevelRank(const std::string& level);
// The shape of every catalogue code (base items, entries, licence types): 1 to 64 letters, digits,
// - . or _, as the national catalogue and the demo codes use.
bool IsCatalogueCode(const std::string& code);

// 基本目录事项: the same code and standard elements at every level.
struct BaseItem {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  std::string power_type;
  std::string legal_basis;                // 设定依据
  std::vector<std::string> audience;      // "natural" 个人 / "legal" 法人
  std::vector<std::string> themes;        // 开办企业, 不动产登记, ...
  std::vector<std::string> levels;        // levels that implement it
  std::int64_t entry_count = 0;           // filled by lists
};

// A material 申请材料 and where it may come from instead of the applicant.
struct Material {
  std::string name;
  bool required = true;
  std::string form = "original";          // original | copy | original_and_copy | electronic
  int copies = 1;
  std::string note;
  std::string source = "applicant";       // applicant | licence (an e-licence) | shared (another department's data)
  std::string licence_type_code;          // when source = licence
  std::string shared_from;                // when source = shared
  std::string proof_code;                 // a proof 证明 must be on the retained-proof list 证明事项清单
};

struct Fee {
  std::string name;
  std::string amount;                     // yuan, decimal text ("80.00")
  std::string basis;
};

struct WorkflowStep {
  std::string name;
  std::string role;                       // a role code, resolved in the handling department
  int days = 0;                           // working-day budget
};

// Art. 45 of the licensing law: the time these take does not count toward the limit.
const std::vector<std::string>& StatutorySuspensions();

struct Workflow {
  std::vector<WorkflowStep> steps;
  std::vector<std::string> suspensions;   // StatutorySuspensions() codes or the item's own reasons
};

// The standard elements of one version of an implementation entry.
struct Elements {
  std::string conditions;                 // 申请条件
  std::vector<Material> materials;
  int statutory_limit_days = 0;           // 法定时限 (working days)
  int committed_limit_days = 0;           // 承诺时限 ≤ statutory
  bool immediate = false;                 // 即办件
  std::vector<Fee> fees;                  // empty: 不收费
  int online_depth = 1;                   // 网办深度 1..4
  int visits = 1;                         // 跑动次数: 0 零跑腿, 1 最多跑一次, 2 more
  std::string window_category;            // market_access | construction | social_affairs
  std::string service_address;
  std::string service_hours;
  std::string consult_phone;
  nlohmann::json form_schema = nlohmann::json::object();  // JSON Schema draft-07
  Workflow workflow;
  nlohmann::json instant_rules;           // JSON Logic (秒批) or null
  bool promise_eligible = false;          // 告知承诺制 allowed
  std::string issues_licence_type;        // licence type code the item issues, "" when none
};

struct Version {
  std::int64_t entry_id = 0;
  int version_no = 0;
  std::string state;                      // draft | published | superseded | withdrawn
  Elements elements;
  time::Instant created_at;
  std::string created_by;
  std::optional<time::Instant> published_at;
  std::optional<time::Instant> withdrawn_at;
};

// 实施清单事项: a base item as one department implements it.
struct Entry {
  std::int64_t id = 0;
  std::string code;
  std::int64_t base_item_id = 0;
  std::int64_t department_id = 0;
  std::string division_code;
  std::string level;
  std::string status;                     // active | cancelled | delegated
  std::string handled_since;              // YYYY-MM-DD
  std::optional<std::string> ended_on;
  std::optional<std::int64_t> origin_entry_id;
  std::optional<int> published_version_no;
  int latest_version_no = 0;
  int row_version = 1;
  time::Instant created_at;
  time::Instant updated_at;
};

// A row of the admin list: the entry with its base item and its latest version's figures.
struct EntrySummary {
  Entry entry;
  std::string base_code;
  std::string name;
  std::string power_type;
  std::string latest_state;
  int committed_limit_days = 0;
  int statutory_limit_days = 0;
};

// 动态调整: a dated change of an entry.
struct Change {
  std::int64_t id = 0;
  std::int64_t entry_id = 0;
  std::string kind;                       // created | published | withdrawn | cancelled | delegated | taken_over
  std::string effective_on;
  time::Instant at;
  std::string actor;
  std::optional<int> version_no;
  std::optional<std::int64_t> from_department_id;
  std::optional<std::int64_t> to_department_id;
  std::optional<std::int64_t> related_entry_id;
  std::string note;
  // For lists across entries.
  std::string entry_code;
  std::string entry_name;
};

// 证照目录: a licence type the e-licence module issues.
struct LicenceType {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  std::int64_t issuing_department_id = 0;
  std::string holder_type;                // natural | legal | both
  std::optional<int> validity_years;      // nullopt: 长期有效
  nlohmann::json fields_schema = nlohmann::json::object();
  std::string status = "active";
};

// One published entry as the public sees it in lists (the catalog_public read model).
struct PublicItem {
  std::int64_t entry_id = 0;
  std::string code;
  std::string name;
  std::int64_t department_id = 0;
  std::string power_type;
  std::string level;
  std::vector<std::string> audience;
  std::vector<std::string> themes;
  int committed_limit_days = 0;
  int statutory_limit_days = 0;
  bool immediate = false;
  int visits = 0;
  int online_depth = 0;
  std::string snippet;
};

}  // namespace tongban::catalog
