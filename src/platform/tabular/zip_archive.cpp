#include "platform/tabular/zip_archive.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <memory>

#include "platform/tabular/table_builder.hpp"

namespace tongban::tabular::internal {

ZipArchive::ZipArchive(std::string_view bytes) {
  // An old binary .xls is an OLE compound file; say so rather than "not a zip".
  if (bytes.substr(0, 4) == "\xD0\xCF\x11\xE0")
    throw BadFile("这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx", "this is an old .xls file; save it as .xlsx");
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source) archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (!archive_) {
    if (source) zip_source_free(source);  // only when zip_open_from_source did not take it
    throw BadFile("不是有效的 .xlsx 文件（不是 zip 压缩包或已损坏）",
                  "not a valid .xlsx file (not a zip archive, or damaged)");
  }
}

ZipArchive::~ZipArchive() {
  if (archive_) zip_discard(archive_);
}

std::optional<std::string> ZipArchive::Read(const std::string& name, std::size_t max_bytes) const {
  const zip_int64_t index = zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return std::nullopt;
  const auto too_large = [&] {
    return BadFile(fmt::format("{} 解压后超过 {} MB", name, max_bytes >> 20),
                   fmt::format("{} is larger than {} MB uncompressed", name, max_bytes >> 20));
  };
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
      st.size > max_bytes)
    throw too_large();
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0),
                                                         zip_fclose);
  if (!file) throw BadFile(name + " 无法解压（已加密或已损坏）", name + " cannot be inflated (encrypted or damaged)");
  // The stated size is the sender's word; the cap is enforced on what actually comes out.
  std::string out;
  char buffer[64 * 1024];
  for (;;) {
    const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
    if (n < 0) throw BadFile(name + " 已损坏", name + " is damaged");
    if (n == 0) break;
    if (out.size() + static_cast<std::size_t>(n) > max_bytes) throw too_large();
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return out;
}

}  // namespace tongban::tabular::internal
