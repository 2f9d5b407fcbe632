// Migration text and SQL with placeholders: the splitter and rewriter never crash, and rewriting
// leaves text without '?' unchanged.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "platform/db/placeholders.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string sql(reinterpret_cast<const char*>(data), size);
  tongban::db::SplitStatements(sql);
  const std::string rewritten = tongban::db::RewritePlaceholders(sql);
  if (sql.find('?') == std::string::npos && rewritten != sql) std::abort();
  return 0;
}
