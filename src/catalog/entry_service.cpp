// Implementation entries, their versions and dynamic adjustments (service.hpp).
#include <algorithm>

#include "audit/service.hpp"
#include "catalog/elements_json.hpp"
#include "catalog/lists/service.hpp"
#include "catalog/search_text.hpp"
#include "catalog/service.hpp"
#include "identity/service.hpp"
#include "platform/http/input.hpp"
#include "platform/time/date.hpp"

namespace tongban::catalog {
namespace {

Error EntryNotFound() { return Error::NotFound("catalog.entry_not_found", "实施清单事项不存在", "No such implementation entry"); }

Entry LoadEntry(db::Tx& tx, std::int64_t id) {
  auto entry = store::FindEntry(tx, id);
  if (!entry) throw EntryNotFound();
  return *entry;
}

void CheckScope(const Scope& scope, std::int64_t department_id) {
  if (scope && !scope->count(department_id))
    throw Error::Forbidden("catalog.out_of_scope", "无权管理其他部门的事项", "You may not manage another department's items");
}

void CheckOpen(const Entry& entry) {
  if (entry.status != "active")
    throw Error::Conflict("catalog.entry_closed",
                          entry.status == "cancelled" ? "该事项已取消，不能再修改" : "该事项已下放，不能再修改",
                          "The entry is " + entry.status + " and can no longer change");
}

// The Shanghai business date a change takes effect: the given YYYY-MM-DD (not after today: a
// change is recorded when it happens), else today.
std::string EffectiveOn(time::Instant now, const std::optional<std::string>& given) {
  const std::string today = time::ShanghaiDate(now);
  if (!given || given->empty()) return today;
  auto date = time::Date::Parse(*given);
  if (!date || date->ToString() > today)
    throw Error::Unprocessable("input.invalid", "生效日期应为不晚于今天的真实日期（YYYY-MM-DD）",
                               "The effective date must be a real YYYY-MM-DD date not after today",
                               {{"/effective_on", "date", "生效日期应为不晚于今天的真实日期", "Must be a real date not after today"}});
  return date->ToString();
}

void AddChange(db::Tx& tx, time::Instant now, const audit::Actor& actor, Change change) {
  change.at = now;
  change.actor = actor.name;
  store::InsertChange(tx, change);
}

void Audit(db::Tx& tx, time::Instant now, const audit::Actor& actor, const std::string& action, const Entry& entry,
           nlohmann::json change = nlohmann::json::object()) {
  change["code"] = entry.code;
  audit::Append(tx, now, actor, "catalog.entry." + action, "catalog_entry", std::to_string(entry.id), change);
}

// What the public sees of a published entry, and its searchable text beyond the name.
std::pair<PublicItem, std::string> PublicView(const Entry& entry, const BaseItem& base, const Elements& e,
                                              const DepartmentDirectory& departments) {
  PublicItem p;
  p.entry_id = entry.id;
  p.code = entry.code;
  p.name = base.name;
  p.department_id = entry.department_id;
  p.power_type = base.power_type;
  p.level = entry.level;
  p.audience = base.audience;
  p.themes = base.themes;
  p.committed_limit_days = e.committed_limit_days;
  p.statutory_limit_days = e.statutory_limit_days;
  p.immediate = e.immediate;
  p.visits = e.visits;
  p.online_depth = e.online_depth;
  // The first line of the conditions, at most 80 characters, for result lists.
  p.snippet = FirstCodePoints(e.conditions.substr(0, e.conditions.find('\n')), 80);
  std::string body = e.conditions + "\n" + departments.NameOf(entry.department_id);
  for (const auto& m : e.materials) body += "\n" + m.name;
  for (const auto& t : base.themes) body += "\n" + t;
  body += "\n" + ShortFormsIn(base.name + "\n" + body);
  return {p, body};
}

void Republish(db::Tx& tx, const Entry& entry, const BaseItem& base, const Elements& elements,
               const DepartmentDirectory& departments) {
  auto [item, body] = PublicView(entry, base, elements, departments);
  store::UpsertPublic(tx, item, body);
}

void Republish(db::Tx& tx, const Entry& entry, const BaseItem& base, const Elements& elements) {
  Republish(tx, entry, base, elements, DepartmentDirectory(tx));
}

std::optional<Version> DraftOf(db::Tx& tx, const Entry& entry) {
  auto latest = store::FindVersion(tx, entry.id, entry.latest_version_no);
  if (latest && latest->state == "draft") return latest;
  return std::nullopt;
}

void CheckNewCode(db::Tx& tx, const std::string& code) {
  if (!IsCatalogueCode(code))
    throw Error::Unprocessable("input.invalid", "实施编码应为 1 到 64 位字母、数字或 - . _",
                               "The entry code must be 1 to 64 letters, digits, - . or _",
                               {{"/code", "pattern", "实施编码格式有误", "Malformed entry code"}});
  if (store::FindEntryByCode(tx, code))
    throw Error::Conflict("catalog.duplicate_code", "实施清单事项编码已存在：" + code,
                          "An implementation entry with code " + code + " already exists");
}

}  // namespace

void CheckElementsAgainstCatalogue(db::Tx& tx, const Elements& e, const std::string& pointer) {
  http::BodyReader in(nlohmann::json::object(), pointer);
  for (std::size_t i = 0; i < e.materials.size(); ++i) {
    const auto& m = e.materials[i];
    const std::string at = pointer + "/materials/" + std::to_string(i);
    if (!m.licence_type_code.empty() && !store::FindLicenceTypeByCode(tx, m.licence_type_code))
      in.FailAt(at + "/licence_type_code", "unknown_licence_type",
                "材料「" + m.name + "」引用的证照类型不在证照目录中：" + m.licence_type_code,
                "Material \"" + m.name + "\" names a licence type not in the catalogue: " + m.licence_type_code);
    // Proofs may be demanded only if on the retained-proof list 证明事项清单 (DOMAIN.md).
    if (!m.proof_code.empty() && !lists::IsOnList(tx, "proof", m.proof_code))
      in.FailAt(at + "/proof_code", "proof_not_listed",
                "证明材料「" + m.name + "」不在证明事项清单中（" + m.proof_code + "），不得要求申请人提交",
                "Proof \"" + m.name + "\" is not on the retained-proof list (" + m.proof_code +
                    ") and may not be demanded");
  }
  if (!e.issues_licence_type.empty() && !store::FindLicenceTypeByCode(tx, e.issues_licence_type))
    in.FailAt(pointer + "/issues_licence_type", "unknown_licence_type",
              "所发证照类型不在证照目录中：" + e.issues_licence_type,
              "The licence type issued is not in the catalogue: " + e.issues_licence_type);
  if (!e.workflow.steps.empty()) {
    std::vector<std::string> roles;
    for (const auto& r : identity::ListRoles(tx)) roles.push_back(r.code);
    for (std::size_t i = 0; i < e.workflow.steps.size(); ++i)
      if (std::find(roles.begin(), roles.end(), e.workflow.steps[i].role) == roles.end())
        in.FailAt(pointer + "/workflow/steps/" + std::to_string(i) + "/role", "unknown_role",
                  "流程环节「" + e.workflow.steps[i].name + "」的角色不存在：" + e.workflow.steps[i].role,
                  "Workflow step \"" + e.workflow.steps[i].name + "\" names an unknown role: " + e.workflow.steps[i].role);
  }
  in.Check("catalog.invalid_elements");
}

EntryDetail CreateEntry(db::Tx& tx, time::Instant now, const audit::Actor& actor, const Scope& scope,
                        const EntryInput& input) {
  auto base = store::FindBaseItem(tx, input.base_item_id);
  if (!base) throw Error::NotFound("catalog.base_item_not_found", "基本目录事项不存在", "No such base item");
  DepartmentDirectory departments(tx);
  const auto* department = departments.Find(input.department_id);
  if (!department || department->status != "active")
    throw Error::Unprocessable("input.invalid", "实施部门不存在或已停用", "The handling department does not exist or is disabled",
                               {{"/department_id", "unknown", "实施部门不存在或已停用", "Unknown or disabled department"}});
  CheckScope(scope, input.department_id);
  const std::string level = LevelOfDivision(department->division_code);
  if (std::find(base->levels.begin(), base->levels.end(), level) == base->levels.end())
    throw Error::Unprocessable("catalog.level_not_implemented", "该基本目录事项不在此层级实施：" + level,
                               "The base item is not implemented at this level: " + level,
                               {{"/department_id", "level", "部门层级与事项实施层级不符", "The department's level is not one the item names"}});
  CheckNewCode(tx, input.code);
  CheckElementsAgainstCatalogue(tx, input.elements, "/elements");
  const std::string on = EffectiveOn(now, input.created_on);

  Entry entry;
  entry.code = input.code;
  entry.base_item_id = base->id;
  entry.department_id = department->id;
  entry.division_code = department->division_code;
  entry.level = level;
  entry.status = "active";
  entry.handled_since = on;
  entry.latest_version_no = 1;
  entry.created_at = entry.updated_at = now;
  entry.id = store::InsertEntry(tx, entry);
  Version v{entry.id, 1, "draft", input.elements, now, actor.name};
  store::InsertVersion(tx, v, ElementsToJson(input.elements).dump());
  AddChange(tx, now, actor, {.entry_id = entry.id, .kind = "created", .effective_on = entry.handled_since, .version_no = 1});
  Audit(tx, now, actor, "create", entry, {{"department_id", entry.department_id}});
  return GetEntry(tx, entry.id);
}

EntryDetail GetEntry(db::Tx& tx, std::int64_t id) {
  EntryDetail d;
  d.entry = LoadEntry(tx, id);
  d.base = *store::FindBaseItem(tx, d.entry.base_item_id);
  d.versions = store::ListVersions(tx, id);
  d.changes = store::ListEntryChanges(tx, id);
  d.draft = DraftOf(tx, d.entry);
  if (d.entry.published_version_no) d.published = store::FindVersion(tx, id, *d.entry.published_version_no);
  return d;
}

Version SaveDraft(db::Tx& tx, time::Instant now, const audit::Actor& actor, const Scope& scope, std::int64_t id,
                  const Elements& elements) {
  Entry entry = LoadEntry(tx, id);
  CheckScope(scope, entry.department_id);
  CheckOpen(entry);
  CheckElementsAgainstCatalogue(tx, elements, "/elements");
  const std::string text = ElementsToJson(elements).dump();
  if (auto draft = DraftOf(tx, entry)) {
    store::UpdateDraft(tx, id, draft->version_no, elements, text);
    store::UpdateEntry(tx, entry, now);  // bumps row_version: concurrent editors of one draft conflict
  } else {
    // Editing a published item makes a new version; cases keep the one they started on.
    entry.latest_version_no += 1;
    store::InsertVersion(tx, {id, entry.latest_version_no, "draft", elements, now, actor.name}, text);
    store::UpdateEntry(tx, entry, now);
  }
  Audit(tx, now, actor, "save_draft", entry, {{"version_no", entry.latest_version_no}});
  return *store::FindVersion(tx, id, entry.latest_version_no);
}

EntryDetail Publish(db::Tx& tx, time::Instant now, const audit::Actor& actor, const Scope& scope, std::int64_t id,
                    const std::optional<std::string>& effective_on) {
  Entry entry = LoadEntry(tx, id);
  CheckScope(scope, entry.department_id);
  CheckOpen(entry);
  auto draft = DraftOf(tx, entry);
  if (!draft) throw Error::Conflict("catalog.no_draft", "没有待发布的草稿版本", "There is no draft version to publish");
  // Licence types and proofs may have changed since the draft was saved.
  CheckElementsAgainstCatalogue(tx, draft->elements, "/elements");
  const std::string on = EffectiveOn(now, effective_on);
  if (entry.published_version_no)
    store::SetVersionState(tx, id, *entry.published_version_no, "published", "superseded", now);
  else if (draft->version_no == 1)
    entry.handled_since = on;  // first publication: the department handles it from now
  store::SetVersionState(tx, id, draft->version_no, "draft", "published", now);
  entry.published_version_no = draft->version_no;
  store::UpdateEntry(tx, entry, now);
  Republish(tx, entry, *store::FindBaseItem(tx, entry.base_item_id), draft->elements);
  AddChange(tx, now, actor, {.entry_id = id, .kind = "published", .effective_on = on, .version_no = draft->version_no});
  Audit(tx, now, actor, "publish", entry, {{"version_no", draft->version_no}, {"effective_on", on}});
  return GetEntry(tx, id);
}

EntryDetail Withdraw(db::Tx& tx, time::Instant now, const audit::Actor& actor, const Scope& scope, std::int64_t id,
                     const std::string& reason) {
  Entry entry = LoadEntry(tx, id);
  CheckScope(scope, entry.department_id);
  if (!entry.published_version_no)
    throw Error::Conflict("catalog.not_published", "该事项没有已发布的版本", "The entry has no published version");
  const int no = *entry.published_version_no;
  store::SetVersionState(tx, id, no, "published", "withdrawn", now);
  entry.published_version_no.reset();
  store::UpdateEntry(tx, entry, now);
  store::DeletePublic(tx, id);
  AddChange(tx, now, actor,
            {.entry_id = id, .kind = "withdrawn", .effective_on = time::ShanghaiDate(now), .version_no = no, .note = reason});
  Audit(tx, now, actor, "withdraw", entry, {{"version_no", no}, {"reason", reason}});
  return GetEntry(tx, id);
}

EntryDetail Cancel(db::Tx& tx, time::Instant now, const audit::Actor& actor, const Scope& scope, std::int64_t id,
                   const std::string& reason, const std::optional<std::string>& effective_on) {
  Entry entry = LoadEntry(tx, id);
  CheckScope(scope, entry.department_id);
  CheckOpen(entry);
  const std::string on = EffectiveOn(now, effective_on);
  if (entry.published_version_no) {
    store::SetVersionState(tx, id, *entry.published_version_no, "published", "withdrawn", now);
    entry.published_version_no.reset();
    store::DeletePublic(tx, id);
  }
  entry.status = "cancelled";
  entry.ended_on = on;
  store::UpdateEntry(tx, entry, now);
  AddChange(tx, now, actor, {.entry_id = id, .kind = "cancelled", .effective_on = on, .note = reason});
  Audit(tx, now, actor, "cancel", entry, {{"effective_on", on}, {"reason", reason}});
  return GetEntry(tx, id);
}

EntryDetail Delegate(db::Tx& tx, time::Instant now, const audit::Actor& actor, const Scope& scope, std::int64_t id,
                     const DelegateInput& input) {
  Entry source = LoadEntry(tx, id);
  CheckScope(scope, source.department_id);
  CheckOpen(source);
  if (!source.published_version_no)
    throw Error::Conflict("catalog.not_published", "只有已发布的事项才能下放", "Only a published entry can be delegated");
  DepartmentDirectory departments(tx);
  const auto* target = departments.Find(input.department_id);
  const std::string target_level = target ? LevelOfDivision(target->division_code) : "";
  // 下放 goes down inside the source's own area: a city's item to one of its districts or streets,
  // a district's to one of its streets.
  const std::string area = source.level == "city" ? source.division_code.substr(0, 4) : source.division_code;
  if (!target || target->status != "active" || LevelRank(target_level) <= LevelRank(source.level) ||
      target->division_code.compare(0, area.size(), area) != 0)
    throw Error::Unprocessable("catalog.bad_delegation_target", "下放对象应为本辖区内更低层级的在用部门",
                               "Delegation goes to an active department at a lower level inside the source's area",
                               {{"/department_id", "bad_delegation_target", "下放对象应为本辖区内更低层级的部门",
                                 "Must be a lower-level department inside the source's area"}});
  const BaseItem base = *store::FindBaseItem(tx, source.base_item_id);
  if (std::find(base.levels.begin(), base.levels.end(), target_level) == base.levels.end())
    throw Error::Unprocessable("catalog.level_not_implemented",
                               "基本目录事项未列明在" + target_level + "层级实施，请先调整基本目录",
                               "The base item does not name the level " + target_level + "; amend the base item first",
                               {{"/department_id", "level", "部门层级不在事项实施层级中", "Level not named by the base item"}});
  CheckNewCode(tx, input.code);
  const std::string on = EffectiveOn(now, input.effective_on);
  const Version current = *store::FindVersion(tx, id, *source.published_version_no);

  Entry taken;
  taken.code = input.code;
  taken.base_item_id = source.base_item_id;
  taken.department_id = target->id;
  taken.division_code = target->division_code;
  taken.level = target_level;
  taken.status = "active";
  taken.handled_since = on;
  taken.origin_entry_id = source.id;
  taken.published_version_no = 1;
  taken.latest_version_no = 1;
  taken.created_at = taken.updated_at = now;
  taken.id = store::InsertEntry(tx, taken);
  Version first{taken.id, 1, "draft", current.elements, now, actor.name};
  store::InsertVersion(tx, first, ElementsToJson(current.elements).dump());
  store::SetVersionState(tx, taken.id, 1, "draft", "published", now);
  Republish(tx, taken, base, current.elements);

  store::SetVersionState(tx, id, current.version_no, "published", "withdrawn", now);
  store::DeletePublic(tx, id);
  source.status = "delegated";
  source.ended_on = on;
  source.published_version_no.reset();
  store::UpdateEntry(tx, source, now);

  AddChange(tx, now, actor,
            {.entry_id = source.id, .kind = "delegated", .effective_on = on, .from_department_id = source.department_id,
             .to_department_id = target->id, .related_entry_id = taken.id, .note = input.reason});
  AddChange(tx, now, actor,
            {.entry_id = taken.id, .kind = "taken_over", .effective_on = on, .version_no = 1,
             .from_department_id = source.department_id, .to_department_id = target->id,
             .related_entry_id = source.id, .note = input.reason});
  Audit(tx, now, actor, "delegate", source, {{"to_entry", taken.code}, {"to_department_id", target->id}, {"effective_on", on}});
  Audit(tx, now, actor, "take_over", taken, {{"from_entry", source.code}, {"effective_on", on}});
  return GetEntry(tx, taken.id);
}

std::int64_t RebuildPublicCatalogue(db::Tx& tx) {
  store::ClearPublic(tx);
  const DepartmentDirectory departments(tx);
  std::map<std::int64_t, BaseItem> bases;
  std::int64_t n = 0;
  for (const auto& entry : store::ListPublishedActiveEntries(tx)) {
    auto base = bases.find(entry.base_item_id);
    if (base == bases.end()) base = bases.emplace(entry.base_item_id, *store::FindBaseItem(tx, entry.base_item_id)).first;
    const auto version = store::FindVersion(tx, entry.id, *entry.published_version_no);
    Republish(tx, entry, base->second, version->elements, departments);
    ++n;
  }
  return n;
}

}  // namespace tongban::catalog
