#pragma once
// Turns a draft-07 schema document into Nodes (internal to platform/schema; Schema::Compile is
// the way in). Walks every subschema under the keywords it knows, checking each keyword's value
// as the draft-07 meta-schema would, and collects every problem before throwing, each at its
// pointer into the schema. $id and $ref follow draft-07: $id sets the base URI of its subschema,
// a $ref is resolved against the base in force, and a $ref object's other keywords are ignored.
//
// $refs are resolved after the whole document is compiled, from a work list (so a long chain of
// references does not recurse), and may name any place in the document by JSON Pointer, a
// subschema by its $id, the built-in draft-07 meta-schema, or what CompileOptions::load_document
// returns. Then the in-place graph ($ref, allOf, …) is searched for cycles.
//
// One Compiler per Compile call; not thread-safe.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/errors/error.hpp"
#include "platform/schema/messages.hpp"
#include "platform/schema/node.hpp"
#include "platform/schema/schema.hpp"

namespace tongban::schema::internal {

// The schema object being compiled, as keyword factories see it.
struct Site {
  const nlohmann::json& schema;  // the object
  std::string pointer;           // its place in its document (escaped JSON Pointer)
  std::string base;              // the base URI in force, its own $id applied
  std::size_t document;          // which document (0: the one being compiled)
  int depth;                     // subschema nesting below where compilation started

  // The keyword's value; nullptr when absent.
  const nlohmann::json* Find(std::string_view keyword) const;
  // pointer + "/" + keyword (escaped).
  std::string At(std::string_view keyword) const;
};

class Compiler {
 public:
  // Subschemas nested deeper than this are a problem: no form needs it, and it bounds recursion.
  static constexpr int kMaxNesting = 64;

  explicit Compiler(const CompileOptions& options);

  // Compiles `schema` and everything it refers to. Throws Error 422 "schema.invalid" with every
  // problem found.
  std::shared_ptr<const Compiled> Run(const nlohmann::json& schema);

  // ---- for keyword factories (keywords.hpp)

  // The subschema at site.schema[keyword], [keyword][name] or [keyword][index]; never null (a
  // problem is recorded and a stand-in returned when the value is not a schema).
  const Node* Subschema(const Site& site, std::string_view keyword);
  const Node* Subschema(const Site& site, std::string_view keyword, std::string_view name);
  const Node* Subschema(const Site& site, std::string_view keyword, std::size_t index);

  // Records a problem with the schema at `pointer` (a FieldError with code `keyword`).
  void Problem(const Site& site, const std::string& pointer, std::string_view keyword, const Text& text);

  // The keyword's value when it has the named shape; otherwise records a problem and answers
  // nullptr / nullopt. The keyword must be present.
  const nlohmann::json* ExpectNumber(const Site& site, std::string_view keyword);
  const nlohmann::json* ExpectString(const Site& site, std::string_view keyword);
  const nlohmann::json* ExpectArray(const Site& site, std::string_view keyword);
  const nlohmann::json* ExpectObject(const Site& site, std::string_view keyword);
  std::optional<bool> ExpectBoolean(const Site& site, std::string_view keyword);
  std::optional<std::uint64_t> ExpectNonNegativeInteger(const Site& site, std::string_view keyword);

  // Points *slot, once every document is compiled, at the node the site's "$ref" names.
  void DeferRef(const Site& site, const Node** slot);

  // Whether an unknown "format" is a problem: in the document being compiled, yes; in documents
  // it refers to (the meta-schema names formats we do not check), it is ignored.
  bool StrictFormats(const Site& site) const { return documents_[site.document].strict; }

 private:
  struct Document {
    std::string uri;                  // how it was named; "" for the document being compiled
    std::optional<nlohmann::json> owned;  // a loaded document; the compiled one is borrowed
    const nlohmann::json* json = nullptr;
    bool strict = false;
  };
  struct Location {
    std::size_t document;
    std::string pointer;
  };
  struct PendingRef {
    const Node** slot;
    std::string uri;      // absolute (as far as the base is)
    std::string pointer;  // of the "$ref" keyword, for problems
    std::size_t document;
  };

  const Node* CompileAt(const nlohmann::json& value, std::string pointer, std::string base,
                        std::size_t document, int depth);
  void CompileKeywords(Node& node, const Site& site);
  void CheckAnnotations(const Site& site);
  std::string RegisterId(const Site& site, const std::string& id);
  void ResolveRefs();
  std::optional<Location> Locate(const std::string& uri);
  std::optional<std::size_t> LoadDocument(const std::string& uri);
  const Node* NodeAt(const Location& location);
  std::string BaseAt(std::size_t document, const std::string& pointer) const;
  void FindInPlaceCycles();

  const CompileOptions& options_;
  std::deque<Document> documents_;
  std::map<std::string, std::size_t> documents_by_uri_;
  std::map<std::string, Location> ids_;  // absolute $id (and $id anchors) → where
  std::map<std::pair<std::size_t, std::string>, Node*> nodes_by_location_;
  std::deque<PendingRef> pending_refs_;
  std::shared_ptr<Compiled> compiled_;
  std::vector<FieldError> problems_;
};

}  // namespace tongban::schema::internal
