#include "catalog/lists/entry_keys.hpp"

namespace tongban::catalog::lists {
namespace {

std::optional<std::string> Value(const Entry& e, const std::string& key) {
  if (key.empty()) return std::nullopt;
  const auto it = e.fields.find(key);
  if (it == e.fields.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

}  // namespace

void DeriveKeys(const KindDef& kind, Entry& entry) {
  entry.kind = kind.kind;
  entry.code = Value(entry, kind.code_column);
  entry.matter = Value(entry, kind.matter_column);
  entry.division_code = Value(entry, kind.division_column);
  const auto department = Value(entry, kind.department_column);
  entry.department_id = department ? std::optional<std::int64_t>(std::stoll(*department)) : std::nullopt;
}

std::string SearchText(const KindDef& kind, const Entry& entry, const Departments& departments) {
  std::string text;
  for (const auto& column : kind.columns) {
    const auto value = Value(entry, column.key);
    if (!value) continue;
    text += column.type == ColumnType::kDepartment ? departments.NameOf(std::stoll(*value)) : *value;
    for (const auto& option : column.options)  // "行政许可" finds entries stored as "licensing"
      if (option.value == *value) text += ' ' + option.label_zh;
    text += '\n';
  }
  return text;
}

void FillDepartmentNames(const KindDef& kind, Entry& entry, const Departments& departments) {
  for (const auto& column : kind.columns)
    if (column.type == ColumnType::kDepartment)
      if (const auto value = Value(entry, column.key))
        entry.department_names[column.key] = departments.NameOf(std::stoll(*value));
}

}  // namespace tongban::catalog::lists
