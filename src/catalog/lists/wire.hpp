#pragma once
// The JSON shapes of the lists' API (/work/catalog-contract.md "Lists"): model ↔ JSON, nothing
// else. Internal to catalog/lists/routes.cpp.
#include <nlohmann/json.hpp>

#include "catalog/lists/model.hpp"
#include "platform/http/input.hpp"

namespace tongban::catalog::lists::wire {

// [{kind, name_zh, name_en, columns:[{key, label_zh, label_en, type, required, max, options?}]}]
nlohmann::json KindsJson();
// {id, kind, fields, department_id, department_name, department_names, needs_review, review_note,
// created_at, created_by, updated_at, updated_by}; a department field as its id (a number).
nlohmann::json ToJson(const KindDef& kind, const Entry& entry);
// What the public sees: {id, kind, fields, department_name, department_names} (no review notes,
// no staff names).
nlohmann::json ToPublicJson(const KindDef& kind, const Entry& entry);
// body.fields as text values (numbers written out, null = empty); a missing object or a value of
// another JSON type is a field error in `in`.
Fields ReadFields(http::BodyReader& in);
// {line, column, code, message} in the caller's language.
nlohmann::json ProblemJson(const RowProblem& problem, bool english);
// {imported, rejected, errors, warnings, dry_run, ids}
nlohmann::json ReportJson(const ImportReport& report, bool dry_run, bool english);

}  // namespace tongban::catalog::lists::wire
