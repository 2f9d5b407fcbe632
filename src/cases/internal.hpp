#pragma once
// What the cases service files share (apply.cpp, actions.cpp, queries.cpp, deadlines.cpp,
// notices.cpp). Not part of the module's interface: other modules include service.hpp.
#include <string>
#include <vector>

#include "cases/service.hpp"
#include "cases/versions.hpp"
#include "cases/workflow.hpp"
#include "catalog/model.hpp"

namespace tongban::cases {

// A case with the entry version it was applied for and that version's step plan (shared, parsed
// once per process: versions.hpp).
struct Loaded {
  Case c;
  std::shared_ptr<const VersionInfo> info;
  const catalog::Version& version;
  const nlohmann::json& elements;  // as stored (for the form schema and the guide's wording)
  const StepPlan& plan;
};
// 404 cases.not_found. `for_update` locks the row on PostgreSQL.
Loaded Load(const Env& env, std::int64_t id, bool for_update);
// Load, then 404 unless the caller may see it.
Loaded LoadVisible(const Env& env, const Caller& caller, std::int64_t id, bool for_update);

// Writes `c` where it still has `expected_version` (409 cases.stale otherwise) and bumps c.version.
void Save(const Env& env, Case& c, int expected_version);
// Appends the history event and its audit record. `owner_action`: taken on the applicant's side,
// so a helper's or window clerk's event names the applicant it was taken for.
void Record(const Env& env, const Caller& caller, const Case& c, Event event, bool owner_action = false);

// Starts the review (decision clock from `clock_start`, first review step) after acceptance.
void StartReview(const Env& env, Case& c, const Loaded& loaded, time::Date clock_start);

// The catalogue's name of a suspension reason code, or the code itself.
std::string SuspensionReasonName(const std::string& code);

// Issues a notice of `kind` for `c`, stores it with its verification code and tells the applicant
// (and their helper) through the message centre. `items`: the numbered list it carries (materials
// to supply, ...); `reason` and `legal_basis` where the kind states them.
struct NoticeFacts {
  std::vector<std::string> items;
  std::string reason;
  std::string legal_basis;
  std::string extra;  // one more paragraph (dates, delivery)
};
Document IssueNotice(const Env& env, const Case& c, const std::string& kind, const NoticeFacts& facts);
// A message to the applicant's side without a document (suspension lifted, issued, ...).
void NotifyApplicant(const Env& env, const Case& c, const std::string& kind, const std::string& title,
                     const std::string& body);
// A message to every user of `department_id` holding `role`.
void NotifyStaff(const Env& env, std::int64_t department_id, const std::string& role, const std::string& kind,
                 const std::string& title, const std::string& body, const std::string& link);

// 422 input.invalid with one field error.
[[noreturn]] void FailField(const std::string& pointer, const std::string& code, const std::string& zh,
                            const std::string& en);
int ParamInt(db::Tx& tx, const char* key);

}  // namespace tongban::cases
