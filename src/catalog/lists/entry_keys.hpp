#pragma once
// What the service files share about an entry's derived parts: the keys the table keeps beside
// the JSON fields, the search text, the department names shown. Internal to catalog/lists.
#include "catalog/lists/departments.hpp"
#include "catalog/lists/model.hpp"

namespace tongban::catalog::lists {

// Sets entry.code, matter, department_id and division_code from entry.fields by the kind's roles.
void DeriveKeys(const KindDef& kind, Entry& entry);
// Every value, departments by name, one per line: what `q` searches.
std::string SearchText(const KindDef& kind, const Entry& entry, const Departments& departments);
// Fills entry.department_names for its department columns.
void FillDepartmentNames(const KindDef& kind, Entry& entry, const Departments& departments);

}  // namespace tongban::catalog::lists
