// The catalogue's demo step: the lists, licence types, base items and implementation entries of
// data/demo/catalog.json, loaded through the catalogue's own services (so the demo obeys every
// rule a user does), then a few dated adjustments (下放, 取消) so "which items does this street
// handle, since when" has an answer.
#include <fstream>
#include <sstream>

#include "catalog/elements_json.hpp"
#include "catalog/lists/service.hpp"
#include "catalog/service.hpp"
#include "demo/demo.hpp"

namespace tongban::demo {
namespace {

nlohmann::json ReadCatalogFile(const std::string& data_dir) {
  const std::string path = data_dir + "/demo/catalog.json";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("demo: cannot read " + path + " (set TONGBAN_DATA_DIR to the project's data/)");
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

std::int64_t Department(const DemoContext& ctx, const std::string& key) {
  auto it = ctx.departments.find(key);
  if (it == ctx.departments.end()) throw std::runtime_error("demo catalogue: unknown department key " + key);
  return it->second;
}

// Publication dates spread over the last year and a half, so the statistics have a history.
std::string DaysAgo(const DemoContext& ctx, std::int64_t days) { return ctx.as_of.AddDays(-days).ToString(); }

void LoadLists(DemoContext& ctx, const nlohmann::json& lists) {
  for (const auto& [kind, rows] : lists.items())
    catalog::lists::LoadDemoRows(ctx.tx, ctx.now, ctx.actor, kind, rows, ctx.app.divisions.get());
}

void LoadLicenceTypes(DemoContext& ctx, const nlohmann::json& types) {
  for (const auto& t : types) {
    catalog::LicenceType type;
    type.code = t.at("code");
    type.name = t.at("name");
    type.issuing_department_id = Department(ctx, t.at("issuer"));
    type.holder_type = t.at("holder_type");
    if (t.contains("validity_years") && !t["validity_years"].is_null()) type.validity_years = t["validity_years"].get<int>();
    type.fields_schema = t.at("fields_schema");
    catalog::CreateLicenceType(ctx.tx, ctx.now, ctx.actor, type);
  }
}

std::map<std::string, std::int64_t> LoadBaseItems(DemoContext& ctx, const nlohmann::json& items) {
  std::map<std::string, std::int64_t> ids;
  for (const auto& b : items) {
    http::BodyReader in(b);
    catalog::BaseItem item;
    item.code = in.String("code", 1, 64);
    item.name = in.String("name", 1, 200);
    item.power_type = in.String("power_type", 1, 32);
    item.legal_basis = in.String("legal_basis", 1, 4000);
    item.audience = in.StringList("audience", 2);
    item.themes = in.OptStringList("themes", 10).value_or(std::vector<std::string>{});
    item.levels = in.StringList("levels", 3);
    in.Check();
    ids[item.code] = catalog::CreateBaseItem(ctx.tx, ctx.now, ctx.actor, item).id;
  }
  return ids;
}

void LoadEntries(DemoContext& ctx, const nlohmann::json& entries, const std::map<std::string, std::int64_t>& bases) {
  std::int64_t n = 0;
  for (const auto& e : entries) {
    const std::string code = e.at("code");
    catalog::EntryInput input;
    auto base = bases.find(e.at("base"));
    if (base == bases.end()) throw std::runtime_error("demo catalogue: entry " + code + " names an unknown base item");
    input.base_item_id = base->second;
    input.code = code;
    input.department_id = Department(ctx, e.at("department"));
    http::BodyReader in(e.at("elements"), "/elements");
    input.elements = catalog::ReadElements(in);
    try {
      in.Check();
    } catch (const Error& error) {
      throw std::runtime_error("demo catalogue: entry " + code + ": " + error.message_en());
    }
    // Publication dates spread over the past year and a half, each entry created a week before.
    const std::int64_t days_ago = 30 + (n++ * 37) % 520;
    input.created_on = DaysAgo(ctx, days_ago + 7);
    const auto made = catalog::CreateEntry(ctx.tx, ctx.now, ctx.actor, std::nullopt, input);
    if (e.value("published", true))
      catalog::Publish(ctx.tx, ctx.now, ctx.actor, std::nullopt, made.entry.id, DaysAgo(ctx, days_ago));
  }
}

// {"kind": "delegate" | "cancel", "entry": code, "days_ago": N, "reason": "…",
//  for delegate: "department": key, "code": the new entry's code}
void ApplyAdjustments(DemoContext& ctx, const nlohmann::json& adjustments) {
  for (const auto& a : adjustments) {
    const std::string code = a.at("entry");
    const auto found = catalog::store::FindEntryByCode(ctx.tx, code);
    if (!found) throw std::runtime_error("demo catalogue: adjustment names an unknown entry " + code);
    const std::string on = DaysAgo(ctx, a.value("days_ago", 0));
    if (a.at("kind") == "delegate") {
      catalog::DelegateInput input{Department(ctx, a.at("department")), a.at("code"), on, a.at("reason")};
      catalog::Delegate(ctx.tx, ctx.now, ctx.actor, std::nullopt, found->id, input);
    } else {
      catalog::Cancel(ctx.tx, ctx.now, ctx.actor, std::nullopt, found->id, a.at("reason"), on);
    }
  }
}

void BuildCatalog(DemoContext& ctx) {
  const auto data = ReadCatalogFile(ctx.app.data_dir);
  // The proof list first: an item may demand a proof only if it is on it.
  if (data.contains("lists")) LoadLists(ctx, data["lists"]);
  LoadLicenceTypes(ctx, data.at("licence_types"));
  const auto bases = LoadBaseItems(ctx, data.at("base_items"));
  LoadEntries(ctx, data.at("entries"), bases);
  if (data.contains("adjustments")) ApplyAdjustments(ctx, data["adjustments"]);
}

}  // namespace

void AddCatalogStep(Registry& registry) { registry.Add({"catalog.items", BuildCatalog}); }

}  // namespace tongban::demo
