// Typed entries, reading, and the questions other modules ask (service.hpp). Imports, exports and
// the demo rows are in import.cpp.
#include "catalog/lists/service.hpp"

#include <fmt/format.h>

#include "audit/service.hpp"
#include "catalog/lists/checker.hpp"
#include "catalog/lists/departments.hpp"
#include "catalog/lists/entry_keys.hpp"
#include "catalog/lists/store.hpp"
#include "platform/errors/error.hpp"

namespace tongban::catalog::lists {
namespace {

Error NotFound(const KindDef& kind, std::int64_t id) {
  return Error::NotFound("catalog.list.entry_not_found", fmt::format("{}中没有编号为 {} 的条目", kind.name_zh, id),
                         fmt::format("The {} has no entry {}", kind.name_en, id));
}

Error OutOfScope() {
  return Error::Forbidden("catalog.list.out_of_scope", "该条目的部门不在您的管理范围内",
                          "The entry's department is outside your scope");
}

// Typed input: the checker's problems as one 422 (403 when the department is out of scope).
void ThrowIfInvalid(const CheckedRow& row) {
  if (row.errors.empty()) return;
  for (const auto& p : row.errors)
    if (p.code == "out_of_scope") throw Error::Forbidden("catalog.list.out_of_scope", p.message_zh, p.message_en);
  std::vector<FieldError> errors;
  for (const auto& p : row.errors) errors.push_back({"/fields/" + p.column, p.code, p.message_zh, p.message_en});
  throw Error::Unprocessable("catalog.list.invalid", "清单条目有误：" + row.errors.front().message_zh,
                             "The list entry is invalid: " + row.errors.front().message_en, std::move(errors));
}

// A typed entry may not repeat another's code or (matter, division): 409, naming the field.
void RefuseDuplicate(db::Tx& tx, const KindDef& kind, const Entry& entry) {
  auto conflict = [](const std::string& pointer, const std::string& zh, const std::string& en) {
    Error e = Error::Conflict("catalog.list.duplicate", zh, en);
    e.WithFieldErrors({{pointer, "duplicate", zh, en}});
    return e;
  };
  if (entry.code)
    if (const auto other = ListStore::FindCode(tx, kind.kind, *entry.code); other && *other != entry.id)
      throw conflict("/fields/" + kind.code_column, fmt::format("{}中已有编码 {}", kind.name_zh, *entry.code),
                     fmt::format("The {} already has code {}", kind.name_en, *entry.code));
  if (entry.matter && entry.division_code)
    if (const auto other = ListStore::FindPlace(tx, kind.kind, *entry.matter, *entry.division_code);
        other && *other != entry.id)
      throw conflict("/fields/" + kind.matter_column,
                     fmt::format("行政区划 {} 已有事项“{}”的责任条目", *entry.division_code, *entry.matter),
                     fmt::format("Division {} already has an entry for \"{}\"", *entry.division_code, *entry.matter));
}

nlohmann::json FieldsJson(const Fields& fields) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : fields) j[k] = v;
  return j;
}

// The parents FindResponsible falls back to, most specific first (service.hpp).
std::vector<std::string> PlaceChain(const std::string& code) {
  std::vector<std::string> chain{code};
  const auto add = [&chain](std::string c) {
    if (chain.back() != c) chain.push_back(std::move(c));
  };
  if (code.size() == 9) add(code.substr(0, 6));
  add(code.substr(0, 4) + "00");
  return chain;
}

}  // namespace

const KindDef& RequireKind(std::string_view kind) {
  if (const auto* def = FindKind(kind)) return *def;
  throw Error::NotFound("catalog.list.unknown_kind", fmt::format("没有“{}”这种清单", kind),
                        fmt::format("There is no list of kind \"{}\"", kind));
}

std::vector<Entry> ListEntries(db::Tx& tx, const EntryFilter& filter, const http::Paging& paging, std::int64_t* total) {
  const KindDef& kind = RequireKind(filter.kind);
  auto entries = ListStore::List(tx, filter, &paging, total);
  const Departments departments(tx);
  for (auto& e : entries) FillDepartmentNames(kind, e, departments);
  return entries;
}

Entry GetEntry(db::Tx& tx, std::string_view kind_name, std::int64_t id) {
  const KindDef& kind = RequireKind(kind_name);
  auto entry = ListStore::Find(tx, kind.kind, id);
  if (!entry) throw NotFound(kind, id);
  FillDepartmentNames(kind, *entry, Departments(tx));
  return *entry;
}

Entry CreateEntry(db::Tx& tx, time::Instant now, const audit::Actor& actor, const codes::DivisionTable* divisions,
                  const Scope& scope, std::string_view kind_name, const Fields& fields) {
  const KindDef& kind = RequireKind(kind_name);
  const Departments departments(tx);
  const auto checked = RowChecker(kind, departments, divisions, scope, Source::kTyped).Check(fields, 0);
  ThrowIfInvalid(checked);
  Entry entry;
  entry.fields = checked.fields;
  DeriveKeys(kind, entry);
  RefuseDuplicate(tx, kind, entry);
  entry.created_at = entry.updated_at = now;
  entry.created_by = entry.updated_by = actor.name;
  entry.id = ListStore::Insert(tx, entry, SearchText(kind, entry, departments));
  audit::Append(tx, now, actor, "catalog.list.create", "list_entry", std::to_string(entry.id),
                {{"kind", kind.kind}, {"fields", FieldsJson(entry.fields)}});
  FillDepartmentNames(kind, entry, departments);
  return entry;
}

Entry UpdateEntry(db::Tx& tx, time::Instant now, const audit::Actor& actor, const codes::DivisionTable* divisions,
                  const Scope& scope, std::string_view kind_name, std::int64_t id, const Fields& fields) {
  const KindDef& kind = RequireKind(kind_name);
  auto before = ListStore::Find(tx, kind.kind, id);
  if (!before) throw NotFound(kind, id);
  if (scope && before->department_id && !scope->count(*before->department_id)) throw OutOfScope();
  const Departments departments(tx);
  const auto checked = RowChecker(kind, departments, divisions, scope, Source::kTyped).Check(fields, 0);
  ThrowIfInvalid(checked);
  Entry entry = *before;
  entry.fields = checked.fields;
  DeriveKeys(kind, entry);
  RefuseDuplicate(tx, kind, entry);
  entry.needs_review = false;  // a person has now typed (or confirmed) every value
  entry.review_note.clear();
  entry.updated_at = now;
  entry.updated_by = actor.name;
  if (!ListStore::Update(tx, entry, SearchText(kind, entry, departments))) throw NotFound(kind, id);
  nlohmann::json change = {
      {"kind", kind.kind}, {"before", FieldsJson(before->fields)}, {"after", FieldsJson(entry.fields)}};
  if (before->needs_review) change["review_cleared"] = before->review_note;
  audit::Append(tx, now, actor, "catalog.list.update", "list_entry", std::to_string(id), change);
  FillDepartmentNames(kind, entry, departments);
  return entry;
}

void DeleteEntry(db::Tx& tx, time::Instant now, const audit::Actor& actor, const Scope& scope,
                 std::string_view kind_name, std::int64_t id) {
  const KindDef& kind = RequireKind(kind_name);
  const auto before = ListStore::Find(tx, kind.kind, id);
  if (!before) throw NotFound(kind, id);
  if (scope && before->department_id && !scope->count(*before->department_id)) throw OutOfScope();
  if (!ListStore::Delete(tx, kind.kind, id)) throw NotFound(kind, id);
  audit::Append(tx, now, actor, "catalog.list.delete", "list_entry", std::to_string(id),
                {{"kind", kind.kind}, {"fields", FieldsJson(before->fields)}});
}

bool IsOnList(db::Tx& tx, std::string_view kind, std::string_view code) {
  if (!FindKind(kind)) return false;
  const std::string trimmed = TrimValue(code);
  return !trimmed.empty() && ListStore::FindCode(tx, std::string(kind), trimmed).has_value();
}

std::optional<Responsibility> FindResponsible(db::Tx& tx, std::string_view matter_text, std::string_view division) {
  const std::string matter = TrimValue(matter_text);
  const std::string code = TrimValue(division);
  if (matter.empty() || (code.size() != 6 && code.size() != 9) ||
      code.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  const auto chain = PlaceChain(code);
  const auto found = ListStore::AtPlaces(tx, "territorial", matter, chain);
  for (const auto& place : chain) {
    for (const auto& e : found) {
      if (e.division_code != place) continue;
      Responsibility r;
      r.entry_id = e.id;
      r.matter = matter;
      r.division_code = code;
      r.matched_division_code = place;
      r.department_id = e.department_id.value_or(0);
      r.department_name = Departments(tx).NameOf(r.department_id);
      const auto field = [&e](const char* key) {
        const auto it = e.fields.find(key);
        return it == e.fields.end() ? std::string() : it->second;
      };
      r.street = field("street");
      r.cooperation = field("cooperation");
      return r;
    }
  }
  return std::nullopt;
}

}  // namespace tongban::catalog::lists
