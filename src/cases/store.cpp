#include "cases/store.hpp"

#include <fmt/format.h>

#include "cases/store_util.hpp"
#include "platform/db/list_sql.hpp"

namespace tongban::cases::store {
namespace {

constexpr const char* kCaseColumns =
    "c.id, c.number, c.parent_id, c.entry_id, c.version_no, c.item_code, c.item_name, c.department_id, "
    "c.hall_id, c.applicant_id, c.helper_user_id, c.created_by, c.channel, c.state, c.step_index, c.step_role, "
    "c.form, c.version, c.received_on, c.deficiency, c.pending_refusal, c.extension, c.suspension, c.delivery, "
    "c.decision, c.created_at, c.submitted_at, c.accepted_at, c.decided_at, c.closed_at, c.updated_at";
constexpr int kCaseColumnCount = 31;

Case CaseFrom(const db::Row& r, int o = 0) {
  Case c;
  c.id = r.Int(o + 0);
  c.number = r.Text(o + 1);
  c.parent_id = r.OptInt(o + 2);
  c.entry_id = r.Int(o + 3);
  c.version_no = static_cast<int>(r.Int(o + 4));
  c.item_code = r.Text(o + 5);
  c.item_name = r.Text(o + 6);
  c.department_id = r.Int(o + 7);
  c.hall_id = r.OptInt(o + 8);
  c.applicant_id = r.Int(o + 9);
  c.helper_user_id = r.OptInt(o + 10);
  c.created_by = r.OptInt(o + 11);
  c.channel = r.Text(o + 12);
  c.state = ParseState(r.Text(o + 13)).value_or(State::kDraft);
  c.step_index = static_cast<int>(r.Int(o + 14));
  c.step_role = r.Text(o + 15);
  c.form = JsonColumn(r, o + 16);
  c.version = static_cast<int>(r.Int(o + 17));
  c.received_on = r.OptText(o + 18);
  c.deficiency = JsonColumn(r, o + 19);
  c.pending_refusal = JsonColumn(r, o + 20);
  c.extension = JsonColumn(r, o + 21);
  c.suspension = JsonColumn(r, o + 22);
  c.delivery = JsonColumn(r, o + 23);
  c.decision = JsonColumn(r, o + 24);
  c.created_at = time::FromMicros(r.Int(o + 25));
  c.submitted_at = OptInstant(r, o + 26);
  c.accepted_at = OptInstant(r, o + 27);
  c.decided_at = OptInstant(r, o + 28);
  c.closed_at = OptInstant(r, o + 29);
  c.updated_at = time::FromMicros(r.Int(o + 30));
  return c;
}

}  // namespace

std::int64_t NextSequence(db::Tx& tx, const std::string& division_code, const std::string& day) {
  // One statement on both engines (SQLite ≥ 3.35 and PostgreSQL both have upsert with RETURNING);
  // the row lock it takes orders concurrent creators.
  return tx
      .QueryOne("INSERT INTO case_counters (division_code, day, last_seq) VALUES (?, ?, 1) "
                "ON CONFLICT (division_code, day) DO UPDATE SET last_seq = case_counters.last_seq + 1 "
                "RETURNING last_seq",
                {division_code, day})
      ->Int(0);
}

std::int64_t InsertCase(db::Tx& tx, const Case& c) {
  db::Params p;
  p.emplace_back(c.number);
  p.emplace_back(c.parent_id);
  p.emplace_back(c.entry_id);
  p.emplace_back(c.version_no);
  p.emplace_back(c.item_code);
  p.emplace_back(c.item_name);
  p.emplace_back(c.department_id);
  p.emplace_back(c.hall_id);
  p.emplace_back(c.applicant_id);
  p.emplace_back(c.helper_user_id);
  p.emplace_back(c.created_by);
  p.emplace_back(c.channel);
  p.emplace_back(ToString(c.state));
  p.emplace_back(c.step_index);
  p.emplace_back(c.step_role);
  p.emplace_back(c.form.dump());
  p.emplace_back(c.received_on);
  p.emplace_back(time::ToMicros(c.created_at));
  p.emplace_back(OptMicros(c.submitted_at));
  p.emplace_back(time::ToMicros(c.updated_at));
  return tx.InsertReturningId(
      "INSERT INTO cases (number, parent_id, entry_id, version_no, item_code, item_name, department_id, hall_id, "
      "applicant_id, helper_user_id, created_by, channel, state, step_index, step_role, form, received_on, "
      "created_at, submitted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      p);
}

std::optional<Case> FindCase(db::Tx& tx, std::int64_t id, bool for_update) {
  std::string sql = std::string("SELECT ") + kCaseColumns + " FROM cases c WHERE c.id = ?";
  if (for_update && tx.dialect() == db::Dialect::kPostgres) sql += " FOR UPDATE";
  auto row = tx.QueryOne(sql, {id});
  if (!row) return std::nullopt;
  return CaseFrom(*row);
}

std::optional<Case> FindCaseByNumber(db::Tx& tx, const std::string& number) {
  auto row = tx.QueryOne(std::string("SELECT ") + kCaseColumns + " FROM cases c WHERE c.number = ?", {number});
  if (!row) return std::nullopt;
  return CaseFrom(*row);
}

void UpdateCase(db::Tx& tx, const Case& c, int expected_version) {
  db::Params p;
  p.emplace_back(ToString(c.state));
  p.emplace_back(c.step_index);
  p.emplace_back(c.step_role);
  p.emplace_back(c.form.dump());
  p.emplace_back(c.received_on);
  p.emplace_back(JsonText(c.deficiency));
  p.emplace_back(JsonText(c.pending_refusal));
  p.emplace_back(JsonText(c.extension));
  p.emplace_back(JsonText(c.suspension));
  p.emplace_back(JsonText(c.delivery));
  p.emplace_back(JsonText(c.decision));
  p.emplace_back(OptMicros(c.submitted_at));
  p.emplace_back(OptMicros(c.accepted_at));
  p.emplace_back(OptMicros(c.decided_at));
  p.emplace_back(OptMicros(c.closed_at));
  p.emplace_back(time::ToMicros(c.updated_at));
  p.emplace_back(c.helper_user_id);
  p.emplace_back(c.id);
  p.emplace_back(expected_version);
  tx.ExecConditional(
      "UPDATE cases SET state = ?, step_index = ?, step_role = ?, form = ?, received_on = ?, deficiency = ?, "
      "pending_refusal = ?, extension = ?, suspension = ?, delivery = ?, decision = ?, submitted_at = ?, "
      "accepted_at = ?, decided_at = ?, closed_at = ?, updated_at = ?, helper_user_id = ?, version = version + 1 "
      "WHERE id = ? AND version = ?",
      p, "cases.stale");
}

std::vector<CaseSummary> ListCases(db::Tx& tx, const CaseFilter& f, const http::Paging& paging,
                                   std::int64_t* total) {
  std::string where = " WHERE 1 = 1";
  db::Params params;
  const std::string scope = f.scope ? IdList(*f.scope) : "";
  if (f.view == "mine") {
    where += " AND (c.applicant_id = ? OR c.helper_user_id = ?)";
    params.emplace_back(f.applicant_id.value_or(-1));
    params.emplace_back(f.user_id);
  } else if (f.view == "queue") {
    // The hall's windows: what waits for acceptance, for the supervisor, or for issue.
    where += fmt::format(" AND c.hall_id IN ({})", f.scope ? scope : std::to_string(f.caller_department_id));
    if (f.states.empty()) where += " AND c.state IN ('submitted', 'refusal_pending', 'approved')";
  } else if (f.view == "inbox") {
    // Steps the caller can take: their role, in the handling department (window steps: their hall).
    std::string roles;
    for (const auto& r : f.caller_roles) {
      roles += roles.empty() ? "?" : ", ?";
      params.emplace_back(r);
    }
    if (roles.empty()) roles = "''";
    where += " AND c.state IN ('in_review', 'suspended') AND c.step_role IN (" + roles + ")";
    where += fmt::format(" AND ((c.step_role = 'window_clerk' AND c.hall_id = {}) OR (c.step_role <> 'window_clerk'{}))",
                         f.caller_department_id, f.scope ? " AND c.department_id IN (" + scope + ")" : "");
  } else if (f.scope) {
    where += " AND (c.department_id IN (" + scope + ") OR c.hall_id IN (" + scope + "))";
  }
  if (!f.states.empty()) {
    where += " AND c.state IN (";
    for (std::size_t i = 0; i < f.states.size(); ++i) {
      where += i ? ", ?" : "?";
      params.emplace_back(f.states[i]);
    }
    where += ")";
  }
  if (f.department_id) {
    where += " AND c.department_id = ?";
    params.emplace_back(*f.department_id);
  }
  if (f.parent_id) {
    where += " AND c.parent_id = ?";
    params.emplace_back(*f.parent_id);
  }
  if (!f.q.empty()) {
    where += " AND (c.number LIKE ? ESCAPE '\\' OR c.item_name LIKE ? ESCAPE '\\' OR a.name LIKE ? ESCAPE '\\')";
    const auto like = db::LikeContains(f.q);
    params.emplace_back(like);
    params.emplace_back(like);
    params.emplace_back(like);
  }
  if (f.colour == "red") {
    where += " AND k.due_on < ?";
    params.emplace_back(f.today);
  } else if (f.colour == "yellow") {
    where += " AND k.due_on >= ? AND k.due_on <= ?";
    params.emplace_back(f.today);
    params.emplace_back(f.warn_until);
  } else if (f.colour == "green") {
    where += " AND k.due_on > ?";
    params.emplace_back(f.warn_until);
  }
  // The clock that matters to a list: the acceptance, decision or delivery clock not yet stopped.
  const std::string from =
      " FROM cases c JOIN applicants a ON a.id = c.applicant_id JOIN departments d ON d.id = c.department_id"
      " LEFT JOIN case_clocks k ON k.case_id = c.id AND k.state <> 'stopped'"
      " AND k.kind IN ('acceptance', 'decision', 'delivery')";
  *total = tx.QueryOne("SELECT COUNT(*)" + from + where, params)->Int(0);
  const std::string order = db::OrderAndPage(
      paging,
      {{"number", "c.number"}, {"created_at", "c.created_at"}, {"updated_at", "c.updated_at"}, {"due_on", "k.due_on"},
       {"state", "c.state"}},
      "c.id DESC");
  std::vector<CaseSummary> out;
  for (const auto& r : tx.Query(std::string("SELECT ") + kCaseColumns + ", a.name, d.name, " + kClockColumns +
                                    from + where + order,
                                params)
                           .rows) {
    CaseSummary s;
    s.c = CaseFrom(r);
    s.applicant_name = r.Text(kCaseColumnCount);
    s.department_name = r.Text(kCaseColumnCount + 1);
    if (!r.IsNull(kCaseColumnCount + 2)) s.clock = ClockFrom(r, kCaseColumnCount + 2);
    out.push_back(std::move(s));
  }
  return out;
}

// ---- materials ---------------------------------------------------------------------------------
void InsertMaterials(db::Tx& tx, std::int64_t case_id, const std::vector<CaseMaterial>& materials) {
  for (const auto& m : materials)
    tx.Exec("INSERT INTO case_materials (case_id, idx, name, required, source, status, reason, deficiency) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            {case_id, m.index, m.name, m.required, m.source, m.status, m.reason, m.deficiency});
}

std::vector<CaseMaterial> Materials(db::Tx& tx, std::int64_t case_id) {
  std::vector<CaseMaterial> out;
  for (const auto& r : tx.Query("SELECT idx, name, required, source, status, reason, deficiency FROM case_materials "
                                "WHERE case_id = ? ORDER BY idx",
                                {case_id})
                           .rows) {
    CaseMaterial m;
    m.index = static_cast<int>(r.Int(0));
    m.name = r.Text(1);
    m.required = r.Bool(2);
    m.source = r.Text(3);
    m.status = r.Text(4);
    m.reason = r.Text(5);
    m.deficiency = r.Bool(6);
    out.push_back(std::move(m));
  }
  for (const auto& r : tx.Query("SELECT idx, version, sha256, size, media_type, file_name, uploaded_at, uploaded_by "
                                "FROM case_material_files WHERE case_id = ? ORDER BY idx, version",
                                {case_id})
                           .rows) {
    const auto idx = static_cast<std::size_t>(r.Int(0));
    if (idx >= out.size()) continue;
    out[idx].versions.push_back({static_cast<int>(r.Int(1)), r.Text(2), r.Int(3), r.Text(4), r.Text(5),
                                 time::FromMicros(r.Int(6)), r.Text(7)});
  }
  return out;
}

void UpdateMaterial(db::Tx& tx, std::int64_t case_id, const CaseMaterial& m) {
  tx.Exec("UPDATE case_materials SET status = ?, reason = ?, deficiency = ? WHERE case_id = ? AND idx = ?",
          {m.status, m.reason, m.deficiency, case_id, m.index});
}

int AddMaterialFile(db::Tx& tx, std::int64_t case_id, int index, const CaseMaterial::File& f) {
  const auto next = tx.QueryOne("SELECT COALESCE(MAX(version), 0) + 1 FROM case_material_files WHERE case_id = ? AND idx = ?",
                                {case_id, index})
                        ->Int(0);
  tx.Exec("INSERT INTO case_material_files (case_id, idx, version, sha256, size, media_type, file_name, uploaded_at, "
          "uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {case_id, index, next, f.sha256, f.size, f.media_type, f.file_name, time::ToMicros(f.uploaded_at),
           f.uploaded_by});
  return static_cast<int>(next);
}

// ---- history -----------------------------------------------------------------------------------
void InsertEvent(db::Tx& tx, std::int64_t case_id, const Event& e) {
  db::Params p;
  p.emplace_back(case_id);
  p.emplace_back(time::ToMicros(e.at));
  p.emplace_back(e.action);
  p.emplace_back(e.from_state);
  p.emplace_back(e.to_state);
  p.emplace_back(e.step_name);
  p.emplace_back(e.actor_user_id);
  p.emplace_back(e.actor_name);
  p.emplace_back(e.on_behalf_of);
  p.emplace_back(e.reason);
  p.emplace_back(e.detail.dump());
  tx.Exec("INSERT INTO case_events (case_id, at, action, from_state, to_state, step_name, actor_user_id, actor_name, "
          "on_behalf_of, reason, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          p);
}

std::vector<Event> Events(db::Tx& tx, std::int64_t case_id) {
  std::vector<Event> out;
  for (const auto& r : tx.Query("SELECT id, at, action, from_state, to_state, step_name, actor_user_id, actor_name, "
                                "on_behalf_of, reason, detail FROM case_events WHERE case_id = ? ORDER BY id",
                                {case_id})
                           .rows) {
    Event e;
    e.id = r.Int(0);
    e.at = time::FromMicros(r.Int(1));
    e.action = r.Text(2);
    e.from_state = r.Text(3);
    e.to_state = r.Text(4);
    e.step_name = r.Text(5);
    e.actor_user_id = r.OptInt(6);
    e.actor_name = r.Text(7);
    e.on_behalf_of = r.OptText(8);
    e.reason = r.Text(9);
    e.detail = JsonColumn(r, 10);
    out.push_back(std::move(e));
  }
  return out;
}

// ---- documents ---------------------------------------------------------------------------------
namespace {
constexpr const char* kDocumentColumns =
    "SELECT id, case_id, kind, code, title, content, content_sha256, pdf_sha256, issued_at FROM case_documents ";
Document DocumentFrom(const db::Row& r) {
  return {r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), JsonColumn(r, 5), r.Text(6), r.OptText(7),
          time::FromMicros(r.Int(8))};
}
}  // namespace

std::int64_t InsertDocument(db::Tx& tx, const Document& d) {
  return tx.InsertReturningId(
      "INSERT INTO case_documents (case_id, kind, code, title, content, content_sha256, issued_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {d.case_id, d.kind, d.code, d.title, d.content.dump(), d.content_sha256, time::ToMicros(d.issued_at)});
}

std::vector<Document> Documents(db::Tx& tx, std::int64_t case_id) {
  std::vector<Document> out;
  for (const auto& r : tx.Query(std::string(kDocumentColumns) + "WHERE case_id = ? ORDER BY id", {case_id}).rows)
    out.push_back(DocumentFrom(r));
  return out;
}

std::optional<Document> FindDocument(db::Tx& tx, std::int64_t id) {
  auto r = tx.QueryOne(std::string(kDocumentColumns) + "WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return DocumentFrom(*r);
}

std::optional<Document> FindDocumentByCode(db::Tx& tx, const std::string& code) {
  auto r = tx.QueryOne(std::string(kDocumentColumns) + "WHERE code = ?", {code});
  if (!r) return std::nullopt;
  return DocumentFrom(*r);
}

void SetDocumentPdf(db::Tx& tx, std::int64_t id, const std::string& pdf_sha256) {
  tx.Exec("UPDATE case_documents SET pdf_sha256 = ? WHERE id = ? AND pdf_sha256 IS NULL", {pdf_sha256, id});
}

// ---- assistants --------------------------------------------------------------------------------
namespace {
constexpr const char* kAssistantColumns =
    "SELECT s.id, s.applicant_id, s.helper_user_id, u.display_name, a.name, s.note, s.granted_at, s.expires_on, "
    "s.revoked_at FROM case_assistants s JOIN users u ON u.id = s.helper_user_id "
    "JOIN applicants a ON a.id = s.applicant_id ";
Assistant AssistantFrom(const db::Row& r) {
  return {r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.Text(4), r.Text(5), time::FromMicros(r.Int(6)), r.Text(7),
          OptInstant(r, 8)};
}
}  // namespace

std::int64_t InsertAssistant(db::Tx& tx, const Assistant& a) {
  return tx.InsertReturningId(
      "INSERT INTO case_assistants (applicant_id, helper_user_id, note, granted_at, expires_on) VALUES (?, ?, ?, ?, ?) "
      "RETURNING id",
      {a.applicant_id, a.helper_user_id, a.note, time::ToMicros(a.granted_at), a.expires_on});
}

std::vector<Assistant> Assistants(db::Tx& tx, std::optional<std::int64_t> applicant_id,
                                  std::optional<std::int64_t> helper_user_id) {
  std::string where = "WHERE 1 = 1";
  db::Params params;
  if (applicant_id) where += " AND s.applicant_id = ?", params.emplace_back(*applicant_id);
  if (helper_user_id) where += " AND s.helper_user_id = ?", params.emplace_back(*helper_user_id);
  std::vector<Assistant> out;
  for (const auto& r : tx.Query(std::string(kAssistantColumns) + where + " ORDER BY s.id DESC", params).rows)
    out.push_back(AssistantFrom(r));
  return out;
}

std::optional<Assistant> FindAssistant(db::Tx& tx, std::int64_t id) {
  auto r = tx.QueryOne(std::string(kAssistantColumns) + "WHERE s.id = ?", {id});
  if (!r) return std::nullopt;
  return AssistantFrom(*r);
}

void RevokeAssistant(db::Tx& tx, std::int64_t id, time::Instant at) {
  tx.Exec("UPDATE case_assistants SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", {time::ToMicros(at), id});
}

bool HasConsent(db::Tx& tx, std::int64_t applicant_id, std::int64_t helper_user_id, const std::string& today) {
  return tx.QueryOne("SELECT COUNT(*) FROM case_assistants WHERE applicant_id = ? AND helper_user_id = ? "
                     "AND revoked_at IS NULL AND expires_on >= ?",
                     {applicant_id, helper_user_id, today})
             ->Int(0) > 0;
}

}  // namespace tongban::cases::store
