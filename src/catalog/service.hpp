#pragma once
// The catalogue's rules (DOMAIN.md "Catalogue of services and the lists"): base items, their
// implementation entries and versions, dynamic adjustments (cancel, delegate down 下放 / take over
// 承接), licence types, the public guide and search, and statistics. Every write runs in the
// caller's write transaction with its audit record; nothing here speaks HTTP.
//
// Scope: writers pass the departments the caller may act for (identity::VisibleDepartments;
// nullopt = all); an entry outside them is 403 catalog.out_of_scope.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "audit/model.hpp"
#include "catalog/model.hpp"
#include "catalog/store.hpp"
#include "identity/model.hpp"
#include "platform/db/database.hpp"

namespace tongban::catalog {

using Scope = std::optional<std::set<std::int64_t>>;

// Departments by id, read once per request (a city has hundreds, not millions).
class DepartmentDirectory {
 public:
  explicit DepartmentDirectory(db::Tx& tx);
  const identity::Department* Find(std::int64_t id) const;
  std::string NameOf(std::int64_t id) const;  // "" for an unknown id
  const std::vector<identity::Department>& all() const { return all_; }

 private:
  std::vector<identity::Department> all_;
  std::map<std::int64_t, std::size_t> by_id_;
};

// ---- base items --------------------------------------------------------------------------------
// Validates `input` (code, name, power type, audience, levels). 422 input.invalid with field
// errors; 409 catalog.duplicate_code.
BaseItem CreateBaseItem(db::Tx& tx, time::Instant now, const audit::Actor& actor, const BaseItem& input);
// Everything but the code. 404 catalog.base_item_not_found.
BaseItem UpdateBaseItem(db::Tx& tx, time::Instant now, const audit::Actor& actor, std::int64_t id,
                        const BaseItem& input);

// ---- licence types 证照目录 ---------------------------------------------------------------------
// 422 on a bad fields schema (catalog.bad_schema) or unknown department; 409 catalog.duplicate_code.
LicenceType CreateLicenceType(db::Tx& tx, time::Instant now, const audit::Actor& actor, const LicenceType& input);
// 404 catalog.licence_type_not_found.
LicenceType UpdateLicenceType(db::Tx& tx, time::Instant now, const audit::Actor& actor, std::int64_t id,
                              const LicenceType& input);

// ---- implementation entries --------------------------------------------------------------------
struct EntryInput {
  std::int64_t base_item_id = 0;
  std::string code;
  std::int64_t department_id = 0;
  Elements elements;
  // The date the entry is recorded as created (YYYY-MM-DD, not after today; default today): a
  // catalogue loaded from an existing system keeps its history.
  std::optional<std::string> created_on;
};
struct EntryDetail {
  Entry entry;
  BaseItem base;
  std::vector<Version> versions;       // newest first, without elements
  std::vector<Change> changes;         // newest first
  std::optional<Version> draft;
  std::optional<Version> published;
};

// The elements' rules that need the database: licence types exist, proofs are on the retained-proof
// list 证明事项清单, workflow roles exist. Throws 422 catalog.invalid_elements with every problem,
// pointers under `pointer` ("/elements").
void CheckElementsAgainstCatalogue(db::Tx& tx, const Elements& elements, const std::string& pointer);

// Creates the entry and its version 1 as a draft. 404 base item; 422 department unknown or not at a
// level the base item names; 403 out of scope; 409 catalog.duplicate_code.
EntryDetail CreateEntry(db::Tx& tx, time::Instant now, const audit::Actor& actor, const Scope& scope,
                        const EntryInput& input);
// 404 catalog.entry_not_found.
EntryDetail GetEntry(db::Tx& tx, std::int64_t id);
// Replaces the draft's elements; without a draft, makes version N+1 as one (editing a published
// item makes a new version; cases keep theirs). 409 catalog.entry_closed for a cancelled or
// delegated entry.
Version SaveDraft(db::Tx& tx, time::Instant now, const audit::Actor& actor, const Scope& scope, std::int64_t id,
                  const Elements& elements);
// Publishes the draft (the previous published version becomes superseded) dated `effective_on`
// (default today). 409 catalog.no_draft.
EntryDetail Publish(db::Tx& tx, time::Instant now, const audit::Actor& actor, const Scope& scope, std::int64_t id,
                    const std::optional<std::string>& effective_on);
// Takes the published version off the public catalogue. 409 catalog.not_published.
EntryDetail Withdraw(db::Tx& tx, time::Instant now, const audit::Actor& actor, const Scope& scope, std::int64_t id,
                     const std::string& reason);
// 取消: the entry stops being handled from `effective_on`. 409 catalog.entry_closed.
EntryDetail Cancel(db::Tx& tx, time::Instant now, const audit::Actor& actor, const Scope& scope, std::int64_t id,
                   const std::string& reason, const std::optional<std::string>& effective_on);

struct DelegateInput {
  std::int64_t department_id = 0;   // the lower department that takes it over (承接)
  std::string code;                 // the new entry's code
  std::optional<std::string> effective_on;
  std::string reason;
};
// 下放: a published, active entry moves to a department one or more levels lower inside the
// source's division. The source becomes `delegated`; a new entry at the target starts published with
// the source's current elements. Returns the new entry. 422 catalog.bad_delegation_target.
EntryDetail Delegate(db::Tx& tx, time::Instant now, const audit::Actor& actor, const Scope& scope, std::int64_t id,
                     const DelegateInput& input);

// Rebuilds the public read model and the search index from the published versions of active
// entries (`tongban catalog reindex`: after a bulk load or a restore). Returns the entries indexed.
std::int64_t RebuildPublicCatalogue(db::Tx& tx);

// ---- the public catalogue ----------------------------------------------------------------------
struct Guide {
  PublicItem item;
  Entry entry;
  BaseItem base;
  nlohmann::json elements;          // the published version's elements, as stored
  std::optional<time::Instant> published_at;
  std::optional<LicenceType> licence_type;
};
// The service guide 办事指南 of a published entry; 404 catalog.item_not_found otherwise.
Guide GetGuide(db::Tx& tx, const std::string& code);
// Validates `data` against the published form of `code`. 404 as GetGuide; 422 form.invalid with
// every violation.
void ValidateForm(db::Tx& tx, const std::string& code, const nlohmann::json& data);
// Validates `data` against a form schema kept with an entry version (compiled once, cached): the
// cases module checks an application against the version it was made for. 422 form.invalid.
void ValidateAgainstForm(const nlohmann::json& form_schema, const nlohmann::json& data);

// ---- statistics ------------------------------------------------------------------------------
struct Stats {
  std::int64_t entries = 0, base_items = 0;
  std::vector<store::StatRow> by_department, by_level, by_power_type, by_visits, by_online_depth;
  std::vector<std::tuple<std::string, std::string, std::int64_t>> changes_by_month;
};
Stats ComputeStats(db::Tx& tx);

}  // namespace tongban::catalog
