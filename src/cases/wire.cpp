#include "cases/wire.hpp"

#include <fmt/format.h>

#include "cases/clocks.hpp"
#include "cases/lifecycle.hpp"
#include "cases/workflow.hpp"

namespace tongban::cases::wire {
namespace {

nlohmann::json Opt(const std::optional<time::Instant>& t) {
  return t ? nlohmann::json(time::FormatRfc3339(*t)) : nlohmann::json();
}
template <class T>
nlohmann::json Opt(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

nlohmann::json ClockJson(const Clock& k, const calendar::WorkingCalendar& cal, time::Date today, int warn_days) {
  const auto standing = clocks::StandingOf(cal, k, today, warn_days);
  return {{"id", k.id},
          {"kind", k.kind},
          {"parent_id", Opt(k.parent_id)},
          {"started_on", k.started_on},
          {"limit_days", k.limit_days},
          {"statutory_limit_days", k.statutory_days},
          {"extended_days", k.extended_days},
          {"due_on", k.due_on},
          {"statutory_due_on", k.statutory_due_on},
          {"state", k.state},
          {"suspended_days", k.suspended_days},
          {"stopped_on", Opt(k.stopped_on)},
          {"overdue", k.overdue},
          {"days_left", standing.days_left},
          {"colour", standing.colour}};
}

nlohmann::json StateFields(const Case& c) {
  return {{"state", ToString(c.state)}, {"state_zh", StateNameZh(c.state)}, {"state_en", StateNameEn(c.state)}};
}

}  // namespace

nlohmann::json ToJson(const CaseSummary& s, const calendar::WorkingCalendar& cal, time::Date today, int warn_days) {
  const auto& c = s.c;
  nlohmann::json j = {{"id", c.id},
                      {"number", c.number},
                      {"parent_id", Opt(c.parent_id)},
                      {"version", c.version},
                      {"channel", c.channel},
                      {"item", {{"code", c.item_code}, {"name", c.item_name}, {"version_no", c.version_no}}},
                      {"department", {{"id", c.department_id}, {"name", s.department_name}}},
                      {"applicant", {{"id", c.applicant_id}, {"name", s.applicant_name}}},
                      {"step_role", c.step_role},
                      {"created_at", time::FormatRfc3339(c.created_at)},
                      {"submitted_at", Opt(c.submitted_at)},
                      {"updated_at", time::FormatRfc3339(c.updated_at)},
                      {"deadline", s.clock ? ClockJson(*s.clock, cal, today, warn_days) : nlohmann::json()}};
  j.update(StateFields(c));
  return j;
}

nlohmann::json ToJson(const CaseMaterial& m) {
  nlohmann::json versions = nlohmann::json::array();
  for (const auto& v : m.versions)
    versions.push_back({{"version", v.version},
                        {"file_name", v.file_name},
                        {"media_type", v.media_type},
                        {"size", v.size},
                        {"sha256", v.sha256},
                        {"uploaded_at", time::FormatRfc3339(v.uploaded_at)},
                        {"uploaded_by", v.uploaded_by}});
  return {{"index", m.index},   {"name", m.name},     {"required", m.required}, {"source", m.source},
          {"status", m.status}, {"reason", m.reason}, {"deficiency", m.deficiency}, {"versions", versions}};
}

nlohmann::json ToJson(const CaseDetail& d, const calendar::WorkingCalendar& cal, time::Date today, int warn_days) {
  const auto& c = d.c;
  const auto& e = d.info->elements;
  nlohmann::json steps = nlohmann::json::array();
  const auto& plan = d.info->plan;
  for (int i = 0; i < static_cast<int>(plan.steps.size()); ++i)
    steps.push_back({{"index", i}, {"name", plan.At(i).name}, {"role", plan.At(i).role}, {"days", plan.At(i).days},
                     {"kind", plan.KindOf(i)}});
  nlohmann::json step;
  if (c.step_index >= 0 && c.step_index < static_cast<int>(plan.steps.size()))
    step = {{"index", c.step_index}, {"name", plan.At(c.step_index).name}, {"role", plan.At(c.step_index).role},
            {"is_decision", plan.IsDecision(c.step_index)}, {"kind", plan.KindOf(c.step_index)}};
  nlohmann::json materials = nlohmann::json::array(), clocks = nlohmann::json::array(), events = nlohmann::json::array(),
                 documents = nlohmann::json::array();
  for (const auto& m : d.materials) materials.push_back(ToJson(m));
  nlohmann::json deadline;
  for (const auto& k : d.clocks) {
    clocks.push_back(ClockJson(k, cal, today, warn_days));
    if (k.kind != "deficiency" && k.state != "stopped") deadline = clocks.back();
  }
  for (const auto& ev : d.events)
    events.push_back({{"id", ev.id},
                      {"at", time::FormatRfc3339(ev.at)},
                      {"action", ev.action},
                      {"from", ev.from_state},
                      {"to", ev.to_state},
                      {"step", ev.step_name},
                      {"actor", ev.actor_name},
                      {"on_behalf_of", Opt(ev.on_behalf_of)},
                      {"reason", ev.reason},
                      {"detail", ev.detail}});
  for (const auto& doc : d.documents)
    documents.push_back({{"id", doc.id},
                         {"kind", doc.kind},
                         {"title", doc.title},
                         {"code", doc.code},
                         {"issued_at", time::FormatRfc3339(doc.issued_at)}});
  nlohmann::json j = {
      {"id", c.id},
      {"number", c.number},
      {"parent_id", Opt(c.parent_id)},
      {"version", c.version},
      {"channel", c.channel},
      {"item",
       {{"code", c.item_code}, {"name", c.item_name}, {"version_no", c.version_no}, {"immediate", e.value("immediate", false)},
        {"committed_limit_days", e.value("committed_limit_days", 0)},
        {"statutory_limit_days", e.value("statutory_limit_days", 0)}}},
      {"department", {{"id", c.department_id}, {"name", d.department_name}}},
      {"hall", c.hall_id ? nlohmann::json{{"id", *c.hall_id}, {"name", d.hall_name}} : nlohmann::json()},
      {"applicant",
       {{"id", d.applicant.id}, {"name", d.applicant.name}, {"kind", d.applicant.kind},
        {"id_number_masked", d.applicant.id_number_masked}, {"credit_code", Opt(d.applicant.credit_code)}}},
      {"helper", c.helper_user_id ? nlohmann::json{{"id", *c.helper_user_id}, {"name", d.helper_name}} : nlohmann::json()},
      {"form", c.form},
      {"form_schema", e.value("form_schema", nlohmann::json::object())},
      {"step", step},
      {"steps", steps},
      {"suspension_reasons", e.value("workflow", nlohmann::json::object()).value("suspensions", nlohmann::json::array())},
      {"materials", materials},
      {"clocks", clocks},
      {"deadline", deadline},
      {"deficiency", c.deficiency},
      {"pending_refusal", c.pending_refusal},
      {"extension", c.extension},
      {"suspension", c.suspension},
      {"delivery", c.delivery},
      {"decision", c.decision},
      {"documents", documents},
      {"events", events},
      {"actions", d.actions},
      {"created_at", time::FormatRfc3339(c.created_at)},
      {"submitted_at", Opt(c.submitted_at)},
      {"accepted_at", Opt(c.accepted_at)},
      {"decided_at", Opt(c.decided_at)},
      {"closed_at", Opt(c.closed_at)},
  };
  j.update(StateFields(c));
  return j;
}

nlohmann::json ToJson(const Assistant& a) {
  return {{"id", a.id},
          {"applicant_id", a.applicant_id},
          {"applicant_name", a.applicant_name},
          {"helper_user_id", a.helper_user_id},
          {"helper_name", a.helper_name},
          {"note", a.note},
          {"granted_at", time::FormatRfc3339(a.granted_at)},
          {"expires_on", a.expires_on},
          {"revoked_at", Opt(a.revoked_at)}};
}

nlohmann::json ToJson(const PublicDocument& p) {
  return {{"code", p.document.code},
          {"kind", p.document.kind},
          {"title", p.document.title},
          {"number", p.document.content.value("number", "")},
          {"case_number", p.case_number},
          {"item_name", p.item_name},
          {"department", p.department_name},
          {"applicant", p.applicant_masked},
          {"issued_at", time::FormatRfc3339(p.document.issued_at)},
          {"paragraphs", p.document.content.value("paragraphs", nlohmann::json::array())},
          {"list_items", p.document.content.value("list_items", nlohmann::json::array())},
          {"content_sha256", p.document.content_sha256},
          {"pdf_sha256", Opt(p.document.pdf_sha256)}};
}

ActionInput ReadActionInput(http::BodyReader& in) {
  ActionInput a;
  if (auto v = in.OptInt("version", 1, 1'000'000'000)) a.expected_version = static_cast<int>(*v);
  a.reason = in.OptString("reason", 1000).value_or("");
  a.legal_basis = in.OptString("legal_basis", 1000).value_or("");
  a.note = in.OptString("note", 2000).value_or("");
  a.opinion = in.OptString("opinion", 2000).value_or("");
  a.promised_on = in.OptString("promised_on", 10);
  a.method = in.OptString("method", 20).value_or("");
  a.tracking_number = in.OptString("tracking_number", 64).value_or("");
  a.reason_code = in.OptString("reason_code", 64).value_or("");
  a.days = static_cast<int>(in.OptInt("days", -1'000'000, 1'000'000).value_or(0));
  const auto& body = in.body();
  if (body.contains("materials") && !body["materials"].is_null()) {
    const auto& list = body["materials"];
    if (!list.is_array() || list.size() > 200) {
      in.Fail("materials", "type", "materials 应为数组（至多 200 项）", "materials must be an array (at most 200)");
    } else {
      for (std::size_t i = 0; i < list.size(); ++i) {
        const auto pointer = in.pointer() + fmt::format("/materials/{}", i);
        if (list[i].is_number_integer()) {  // accept-with-deficiency lists indexes
          a.deficiency.push_back(list[i].get<int>());
        } else if (list[i].is_object()) {
          http::BodyReader m(list[i], pointer);
          MaterialMark mark;
          mark.index = static_cast<int>(m.Int("index", 0, 1000, -1));
          mark.status = m.Enum("status", {"missing", "faulty"});
          mark.reason = m.OptString("reason", 500).value_or("");
          in.Absorb(m);
          a.materials.push_back(std::move(mark));
        } else {
          in.FailAt(pointer, "type", "应为材料序号或 {index, status, reason}", "must be an index or {index, status, reason}");
        }
      }
    }
  }
  in.Check();
  return a;
}

NewCase ReadNewCase(http::BodyReader& in) {
  NewCase n;
  n.item_code = in.String("item_code", 1, 64);
  if (auto id = in.OptInt("applicant_id", 1, INT64_MAX)) n.applicant_id = *id;
  n.submit = in.Bool("submit", false);
  const auto& body = in.body();
  if (body.contains("form") && !body["form"].is_null()) {
    if (body["form"].is_object()) n.form = body["form"];
    else in.Fail("form", "type", "form 应为对象", "form must be an object");
  }
  in.Check();
  return n;
}

}  // namespace tongban::cases::wire
