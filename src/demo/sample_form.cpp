#include "demo/sample_form.hpp"

#include <fmt/format.h>

#include <map>
#include <string>

#include "platform/codes/citizen_id.hpp"
#include "platform/codes/credit_code.hpp"

namespace tongban::demo {
namespace {

// Values for the demo catalogue's patterned fields, by pattern. A new pattern in the catalogue
// needs its sample here.
const std::map<std::string, std::string>& PatternSamples() {
  static const std::map<std::string, std::string> kSamples = {
      {"^(\\d{4}-\\d{2}-\\d{2}|长期)$", "长期"},
      {"^D\\d{9}$", "D370211001"},
      {"^JY[1-3]\\d{13}$", "JY13702110012345"},
      {"^L-SD-\\d{5,6}$", "L-SD-00123"},
      {"^[0-9A-HJ-NPQRTUWXY]{18}\\d{3}[A-Z]$", "91370211MA3C7Q2K8X001A"},
      {"^\\d{12,30}$", "622202160200123456"},
      {"^\\d{12}[A-Z]{2}\\d{5}[A-Z]\\d{8}$", "370211001001GB00001F00010001"},
      {"^\\d{17}$", "37021100100100001"},
      {"^\\d{18}$", "370211001001000012"},
      {"^\\d{4}-\\d{6}-\\d{2}-\\d{2}-\\d{6}$", "2026-370211-47-01-000123"},
      {"^\\d{8,30}$", "3702110012"},
      {"^鲁[A-Z]{2}\\d{7,9}$", "鲁BA1234567"},
      {"^鲁（\\d{4}）青岛市[\\u4e00-\\u9fa5]*不动产权第\\d{7}号$", "鲁（2025）青岛市黄岛区不动产权第0012345号"},
      {"^鲁（\\d{4}）青岛市[\\u4e00-\\u9fa5]*不动产证明第\\d{7}号$", "鲁（2025）青岛市黄岛区不动产证明第0012345号"},
  };
  return kSamples;
}

const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
const char* kGiven[] = {"建国", "晓梅", "志强", "海燕", "文博", "丽娜", "子涵", "明轩", "雨欣", "国强"};

class Filler {
 public:
  Filler(const nlohmann::json& root, std::mt19937& rng) : root_(root), rng_(rng) {}

  nlohmann::json Fill(const nlohmann::json& schema, const std::string& name) {
    const nlohmann::json& s = Resolve(schema);
    if (s.contains("enum") && s["enum"].is_array() && !s["enum"].empty()) return Pick(s["enum"]);
    const auto type = s.value("type", s.contains("properties") ? "object" : "string");
    if (type == "object") return Object(s);
    if (type == "array") return Array(s, name);
    if (type == "boolean") return Int(0, 1) == 1;
    if (type == "integer") return Number(s, true);
    if (type == "number") return Number(s, false);
    return String(s, name);
  }

 private:
  const nlohmann::json& Resolve(const nlohmann::json& s) {
    if (!s.contains("$ref")) return s;
    const auto ref = s["$ref"].get<std::string>();  // "#/definitions/person"
    return root_.at(nlohmann::json::json_pointer(ref.substr(1)));
  }

  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  nlohmann::json Pick(const nlohmann::json& list) { return list[Int(0, static_cast<int>(list.size()) - 1)]; }

  nlohmann::json Object(const nlohmann::json& s) {
    nlohmann::json out = nlohmann::json::object();
    const auto required = s.value("required", nlohmann::json::array());
    const auto properties = s.value("properties", nlohmann::json::object());  // a copy: items() must not outlive it
    for (const auto& [key, sub] : properties.items()) {
      const bool needed = std::find(required.begin(), required.end(), key) != required.end();
      if (needed || Int(0, 3) > 0) out[key] = Fill(sub, key);
    }
    return out;
  }

  nlohmann::json Array(const nlohmann::json& s, const std::string& name) {
    nlohmann::json out = nlohmann::json::array();
    const auto item_schema = s.value("items", nlohmann::json::object());
    const auto& items = Resolve(item_schema);
    const int min = s.value("minItems", 1), max = std::max(min, std::min(s.value("maxItems", min + 1), min + 2));
    const int n = Int(min, max);
    if (items.contains("enum")) {
      auto choices = items["enum"];
      for (int i = 0; i < n && i < static_cast<int>(choices.size()); ++i) out.push_back(choices[i]);
      return out;
    }
    for (int i = 0; i < n; ++i) out.push_back(Fill(items, name));
    return out;
  }

  nlohmann::json Number(const nlohmann::json& s, bool integer) {
    double lo = s.value("minimum", 1.0);
    if (s.contains("exclusiveMinimum")) lo = std::max(lo, s["exclusiveMinimum"].get<double>() + 1);
    double hi = s.value("maximum", lo + 500);
    if (s.contains("exclusiveMaximum")) hi = std::min(hi, s["exclusiveMaximum"].get<double>() - 1);
    const int v = Int(static_cast<int>(lo), std::max(static_cast<int>(lo), static_cast<int>(hi)));
    if (integer) return v;
    return static_cast<double>(v);
  }

  std::string Person() { return std::string(kSurnames[Int(0, 11)]) + kGiven[Int(0, 9)]; }

  std::string CitizenId() {
    const auto first17 = fmt::format("370211{}{:02d}{:02d}{:03d}", Int(1960, 2002), Int(1, 12), Int(1, 28), Int(1, 999));
    return first17 + *codes::ComputeCitizenIdCheckChar(first17);
  }

  std::string CreditCode() {
    static const std::string kChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    std::string org = "MA";
    for (int i = 0; i < 6; ++i) org.push_back(kChars[Int(0, static_cast<int>(kChars.size()) - 1)]);
    const auto first17 = "91370211" + org + *codes::ComputeOrgCodeCheckChar(org);
    return first17 + *codes::ComputeCreditCodeCheckChar(first17);
  }

  std::string Formatted(const std::string& format) {
    if (format == "citizen-id") return CitizenId();
    if (format == "credit-code") return CreditCode();
    if (format == "phone-cn") return fmt::format("139{:08d}", Int(0, 99'999'999));
    if (format == "email") return fmt::format("user{}@example.cn", Int(100, 999));
    if (format == "division-code") return "370211";
    if (format == "date") return fmt::format("2026-{:02d}-{:02d}", Int(1, 10), Int(1, 28));
    if (format == "date-time") return "2026-10-08T09:30:00+08:00";
    return "";
  }

  std::string String(const nlohmann::json& s, const std::string& name) {
    if (s.contains("format")) return Formatted(s["format"].get<std::string>());
    if (s.contains("pattern")) {
      const auto it = PatternSamples().find(s["pattern"].get<std::string>());
      return it == PatternSamples().end() ? "" : it->second;
    }
    std::string text;
    if (name == "name" || name.find("person") != std::string::npos || name.find("manager") != std::string::npos ||
        name == "agent" || name == "operator" || name == "principal")
      text = Person();
    else if (name.find("address") != std::string::npos || name == "location" || name == "premises" || name == "place")
      text = fmt::format("青岛市黄岛区长江中路{}号", Int(1, 400));
    else
      text = s.value("title", std::string("示例")) + "（示例）";
    const auto max = s.value("maxLength", 200);
    if (static_cast<int>(text.size()) > max * 3) text = "示例";
    return text;
  }

  const nlohmann::json& root_;
  std::mt19937& rng_;
};

}  // namespace

nlohmann::json SampleForm(const nlohmann::json& schema, std::mt19937& rng) {
  Filler filler(schema, rng);
  return filler.Fill(schema, "");
}

}  // namespace tongban::demo
