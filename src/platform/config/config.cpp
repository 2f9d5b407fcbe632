#include "platform/config/config.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <functional>

#include "platform/errors/error.hpp"

extern char** environ;

namespace tongban {
namespace {

std::string Trim(std::string s) {
  const auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

Error BadValue(const std::string& key, const std::string& value, const char* expected) {
  return Error::BadRequest("config.bad_value",
                           "配置项 " + key + " 的值 \"" + value + "\" 无效，应为" + expected,
                           "Setting " + key + " has invalid value \"" + value + "\"; expected " + expected);
}

template <class Int>
std::function<void(Config&, const std::string&)> IntSetter(Int Config::*field, Int min, Int max) {
  return [field, min, max](Config& c, const std::string& v) {
    Int parsed{};
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), parsed);
    if (ec != std::errc{} || end != v.data() + v.size() || parsed < min || parsed > max)
      throw BadValue("", v, "整数 / an integer in range");
    c.*field = parsed;
  };
}
std::function<void(Config&, const std::string&)> StringSetter(std::string Config::*field) {
  return [field](Config& c, const std::string& v) { c.*field = v; };
}
std::function<void(Config&, const std::string&)> BoolSetter(bool Config::*field) {
  return [field](Config& c, const std::string& v) {
    if (v == "1" || v == "true" || v == "yes") c.*field = true;
    else if (v == "0" || v == "false" || v == "no") c.*field = false;
    else throw BadValue("", v, "true/false");
  };
}

// One row per setting: the only place a key's name, type and range are written.
const std::map<std::string, std::function<void(Config&, const std::string&)>>& Setters() {
  static const std::map<std::string, std::function<void(Config&, const std::string&)>> kSetters = {
      {"bind", StringSetter(&Config::bind)},
      {"port", IntSetter(&Config::port, 0, 65535)},
      {"web_dir", StringSetter(&Config::web_dir)},
      {"io_threads", IntSetter(&Config::io_threads, 0, 256)},
      {"worker_threads", IntSetter(&Config::worker_threads, 1, 1024)},
      {"worker_queue", IntSetter(&Config::worker_queue, 1, 1'000'000)},
      {"body_limit", IntSetter<std::size_t>(&Config::body_limit, 1, std::size_t{1} << 34)},
      {"header_timeout_ms", IntSetter(&Config::header_timeout_ms, 100, 3'600'000)},
      {"body_timeout_ms", IntSetter(&Config::body_timeout_ms, 100, 3'600'000)},
      {"shutdown_grace_ms", IntSetter(&Config::shutdown_grace_ms, 0, 3'600'000)},
      {"access_log", BoolSetter(&Config::access_log)},
      {"trusted_proxies", StringSetter(&Config::trusted_proxies)},
      {"kek", StringSetter(&Config::kek)},
      {"db", StringSetter(&Config::db)},
      {"db_pool_size", IntSetter(&Config::db_pool_size, 1, 1024)},
      {"db_busy_timeout_ms", IntSetter(&Config::db_busy_timeout_ms, 0, 600'000)},
      {"storage_dir", StringSetter(&Config::storage_dir)},
      {"public_base_url", StringSetter(&Config::public_base_url)},
      {"jobs_enabled", BoolSetter(&Config::jobs_enabled)},
      {"job_poll_ms", IntSetter(&Config::job_poll_ms, 10, 3'600'000)},
      {"job_lease_ms", IntSetter(&Config::job_lease_ms, 100, 86'400'000)},
      {"log_level", StringSetter(&Config::log_level)},
      {"data_dir", StringSetter(&Config::data_dir)},
  };
  return kSetters;
}

}  // namespace

std::map<std::string, std::string> ReadConfigFile(const std::string& path) {
  std::ifstream in(path);
  if (!in)
    throw Error::BadRequest("config.unreadable", "无法读取配置文件 " + path,
                            "Cannot read config file " + path);
  std::map<std::string, std::string> values;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    line = Trim(line);
    if (line.empty() || line[0] == '#') continue;
    const auto eq = line.find('=');
    if (eq == std::string::npos)
      throw Error::BadRequest("config.syntax",
                              path + " 第 " + std::to_string(number) + " 行应为 KEY=VALUE",
                              path + " line " + std::to_string(number) + " should be KEY=VALUE");
    std::string key = Trim(line.substr(0, eq));
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    values[key] = Trim(line.substr(eq + 1));
  }
  return values;
}

void ApplyConfigValues(Config& config, const std::map<std::string, std::string>& values) {
  for (const auto& [key, value] : values) {
    const auto it = Setters().find(key);
    if (it == Setters().end())
      throw Error::BadRequest("config.unknown_key", "未知配置项 " + key, "Unknown setting " + key);
    try {
      it->second(config, value);
    } catch (const Error&) {
      throw BadValue(key, value, "合法取值 / a valid value");
    }
  }
}

std::map<std::string, std::string> ConfigValuesFromEnvironment() {
  static constexpr std::string_view kPrefix = "TONGBAN_";
  std::map<std::string, std::string> values;
  for (char** env = environ; env && *env; ++env) {
    std::string_view entry(*env);
    if (entry.rfind(kPrefix, 0) != 0) continue;
    const auto eq = entry.find('=');
    if (eq == std::string_view::npos) continue;
    std::string key(entry.substr(kPrefix.size(), eq - kPrefix.size()));
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!Setters().count(key)) continue;  // TONGBAN_TEST_MODE, TONGBAN_SHARED, ... are not settings
    values[key] = std::string(entry.substr(eq + 1));
  }
  return values;
}

std::vector<std::string> ConfigKeys() {
  std::vector<std::string> keys;
  for (const auto& [key, setter] : Setters()) keys.push_back(key);
  return keys;
}

bool TestModeEnabled() {
  const char* v = std::getenv("TONGBAN_TEST_MODE");
  return v && std::string_view(v) == "1";
}

}  // namespace tongban
