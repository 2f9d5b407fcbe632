#pragma once
// The rules of cases (DOMAIN.md "Cases"; docs/cases.md): applying, the one window, review by the
// item's workflow, clocks, notices. Every call runs in the caller's transaction, records its
// history event and audit record there, and speaks no HTTP. The demo and the benchmarks drive the
// same functions the routes do.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "audit/model.hpp"
#include "cases/model.hpp"
#include "cases/store.hpp"
#include "cases/versions.hpp"
#include "cases/workflow.hpp"
#include "identity/model.hpp"
#include "platform/calendar/working_calendar.hpp"
#include "platform/db/database.hpp"
#include "platform/http/request.hpp"

namespace tongban::files {
class FileStore;
}

namespace tongban::cases {

// What every call needs besides its arguments.
struct Env {
  db::Tx& tx;
  time::Instant now;
  const calendar::WorkingCalendar& calendar;
  files::FileStore& files;
  std::string public_base_url;  // the root of verification links in notices' QR codes
  bool notify_outbound = true;  // false: notices reach the message centre but are not sent (demo history)
  time::Date Today() const;
};

// Who is acting: the principal, its applicant record when it is one, and its data scope.
struct Caller {
  http::Principal principal;
  audit::Actor actor;
  std::optional<identity::Applicant> applicant;
  std::optional<std::set<std::int64_t>> scope;  // visible departments; nullopt = all
  bool IsSystem() const;
  bool HasRole(const std::string& role) const;
};
Caller MakeCaller(db::Tx& tx, const http::Principal& principal, audit::Actor actor);
// The system itself (deadline scan, deemed acceptance).
Caller SystemCaller();

// ---- applying ----------------------------------------------------------------------------------
struct NewCase {
  std::string item_code;
  nlohmann::json form = nlohmann::json::object();
  std::optional<std::int64_t> applicant_id;  // helper or window clerk applying for someone
  bool submit = false;                       // create and submit at once
  std::optional<std::int64_t> parent_id;     // a bundle's or project's case (issues 8+)
};
// Creates a draft for the item's published version. 404 cases.item_not_found; 403 when the caller
// may not apply for that applicant (no consent); 422 form.invalid when `submit` and the form fails.
Case Create(const Env& env, const Caller& caller, const NewCase& input);
// Replaces the form (draft, supplement_requested). Checked against the schema on submit only, so a
// draft can be saved half-filled.
Case UpdateForm(const Env& env, const Caller& caller, std::int64_t id, const nlohmann::json& form,
                std::optional<int> expected_version);

// ---- materials -----------------------------------------------------------------------------------
inline constexpr std::size_t kMaterialLimitBytes = 10u << 20;  // per file
// Stores a file as the next version of material `index`: PDF, PNG or JPEG by its bytes (413 above
// the limit, 415 cases.file_type otherwise). Allowed while the applicant side may still change
// materials (draft, supplement_requested), and for a 容缺 material until it is checked.
CaseMaterial UploadMaterial(const Env& env, const Caller& caller, std::int64_t id, int index,
                            const std::string& bytes, const std::string& file_name);
// The bytes and media type of a version (latest when nullopt). 404 when none.
std::pair<std::string, std::string> MaterialFile(const Env& env, const Caller& caller, std::int64_t id, int index,
                                                 std::optional<int> version);
// A clerk or reviewer marks a material ok or faulty (with a reason).
CaseMaterial CheckMaterial(const Env& env, const Caller& caller, std::int64_t id, int index,
                           const std::string& status, const std::string& reason);

// ---- actions (docs/cases.md "States and actions") ----------------------------------------------
struct MaterialMark {
  int index = 0;
  std::string status;  // missing | faulty
  std::string reason;
};
struct ActionInput {
  std::optional<int> expected_version;
  std::string reason, legal_basis, note, opinion;
  std::vector<MaterialMark> materials;   // request-supplement
  std::vector<int> deficiency;           // accept-with-deficiency
  std::optional<std::string> promised_on;
  std::string method, tracking_number;   // issue
  std::string reason_code;               // suspend
  int days = 0;                          // suspend
};
// Takes `action` on case `id`. 404 unknown case or action; 403 when the caller may not; 409
// cases.illegal_transition (naming the allowed actions) or cases.stale; 422 with the fields at fault.
Case Act(const Env& env, const Caller& caller, std::int64_t id, const std::string& action, const ActionInput& input);

// ---- reading -----------------------------------------------------------------------------------
struct CaseDetail {
  Case c;
  identity::Applicant applicant;
  std::string department_name, hall_name, helper_name;
  std::shared_ptr<const VersionInfo> info;  // the version applied for: elements, plan, form schema
  std::vector<CaseMaterial> materials;
  std::vector<Clock> clocks;
  std::vector<Event> events;
  std::vector<Document> documents;
  std::vector<std::string> actions;  // what this caller may do now
};
// 404 cases.not_found also when the caller may not see it (no existence leak).
CaseDetail Get(const Env& env, const Caller& caller, std::int64_t id);
std::vector<CaseSummary> List(const Env& env, const Caller& caller, store::CaseFilter filter,
                              const http::Paging& paging, std::int64_t* total);
// The yellow threshold in working days (parameter cases.deadline_yellow_days).
int WarnDays(db::Tx& tx);

// ---- documents ---------------------------------------------------------------------------------
// The PDF of a case's document, rendered on first request and kept (content-addressed).
std::string DocumentPdf(const Env& env, const Caller& caller, std::int64_t case_id, std::int64_t document_id);
struct PublicDocument {
  Document document;
  std::string case_number, item_name, department_name, applicant_masked;
};
// 404 cases.document_not_found.
PublicDocument VerifyDocument(const Env& env, const std::string& code);
// True when `pdf` is exactly the PDF issued under `code` (rendered now if it never was).
bool CheckDocumentPdf(const Env& env, const std::string& code, const std::string& pdf);

// ---- deadlines ---------------------------------------------------------------------------------
struct ScanResult {
  std::int64_t accepted_by_lapse = 0, terminated = 0, resumed = 0, warned = 0, overdue = 0;
};
// The deadline scan (docs/cases.md "Clocks"), as of env.now.
ScanResult ScanDeadlines(const Env& env);
std::vector<store::DeadlineRow> DeadlineStats(const Env& env, const Caller& caller);

// ---- 帮办代办 -------------------------------------------------------------------------------------
// The applicant (caller) authorises `helper_username` until `expires_on`. 404 unknown helper; 422 a
// date in the past or more than a year ahead.
Assistant GrantAssistant(const Env& env, const Caller& caller, const std::string& helper_username,
                         const std::string& expires_on, const std::string& note);
std::vector<Assistant> ListAssistants(const Env& env, const Caller& caller);
void RevokeAssistant(const Env& env, const Caller& caller, std::int64_t id);

}  // namespace tongban::cases
