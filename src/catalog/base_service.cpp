// Base items, licence types and the department directory (service.hpp).
#include <algorithm>

#include "audit/service.hpp"
#include "catalog/service.hpp"
#include "identity/service.hpp"
#include "platform/http/input.hpp"
#include "platform/schema/schema.hpp"

namespace tongban::catalog {
namespace {

bool Contains(const std::vector<std::string>& values, const std::string& v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

void CheckBaseItem(const BaseItem& b, bool creating) {
  http::BodyReader in(nlohmann::json::object());
  if (creating && !IsCatalogueCode(b.code))
    in.Fail("code", "pattern", "事项编码应为 1 到 64 位字母、数字或 - . _", "The code must be 1 to 64 letters, digits, - . or _");
  if (b.name.empty() || http::CharCount(b.name) > 200)
    in.Fail("name", "length", "事项名称应为 1 到 200 个字符", "The name must be 1 to 200 characters");
  if (!Contains(PowerTypes(), b.power_type))
    in.Fail("power_type", "enum", "权力类型不在目录中：" + b.power_type, "Unknown power type: " + b.power_type);
  if (b.legal_basis.empty())
    in.Fail("legal_basis", "required", "设定依据必填", "The legal basis is required");
  if (b.audience.empty())
    in.Fail("audience", "required", "服务对象至少选一项（个人 / 法人）", "Choose at least one audience (natural / legal)");
  for (const auto& a : b.audience)
    if (a != "natural" && a != "legal")
      in.Fail("audience", "enum", "服务对象应为 natural 或 legal", "The audience must be natural or legal");
  if (b.levels.empty()) in.Fail("levels", "required", "实施层级至少选一项", "Choose at least one level");
  for (const auto& l : b.levels)
    if (!Contains(Levels(), l)) in.Fail("levels", "enum", "未知的实施层级：" + l, "Unknown level: " + l);
  for (const auto& t : b.themes)
    if (t.empty() || t.find('|') != std::string::npos || http::CharCount(t) > 20)
      in.Fail("themes", "pattern", "主题应为 1 到 20 个字符且不含 |", "A theme must be 1 to 20 characters without |");
  in.Check();
}

void CheckLicenceType(db::Tx& tx, const LicenceType& t, bool creating) {
  http::BodyReader in(nlohmann::json::object());
  if (creating && !IsCatalogueCode(t.code))
    in.Fail("code", "pattern", "证照类型编码应为 1 到 64 位字母、数字或 - . _",
            "The code must be 1 to 64 letters, digits, - . or _");
  if (t.name.empty() || http::CharCount(t.name) > 100)
    in.Fail("name", "length", "证照名称应为 1 到 100 个字符", "The name must be 1 to 100 characters");
  if (t.holder_type != "natural" && t.holder_type != "legal" && t.holder_type != "both")
    in.Fail("holder_type", "enum", "持证主体应为 natural、legal 或 both", "The holder type must be natural, legal or both");
  if (t.validity_years && (*t.validity_years < 1 || *t.validity_years > 50))
    in.Fail("validity_years", "range", "有效期应为 1 到 50 年，长期有效留空", "Validity is 1 to 50 years; leave empty for no expiry");
  if (!DepartmentDirectory(tx).Find(t.issuing_department_id))
    in.Fail("issuing_department_id", "unknown", "发证部门不存在", "The issuing department does not exist");
  try {
    (void)schema::Schema::Compile(t.fields_schema);
  } catch (const Error& e) {
    for (const auto& fe : e.errors())
      in.FailAt("/fields_schema" + fe.pointer, fe.code, "证照字段：" + fe.message_zh, "Licence fields: " + fe.message_en);
    if (e.errors().empty()) in.FailAt("/fields_schema", "schema", e.message_zh(), e.message_en());
  }
  in.Check();
}

}  // namespace

DepartmentDirectory::DepartmentDirectory(db::Tx& tx) : all_(identity::ListDepartments(tx)) {
  for (std::size_t i = 0; i < all_.size(); ++i) by_id_[all_[i].id] = i;
}

const identity::Department* DepartmentDirectory::Find(std::int64_t id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &all_[it->second];
}

std::string DepartmentDirectory::NameOf(std::int64_t id) const {
  const auto* d = Find(id);
  return d ? d->name : "";
}

BaseItem CreateBaseItem(db::Tx& tx, time::Instant now, const audit::Actor& actor, const BaseItem& input) {
  CheckBaseItem(input, true);
  if (store::FindBaseItemByCode(tx, input.code))
    throw Error::Conflict("catalog.duplicate_code", "基本目录事项编码已存在：" + input.code,
                          "A base item with code " + input.code + " already exists");
  BaseItem item = input;
  item.id = store::InsertBaseItem(tx, item, now);
  audit::Append(tx, now, actor, "catalog.base_item.create", "catalog_base_item", std::to_string(item.id),
                {{"code", item.code}, {"name", item.name}});
  return item;
}

BaseItem UpdateBaseItem(db::Tx& tx, time::Instant now, const audit::Actor& actor, std::int64_t id,
                        const BaseItem& input) {
  auto existing = store::FindBaseItem(tx, id);
  if (!existing) throw Error::NotFound("catalog.base_item_not_found", "基本目录事项不存在", "No such base item");
  BaseItem item = input;
  item.id = id;
  item.code = existing->code;  // the code is the same at every level, for good
  CheckBaseItem(item, false);
  store::UpdateBaseItem(tx, item, now);
  audit::Append(tx, now, actor, "catalog.base_item.update", "catalog_base_item", std::to_string(id),
                {{"code", item.code}, {"name", item.name}});
  return item;
}

LicenceType CreateLicenceType(db::Tx& tx, time::Instant now, const audit::Actor& actor, const LicenceType& input) {
  CheckLicenceType(tx, input, true);
  if (store::FindLicenceTypeByCode(tx, input.code))
    throw Error::Conflict("catalog.duplicate_code", "证照类型编码已存在：" + input.code,
                          "A licence type with code " + input.code + " already exists");
  LicenceType type = input;
  type.id = store::InsertLicenceType(tx, type, now);
  audit::Append(tx, now, actor, "catalog.licence_type.create", "catalog_licence_type", std::to_string(type.id),
                {{"code", type.code}, {"name", type.name}});
  return type;
}

LicenceType UpdateLicenceType(db::Tx& tx, time::Instant now, const audit::Actor& actor, std::int64_t id,
                              const LicenceType& input) {
  auto existing = store::FindLicenceType(tx, id);
  if (!existing) throw Error::NotFound("catalog.licence_type_not_found", "证照类型不存在", "No such licence type");
  LicenceType type = input;
  type.id = id;
  type.code = existing->code;
  CheckLicenceType(tx, type, false);
  store::UpdateLicenceType(tx, type, now);
  audit::Append(tx, now, actor, "catalog.licence_type.update", "catalog_licence_type", std::to_string(id),
                {{"code", type.code}, {"name", type.name}, {"status", type.status}});
  return type;
}

}  // namespace tongban::catalog
