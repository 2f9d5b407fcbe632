#pragma once
// The cases module's SQL, and only that: every statement over the case tables lives in
// store.cpp (cases, materials, events, documents, assistants) and clock_store.cpp (clocks,
// suspensions, lapses, the deadline scan). Callers pass their transaction.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cases/model.hpp"
#include "platform/db/database.hpp"
#include "platform/http/paging.hpp"

namespace tongban::cases::store {

// ---- numbers -----------------------------------------------------------------------------------
// The next daily sequence for (division, day), from 1; the counter row is created or bumped in
// `tx`, so concurrent creators (on any server) get distinct numbers.
std::int64_t NextSequence(db::Tx& tx, const std::string& division_code, const std::string& day);

// ---- cases -------------------------------------------------------------------------------------
std::int64_t InsertCase(db::Tx& tx, const Case& c);
// `for_update` locks the row on PostgreSQL (SQLite's write transaction already holds the lock).
std::optional<Case> FindCase(db::Tx& tx, std::int64_t id, bool for_update = false);
std::optional<Case> FindCaseByNumber(db::Tx& tx, const std::string& number);
// Writes every mutable column of `c` where the row still has `expected_version`, setting version
// to expected_version + 1. 409 cases.stale when someone else changed it first.
void UpdateCase(db::Tx& tx, const Case& c, int expected_version);

struct CaseFilter {
  std::string view = "all";                 // mine | queue | inbox | all
  std::optional<std::int64_t> applicant_id;  // mine
  std::int64_t user_id = 0;                  // mine (helped cases), inbox
  std::optional<std::set<std::int64_t>> scope;  // visible departments; nullopt = all
  std::int64_t caller_department_id = 0;     // queue (the hall), inbox (window steps)
  std::vector<std::string> caller_roles;     // inbox
  std::vector<std::string> states;
  std::string colour;                        // green | yellow | red
  std::string today, warn_until;             // YYYY-MM-DD, for colour
  std::string q;                             // number or item name or applicant name
  std::optional<std::int64_t> department_id;
  std::optional<std::int64_t> parent_id;
};
std::vector<CaseSummary> ListCases(db::Tx& tx, const CaseFilter& filter, const http::Paging& paging,
                                   std::int64_t* total);

// ---- materials ---------------------------------------------------------------------------------
void InsertMaterials(db::Tx& tx, std::int64_t case_id, const std::vector<CaseMaterial>& materials);
// With their file versions, by index.
std::vector<CaseMaterial> Materials(db::Tx& tx, std::int64_t case_id);
void UpdateMaterial(db::Tx& tx, std::int64_t case_id, const CaseMaterial& m);
// Appends a version and returns its number.
int AddMaterialFile(db::Tx& tx, std::int64_t case_id, int index, const CaseMaterial::File& file);

// ---- history -----------------------------------------------------------------------------------
void InsertEvent(db::Tx& tx, std::int64_t case_id, const Event& e);
std::vector<Event> Events(db::Tx& tx, std::int64_t case_id);

// ---- documents ---------------------------------------------------------------------------------
std::int64_t InsertDocument(db::Tx& tx, const Document& d);
std::vector<Document> Documents(db::Tx& tx, std::int64_t case_id);
std::optional<Document> FindDocument(db::Tx& tx, std::int64_t id);
std::optional<Document> FindDocumentByCode(db::Tx& tx, const std::string& code);
void SetDocumentPdf(db::Tx& tx, std::int64_t id, const std::string& pdf_sha256);

// ---- assistants (帮办代办) ----------------------------------------------------------------------
std::int64_t InsertAssistant(db::Tx& tx, const Assistant& a);
// Consents of an applicant (when set) or given to a helper (when set), newest first.
std::vector<Assistant> Assistants(db::Tx& tx, std::optional<std::int64_t> applicant_id,
                                  std::optional<std::int64_t> helper_user_id);
std::optional<Assistant> FindAssistant(db::Tx& tx, std::int64_t id);
void RevokeAssistant(db::Tx& tx, std::int64_t id, time::Instant at);
// True when `helper_user_id` holds an unrevoked consent of `applicant_id` valid on `today`.
bool HasConsent(db::Tx& tx, std::int64_t applicant_id, std::int64_t helper_user_id, const std::string& today);

// ---- clocks (clock_store.cpp) --------------------------------------------------------------------
std::int64_t InsertClock(db::Tx& tx, const Clock& c);
std::vector<Clock> Clocks(db::Tx& tx, std::int64_t case_id);
void UpdateClock(db::Tx& tx, const Clock& c);
std::int64_t InsertSuspension(db::Tx& tx, const Suspension& s);
std::vector<Suspension> Suspensions(db::Tx& tx, std::int64_t clock_id);
void EndSuspension(db::Tx& tx, std::int64_t id, const std::string& to_on);

// The deadline scan's queries: ids of cases whose clock of `kind` is running and due before
// `today` (acceptance, deficiency), and of suspensions past their planned end.
std::vector<std::int64_t> CasesWithLapsedClock(db::Tx& tx, const std::string& kind, const std::string& today);
std::vector<std::int64_t> CasesWithSuspensionEnded(db::Tx& tx, const std::string& today);
// Marks running decision/delivery clocks due in [today, warn_until] as warned; returns per
// department how many turned yellow now.
std::vector<std::pair<std::int64_t, std::int64_t>> MarkWarned(db::Tx& tx, const std::string& today,
                                                              const std::string& warn_until);
// Records every running clock due before `today` and not yet recorded as a lapse against the
// case's department; returns how many.
std::int64_t RecordOverdue(db::Tx& tx, const std::string& today);
void RecordLapse(db::Tx& tx, const Case& c, const Clock& clock, const std::string& today);

struct DeadlineRow {
  std::int64_t department_id = 0;
  std::string department_name;
  std::int64_t open = 0, yellow = 0, red = 0, lapses = 0;
};
std::vector<DeadlineRow> DeadlineStats(db::Tx& tx, const std::optional<std::set<std::int64_t>>& scope,
                                       const std::string& today, const std::string& warn_until);

}  // namespace tongban::cases::store
