#pragma once
// The compiled form of a schema (internal to platform/schema): a graph of Nodes, one per
// subschema, each holding the checks of its keywords. $ref is an edge to another node, so a
// recursive schema is a cycle in the graph and nothing is copied. Built once by Compiler, then
// immutable: any number of threads may validate through it.
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tongban::schema::internal {

class Evaluation;
struct Node;

// The check of one keyword, or of a few that only mean something together (properties,
// patternProperties and additionalProperties; items and additionalItems; if, then and else).
class Keyword {
 public:
  virtual ~Keyword() = default;
  // True when `instance` satisfies the keyword. While `eval` collects, every violation is
  // reported to it and the check goes on; otherwise it may return at the first failure.
  virtual bool Check(const nlohmann::json& instance, Evaluation& eval) const = 0;
  // The subschemas this keyword applies to the same instance rather than to a part of it ($ref,
  // allOf, anyOf, oneOf, not, if/then/else, dependencies). A cycle made of these edges alone
  // would never reach the data, so Compile refuses it.
  virtual void AppendInPlace(std::vector<const Node*>& out) const {}
};

struct Node {
  enum class Kind { kAlways, kNever, kKeywords };  // true, false, an object schema
  Kind kind = Kind::kAlways;
  std::string title;     // "title", to name the field in Chinese messages
  std::string location;  // where it was written: "<document>#<pointer>", for compile errors
  std::vector<std::unique_ptr<Keyword>> keywords;
};

// What a Schema holds: every node, and the root.
struct Compiled {
  std::vector<std::unique_ptr<Node>> nodes;
  const Node* root = nullptr;
};

}  // namespace tongban::schema::internal
