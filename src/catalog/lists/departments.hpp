#pragma once
// The departments as the lists need them: by id for typed input and display, by exact name for
// import files. Read once per request through identity's service (never its tables): a city has
// hundreds of departments, not millions.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "identity/model.hpp"
#include "platform/db/database.hpp"

namespace tongban::catalog::lists {

class Departments {
 public:
  explicit Departments(db::Tx& tx);
  // nullptr for an unknown id.
  const identity::Department* Find(std::int64_t id) const;
  // "" for an unknown id.
  std::string NameOf(std::int64_t id) const;
  // Every department with exactly this name (sibling names are unique, names across the tree are
  // not: two districts may each have a 市场监督管理局).
  std::vector<const identity::Department*> Named(std::string_view name) const;

 private:
  std::vector<identity::Department> all_;
  std::map<std::int64_t, std::size_t> by_id_;
  std::multimap<std::string, std::size_t, std::less<>> by_name_;
};

}  // namespace tongban::catalog::lists
