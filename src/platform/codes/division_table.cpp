#include "platform/codes/division_table.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "platform/errors/error.hpp"

namespace tongban::codes {

namespace {

Error LoadFailed(const std::string& why) { return Error::Internal("divisions.load_failed", why); }

bool AllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsCodeShape(std::string_view code) {
  return (code.size() == 6 || code.size() == 9) && AllDigits(code);
}

// Names that stand for a level with no name of its own; FullName leaves them out so that
// 110101 reads "北京市东城区", not "北京市市辖区东城区".
bool IsPlaceholderName(std::string_view name) {
  return name == "市辖区" || name == "县" || name == "省直辖县级行政区划" ||
         name == "自治区直辖县级行政区划";
}

nlohmann::json ReadJson(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw LoadFailed("cannot read " + file.string());
  std::stringstream buf;
  buf << in.rdbuf();
  try {
    return nlohmann::json::parse(buf.str());
  } catch (const nlohmann::json::exception& e) {
    throw LoadFailed(file.string() + ": " + e.what());
  }
}

}  // namespace

std::string_view DivisionLevelName(DivisionLevel level) {
  switch (level) {
    case DivisionLevel::kProvince:
      return "province";
    case DivisionLevel::kCity:
      return "city";
    case DivisionLevel::kCounty:
      return "county";
    case DivisionLevel::kStreet:
      return "street";
  }
  return "unknown";
}

DivisionTable DivisionTable::LoadFromDirectory(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw LoadFailed("division data directory not found: " + dir.string());
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());

  DivisionTable table;
  std::vector<std::pair<std::string, std::string>> zones;  // name, host; checked after all files
  for (const auto& file : files) {
    const nlohmann::json doc = ReadJson(file);
    try {
      const std::string kind = doc.at("kind").get<std::string>();
      if (kind == "divisions") {
        for (const auto& row : doc.at("divisions")) {
          Division d;
          d.code = row.at(0).get<std::string>();
          d.name = row.at(1).get<std::string>();
          if (!IsCodeShape(d.code)) throw LoadFailed(file.string() + ": bad code " + d.code);
          if (!table.divisions_.emplace(d.code, d).second) {
            throw LoadFailed(file.string() + ": code repeated " + d.code);
          }
        }
      } else if (kind == "functional_zones") {
        for (const auto& z : doc.at("zones")) {
          zones.emplace_back(z.at("name").get<std::string>(), z.at("host").get<std::string>());
        }
      } else {
        throw LoadFailed(file.string() + ": unknown kind " + kind);
      }
    } catch (const nlohmann::json::exception& e) {
      throw LoadFailed(file.string() + ": " + e.what());
    }
  }

  // Levels and parents come from the code shape, once every file is in: streets may be in a
  // file read before their counties'.
  for (auto& [code, d] : table.divisions_) {
    if (code.size() == 9) {
      d.level = DivisionLevel::kStreet;
      d.parent_code = code.substr(0, 6);
    } else if (code.ends_with("0000")) {
      d.level = DivisionLevel::kProvince;
    } else if (code.ends_with("00")) {
      d.level = DivisionLevel::kCity;
      d.parent_code = code.substr(0, 2) + "0000";
    } else {
      d.level = DivisionLevel::kCounty;
      const std::string city = code.substr(0, 4) + "00";
      d.parent_code = table.divisions_.count(city) ? city : code.substr(0, 2) + "0000";
      const int zz = std::stoi(code.substr(4, 2));
      d.statistical_only = zz >= 71 && zz <= 80;
    }
    if (!d.parent_code.empty()) {
      if (!table.divisions_.count(d.parent_code)) {
        throw LoadFailed("division " + code + " has no parent " + d.parent_code);
      }
      table.children_[d.parent_code].push_back(code);
    }
  }
  for (auto& [name, host] : zones) {
    if (!table.divisions_.count(host)) {
      throw LoadFailed("functional zone " + name + " has unknown host " + host);
    }
    table.zone_hosts_.emplace(std::move(name), std::move(host));
  }
  return table;
}

const Division* DivisionTable::Find(std::string_view code) const {
  if (!IsCodeShape(code)) return nullptr;
  auto it = divisions_.find(code);
  return it == divisions_.end() ? nullptr : &it->second;
}

const Division* DivisionTable::FindFunctionalZoneHost(std::string_view zone_name) const {
  auto it = zone_hosts_.find(zone_name);
  return it == zone_hosts_.end() ? nullptr : Find(it->second);
}

std::vector<const Division*> DivisionTable::ChildrenOf(std::string_view code) const {
  std::vector<const Division*> out;
  auto it = children_.find(code);
  if (it == children_.end()) return out;
  out.reserve(it->second.size());
  for (const auto& child : it->second) out.push_back(Find(child));
  return out;
}

std::string DivisionTable::FullName(std::string_view code) const {
  std::vector<const Division*> chain;
  for (const Division* d = Find(code); d != nullptr;
       d = d->parent_code.empty() ? nullptr : Find(d->parent_code)) {
    chain.push_back(d);
  }
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (!IsPlaceholderName((*it)->name)) out += (*it)->name;
  }
  return out;
}

bool DivisionTable::HasProvince(std::string_view code) const {
  if (code.size() < 2 || !AllDigits(code.substr(0, 2))) return false;
  return Find(std::string(code.substr(0, 2)) + "0000") != nullptr;
}

}  // namespace tongban::codes
