#include "platform/pii/kek.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include <spdlog/spdlog.h>

#include "platform/crypto/hash.hpp"
#include "platform/db/database.hpp"
#include "platform/errors/error.hpp"

namespace tongban::pii {
namespace fs = std::filesystem;

std::string ParseHexKey(std::string_view hex) {
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  if (hex.size() != 64) return "";
  std::string out;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) return "";
    out.push_back(static_cast<char>(hi * 16 + lo));
  }
  return out;
}

std::string LoadKek(const Config& config) {
  if (!config.kek.empty()) {
    std::string key = ParseHexKey(config.kek);
    if (key.empty())
      throw Error::BadRequest("config.bad_kek", "配置项 kek 应为 64 个十六进制字符（32 字节）",
                              "Setting kek must be 64 hexadecimal characters (32 bytes)");
    return key;
  }
  if (TestModeEnabled()) {
    spdlog::warn("TEST MODE: using a fixed, publicly known key-encryption key; never use this for real data");
    return crypto::Sha256("tongban test-mode key-encryption key; not secret");
  }
  const auto url = db::DatabaseUrl::Parse(config.db);
  if (url.dialect != db::Dialect::kSqlite)
    throw Error::BadRequest("config.kek_missing",
                            "未配置密钥加密密钥 kek（64 个十六进制字符），PostgreSQL 部署必须配置并备份它",
                            "No key-encryption key: set kek (64 hex characters) for a PostgreSQL install, and back it up");
  fs::path db_path(url.target);
  const fs::path file = (db_path.has_parent_path() ? db_path.parent_path() : fs::path(".")) / "tongban.kek";
  std::error_code ec;
  if (fs::exists(file, ec)) {
    std::ifstream in(file);
    std::string hex;
    std::getline(in, hex);
    std::string key = ParseHexKey(hex);
    if (key.empty())
      throw Error::BadRequest("config.bad_kek", "密钥文件 " + file.string() + " 已损坏",
                              "The key file " + file.string() + " is damaged");
    spdlog::warn("using the key-encryption key in {} (no `kek` setting); BACK IT UP with the database", file.string());
    return key;
  }
  fs::create_directories(file.parent_path(), ec);
  const std::string key = crypto::RandomBytes(32);
  {
    std::ofstream out(file, std::ios::trunc);
    out << crypto::Hex(key) << "\n";
    if (!out)
      throw Error::BadRequest("config.kek_unwritable", "无法写入密钥文件 " + file.string(),
                              "Cannot write the key file " + file.string());
  }
  ::chmod(file.c_str(), 0600);
  spdlog::warn("*** GENERATED a new key-encryption key in {} — BACK IT UP with the database: without it the "
               "encrypted personal data and the audit signing key cannot be read ***",
               file.string());
  return key;
}

}  // namespace tongban::pii
