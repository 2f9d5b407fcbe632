#include "platform/http/paging.hpp"

#include <algorithm>
#include <charconv>

#include "platform/errors/error.hpp"

namespace tongban::http {
namespace {
int ParsePositive(const std::string& name, const std::string& value, int max) {
  int out = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
  if (ec != std::errc{} || end != value.data() + value.size() || out < 1 || out > max)
    throw Error::BadRequest("http.bad_paging", "参数 " + name + " 应为 1 到 " + std::to_string(max) + " 之间的整数",
                            "Parameter " + name + " must be an integer from 1 to " + std::to_string(max))
        .WithDetails({{"parameter", name}, {"value", value}});
  return out;
}
}  // namespace

Paging ParsePaging(const Request& request, const std::vector<std::string>& sortable) {
  Paging p;
  if (auto page = request.QueryParam("page")) p.page = ParsePositive("page", *page, 1'000'000);
  if (auto size = request.QueryParam("size")) p.size = ParsePositive("size", *size, 100);
  if (auto sort = request.QueryParam("sort"); sort && !sort->empty()) {
    std::size_t start = 0;
    while (start <= sort->size()) {
      const auto comma = sort->find(',', start);
      std::string field = sort->substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      SortKey key;
      if (!field.empty() && field[0] == '-') key.descending = true, field.erase(0, 1);
      if (std::find(sortable.begin(), sortable.end(), field) == sortable.end())
        throw Error::BadRequest("http.bad_sort", "不能按 " + field + " 排序", "Cannot sort by " + field)
            .WithDetails({{"parameter", "sort"}, {"allowed", sortable}});
      key.field = std::move(field);
      p.sort.push_back(std::move(key));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return p;
}

nlohmann::json PageJson(nlohmann::json items, std::int64_t total, const Paging& paging) {
  return {{"items", std::move(items)}, {"total", total}, {"page", paging.page}, {"size", paging.size}};
}

}  // namespace tongban::http
