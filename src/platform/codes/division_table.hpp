#pragma once
// Administrative divisions (GB/T 2260 行政区划代码, with the statistics bureau's 9-digit codes for
// streets and townships), loaded from the reference data in data/divisions/ (made by
// scripts/import-divisions.mjs; sources in docs/data-sources.md).
//
// Codes: 6 digits for province (xx0000), city (xxyy00) and county (xxyyzz); 9 digits for a street
// or township (the county's 6 + 3). Level and parent follow from the code: a county whose city
// code is absent from the data hangs directly under its province; a city with no counties (东莞
// 441900) is the parent of its streets; 省直辖 counties hang under the placeholder 429000.
//
// A functional zone (青岛西海岸新区) has no code of its own and shares its host's
// (data/divisions/functional-zones.json); FindFunctionalZoneHost resolves one by name.
//
// The table is immutable once loaded: concurrent const calls are safe; share one instance.
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tongban::codes {

enum class DivisionLevel { kProvince, kCity, kCounty, kStreet };

// "province", "city", "county", "street".
std::string_view DivisionLevelName(DivisionLevel level);

struct Division {
  std::string code;  // 6 or 9 digits
  std::string name;  // "黄岛区"
  DivisionLevel level = DivisionLevel::kProvince;
  std::string parent_code;  // "" for a province
  // A county-level code whose digits 5-6 are 71..80: the statistics bureau's code for a
  // development zone (济南高新技术产业开发区 370176), not a GB/T 2260 division. Kept because
  // registries use them; a form that wants a legal division can refuse them.
  bool statistical_only = false;
};

class DivisionTable {
 public:
  // An empty table: every lookup misses.
  DivisionTable() = default;

  // Reads every *.json file of `dir`. Each is either {"kind":"divisions","divisions":[[code,
  // name],...]} or {"kind":"functional_zones","zones":[{"name","host",...}]}. Throws
  // tongban::Error (500, "divisions.load_failed") when the directory or a file cannot be read, a
  // code is malformed or repeated, a division's parent is missing, or a zone's host is unknown:
  // bad reference data is a deployment fault, not an input error.
  static DivisionTable LoadFromDirectory(const std::filesystem::path& dir);

  // The division with exactly this 6- or 9-digit code; nullptr on a miss or any other shape.
  const Division* Find(std::string_view code) const;

  // The division a functional zone belongs to, by the zone's exact name ("青岛西海岸新区" →
  // 370211 黄岛区); nullptr when the name is not a listed zone.
  const Division* FindFunctionalZoneHost(std::string_view zone_name) const;

  // The divisions whose parent is `code`, in code order; empty on a miss or for a leaf.
  std::vector<const Division*> ChildrenOf(std::string_view code) const;

  // The names from the province down, without the placeholder levels (市辖区, 县,
  // 省直辖县级行政区划): "山东省青岛市黄岛区"; "" on a miss.
  std::string FullName(std::string_view code) const;

  // True when the first two digits of `code` (any length ≥ 2) name a province in the table.
  bool HasProvince(std::string_view code) const;

  std::size_t size() const { return divisions_.size(); }

 private:
  // Ordered by code, so ChildrenOf and the file order of streets come out sorted.
  std::map<std::string, Division, std::less<>> divisions_;
  std::map<std::string, std::vector<std::string>, std::less<>> children_;
  std::map<std::string, std::string, std::less<>> zone_hosts_;  // zone name -> host code
};

}  // namespace tongban::codes
