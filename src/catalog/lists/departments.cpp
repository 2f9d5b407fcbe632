#include "catalog/lists/departments.hpp"

#include "identity/service.hpp"

namespace tongban::catalog::lists {

Departments::Departments(db::Tx& tx) : all_(identity::ListDepartments(tx)) {
  for (std::size_t i = 0; i < all_.size(); ++i) {
    by_id_[all_[i].id] = i;
    by_name_.emplace(all_[i].name, i);
  }
}

const identity::Department* Departments::Find(std::int64_t id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &all_[it->second];
}

std::string Departments::NameOf(std::int64_t id) const {
  const auto* d = Find(id);
  return d ? d->name : "";
}

std::vector<const identity::Department*> Departments::Named(std::string_view name) const {
  std::vector<const identity::Department*> out;
  const auto [from, to] = by_name_.equal_range(name);
  for (auto it = from; it != to; ++it) out.push_back(&all_[it->second]);
  return out;
}

}  // namespace tongban::catalog::lists
