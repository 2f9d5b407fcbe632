#pragma once
// The catalogue's JSON wire shapes (docs in src/catalog/openapi.json), shared by the admin and the
// public routes. Readers collect every problem in the BodyReader they are given.
#include <nlohmann/json.hpp>

#include "catalog/service.hpp"
#include "platform/http/input.hpp"

namespace tongban::catalog::wire {

nlohmann::json ToJson(const BaseItem& item);
nlohmann::json ToJson(const LicenceType& type, const DepartmentDirectory& departments);
// Without elements unless `with_elements`.
nlohmann::json ToJson(const Version& version, bool with_elements);
nlohmann::json ToJson(const Change& change, const DepartmentDirectory& departments);
nlohmann::json ToJson(const EntrySummary& summary, const DepartmentDirectory& departments);
nlohmann::json ToJson(const EntryDetail& detail, const DepartmentDirectory& departments);
nlohmann::json ToJson(const PublicItem& item, const DepartmentDirectory& departments);
nlohmann::json ToJson(const Guide& guide, const DepartmentDirectory& departments);

BaseItem ReadBaseItem(http::BodyReader& in, bool creating);
LicenceType ReadLicenceType(http::BodyReader& in, bool creating);

// "2026-11-23T09:00:00+08:00", or null.
nlohmann::json Time(const std::optional<time::Instant>& at);

}  // namespace tongban::catalog::wire
