#include "catalog/lists/wire.hpp"

#include "catalog/lists/kinds.hpp"

namespace tongban::catalog::lists::wire {

nlohmann::json KindsJson() {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& k : Kinds()) {
    nlohmann::json columns = nlohmann::json::array();
    for (const auto& c : k.columns) {
      nlohmann::json column = {{"key", c.key},           {"label_zh", c.label_zh},
                               {"label_en", c.label_en}, {"type", ToString(c.type)},
                               {"required", c.required}, {"max", c.max}};
      if (!c.options.empty()) {
        column["options"] = nlohmann::json::array();
        for (const auto& o : c.options)
          column["options"].push_back({{"value", o.value}, {"label_zh", o.label_zh}, {"label_en", o.label_en}});
      }
      columns.push_back(std::move(column));
    }
    out.push_back({{"kind", k.kind}, {"name_zh", k.name_zh}, {"name_en", k.name_en}, {"columns", std::move(columns)}});
  }
  return out;
}

namespace {

nlohmann::json FieldsJson(const KindDef& kind, const Entry& entry) {
  nlohmann::json fields = nlohmann::json::object();
  for (const auto& c : kind.columns) {
    const auto it = entry.fields.find(c.key);
    if (it == entry.fields.end() || it->second.empty()) {
      fields[c.key] = nullptr;
    } else if (c.type == ColumnType::kDepartment || c.type == ColumnType::kInt) {
      fields[c.key] = std::stoll(it->second);
    } else {
      fields[c.key] = it->second;
    }
  }
  return fields;
}

std::string MainDepartmentName(const KindDef& kind, const Entry& entry) {
  const auto it = entry.department_names.find(kind.department_column);
  return it == entry.department_names.end() ? "" : it->second;
}

}  // namespace

nlohmann::json ToJson(const KindDef& kind, const Entry& entry) {
  return {{"id", entry.id},
          {"kind", entry.kind},
          {"fields", FieldsJson(kind, entry)},
          {"department_id", entry.department_id ? nlohmann::json(*entry.department_id) : nlohmann::json(nullptr)},
          {"department_name", MainDepartmentName(kind, entry)},
          {"department_names", entry.department_names},
          {"needs_review", entry.needs_review},
          {"review_note", entry.review_note},
          {"created_at", time::FormatRfc3339(entry.created_at)},
          {"created_by", entry.created_by},
          {"updated_at", time::FormatRfc3339(entry.updated_at)},
          {"updated_by", entry.updated_by}};
}

nlohmann::json ToPublicJson(const KindDef& kind, const Entry& entry) {
  return {{"id", entry.id},
          {"kind", entry.kind},
          {"fields", FieldsJson(kind, entry)},
          {"department_name", MainDepartmentName(kind, entry)},
          {"department_names", entry.department_names}};
}

Fields ReadFields(http::BodyReader& in) {
  Fields fields;
  const auto& body = in.body();
  if (!body.contains("fields") || !body["fields"].is_object()) {
    in.Fail("fields", "required", "fields（各列取值的对象）必填", "fields (an object of column values) is required");
    return fields;
  }
  const auto& object = body["fields"];
  for (auto it = object.begin(); it != object.end(); ++it) {
    const auto& v = it.value();
    if (v.is_string())
      fields[it.key()] = v.get<std::string>();
    else if (v.is_number_integer())
      fields[it.key()] = std::to_string(v.get<std::int64_t>());
    else if (v.is_number())
      fields[it.key()] = v.dump();
    else if (v.is_null())
      fields[it.key()] = "";
    else
      in.Fail("fields", "type", "fields." + it.key() + " 应为字符串或数字",
              "fields." + it.key() + " must be a string or a number");
  }
  return fields;
}

nlohmann::json ProblemJson(const RowProblem& p, bool english) {
  return {{"line", p.line}, {"column", p.column}, {"code", p.code}, {"message", english ? p.message_en : p.message_zh}};
}

nlohmann::json ReportJson(const ImportReport& report, bool dry_run, bool english) {
  nlohmann::json errors = nlohmann::json::array(), warnings = nlohmann::json::array();
  for (const auto& p : report.errors) errors.push_back(ProblemJson(p, english));
  for (const auto& p : report.warnings) warnings.push_back(ProblemJson(p, english));
  return {{"imported", report.imported}, {"rejected", report.rejected}, {"errors", errors},
          {"warnings", warnings},        {"dry_run", dry_run},          {"ids", report.ids}};
}

}  // namespace tongban::catalog::lists::wire
