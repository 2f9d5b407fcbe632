#include "catalog/wire.hpp"

#include "catalog/elements_json.hpp"

namespace tongban::catalog::wire {
namespace {

nlohmann::json OptInt(const std::optional<std::int64_t>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

nlohmann::json Department(std::int64_t id, const DepartmentDirectory& departments) {
  return {{"id", id}, {"name", departments.NameOf(id)}};
}

}  // namespace

nlohmann::json Time(const std::optional<time::Instant>& at) {
  return at ? nlohmann::json(time::FormatRfc3339(*at)) : nlohmann::json();
}

nlohmann::json ToJson(const BaseItem& b) {
  return {{"id", b.id},
          {"code", b.code},
          {"name", b.name},
          {"power_type", b.power_type},
          {"legal_basis", b.legal_basis},
          {"audience", b.audience},
          {"themes", b.themes},
          {"levels", b.levels},
          {"entry_count", b.entry_count}};
}

nlohmann::json ToJson(const LicenceType& t, const DepartmentDirectory& departments) {
  return {{"id", t.id},
          {"code", t.code},
          {"name", t.name},
          {"issuing_department_id", t.issuing_department_id},
          {"issuing_department_name", departments.NameOf(t.issuing_department_id)},
          {"holder_type", t.holder_type},
          {"validity_years", t.validity_years ? nlohmann::json(*t.validity_years) : nlohmann::json()},
          {"fields_schema", t.fields_schema},
          {"status", t.status}};
}

nlohmann::json ToJson(const Version& v, bool with_elements) {
  nlohmann::json j = {{"version_no", v.version_no},       {"state", v.state},
                      {"created_at", Time(v.created_at)}, {"created_by", v.created_by},
                      {"published_at", Time(v.published_at)}, {"withdrawn_at", Time(v.withdrawn_at)}};
  if (with_elements) j["elements"] = ElementsToJson(v.elements);
  return j;
}

nlohmann::json ToJson(const Change& c, const DepartmentDirectory& departments) {
  auto name = [&](const std::optional<std::int64_t>& id) { return id ? departments.NameOf(*id) : std::string(); };
  return {{"id", c.id},
          {"entry_id", c.entry_id},
          {"entry_code", c.entry_code},
          {"entry_name", c.entry_name},
          {"kind", c.kind},
          {"effective_on", c.effective_on},
          {"at", Time(c.at)},
          {"actor", c.actor},
          {"version_no", c.version_no ? nlohmann::json(*c.version_no) : nlohmann::json()},
          {"from_department_name", name(c.from_department_id)},
          {"to_department_name", name(c.to_department_id)},
          {"related_entry_id", OptInt(c.related_entry_id)},
          {"note", c.note}};
}

nlohmann::json ToJson(const EntrySummary& s, const DepartmentDirectory& departments) {
  const Entry& e = s.entry;
  return {{"id", e.id},
          {"code", e.code},
          {"base_item_id", e.base_item_id},
          {"base_code", s.base_code},
          {"name", s.name},
          {"power_type", s.power_type},
          {"department_id", e.department_id},
          {"department_name", departments.NameOf(e.department_id)},
          {"division_code", e.division_code},
          {"level", e.level},
          {"status", e.status},
          {"handled_since", e.handled_since},
          {"ended_on", e.ended_on ? nlohmann::json(*e.ended_on) : nlohmann::json()},
          {"published_version_no", e.published_version_no ? nlohmann::json(*e.published_version_no) : nlohmann::json()},
          {"latest_version_no", e.latest_version_no},
          {"latest_state", s.latest_state},
          {"committed_limit_days", s.committed_limit_days},
          {"statutory_limit_days", s.statutory_limit_days},
          {"updated_at", Time(e.updated_at)}};
}

nlohmann::json ToJson(const EntryDetail& d, const DepartmentDirectory& departments) {
  EntrySummary summary{d.entry, d.base.code, d.base.name, d.base.power_type};
  const auto& latest = d.draft ? d.draft : d.published;
  summary.latest_state = d.versions.empty() ? "" : d.versions.front().state;
  if (latest) {
    summary.committed_limit_days = latest->elements.committed_limit_days;
    summary.statutory_limit_days = latest->elements.statutory_limit_days;
  }
  nlohmann::json j = ToJson(summary, departments);
  j["base_item"] = ToJson(d.base);
  j["origin_entry_id"] = OptInt(d.entry.origin_entry_id);
  j["versions"] = nlohmann::json::array();
  for (const auto& v : d.versions) j["versions"].push_back(ToJson(v, false));
  j["changes"] = nlohmann::json::array();
  for (const auto& c : d.changes) j["changes"].push_back(ToJson(c, departments));
  j["draft"] = d.draft ? ToJson(*d.draft, true) : nlohmann::json();
  j["published"] = d.published ? ToJson(*d.published, true) : nlohmann::json();
  return j;
}

nlohmann::json ToJson(const PublicItem& p, const DepartmentDirectory& departments) {
  return {{"code", p.code},
          {"name", p.name},
          {"department_id", p.department_id},
          {"department_name", departments.NameOf(p.department_id)},
          {"power_type", p.power_type},
          {"level", p.level},
          {"committed_limit_days", p.committed_limit_days},
          {"statutory_limit_days", p.statutory_limit_days},
          {"immediate", p.immediate},
          {"visits", p.visits},
          {"online_depth", p.online_depth},
          {"themes", p.themes},
          {"audience", p.audience},
          {"snippet", p.snippet}};
}

nlohmann::json ToJson(const Guide& g, const DepartmentDirectory& departments) {
  nlohmann::json j = g.elements;
  j["code"] = g.entry.code;
  j["base_code"] = g.base.code;
  j["name"] = g.base.name;
  j["power_type"] = g.base.power_type;
  j["legal_basis"] = g.base.legal_basis;
  j["audience"] = g.base.audience;
  j["themes"] = g.base.themes;
  j["department"] = Department(g.entry.department_id, departments);
  j["level"] = g.entry.level;
  j["division_code"] = g.entry.division_code;
  j["handled_since"] = g.entry.handled_since;
  j["version_no"] = *g.entry.published_version_no;
  j["published_at"] = Time(g.published_at);
  j["licence_type"] = g.licence_type ? nlohmann::json{{"code", g.licence_type->code}, {"name", g.licence_type->name}}
                                     : nlohmann::json();
  return j;
}

BaseItem ReadBaseItem(http::BodyReader& in, bool creating) {
  BaseItem b;
  if (creating) b.code = in.String("code", 1, 64);
  b.name = in.String("name", 1, 200);
  b.power_type = in.Enum("power_type", PowerTypes());
  b.legal_basis = in.String("legal_basis", 1, 4000);
  b.audience = in.StringList("audience", 2);
  b.themes = in.OptStringList("themes", 10).value_or(std::vector<std::string>{});
  b.levels = in.StringList("levels", 3);
  return b;
}

LicenceType ReadLicenceType(http::BodyReader& in, bool creating) {
  LicenceType t;
  if (creating) t.code = in.String("code", 1, 64);
  t.name = in.String("name", 1, 100);
  t.issuing_department_id = in.Int("issuing_department_id", 1, INT64_MAX, 0);
  if (!in.Has("issuing_department_id"))
    in.Fail("issuing_department_id", "required", "发证部门必填", "The issuing department is required");
  t.holder_type = in.Enum("holder_type", {"natural", "legal", "both"});
  if (auto years = in.OptInt("validity_years", 1, 50)) t.validity_years = static_cast<int>(*years);
  t.status = in.OptEnum("status", {"active", "disabled"}).value_or("active");
  if (in.Has("fields_schema") && in.body()["fields_schema"].is_object())
    t.fields_schema = in.body()["fields_schema"];
  else
    in.Fail("fields_schema", "required", "证照字段（JSON Schema 对象）必填", "fields_schema (a JSON Schema object) is required");
  return t;
}

}  // namespace tongban::catalog::wire
