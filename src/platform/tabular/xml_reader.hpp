#pragma once
// Internal to platform/tabular: a namespace-aware SAX pass over one XML part (expat) that refuses
// any DOCTYPE, so no entity can be declared or expanded (no "billion laughs", no external files).
// Handlers see local names only ("row", not "x:row"): writers differ in their prefixes.
#include <string>
#include <string_view>
#include <vector>

namespace tongban::tabular::internal {

struct XmlAttribute {
  std::string_view name;    // local name
  bool namespaced = false;  // had a namespace (r:id) rather than none (id)
  std::string_view value;
};

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void Start(std::string_view name, const std::vector<XmlAttribute>& attributes) = 0;
  virtual void End(std::string_view name) = 0;
  virtual void Text(std::string_view text) = 0;
};

// Throws BadFile naming `part` when the XML is malformed or has a DOCTYPE. What a handler throws
// is caught before it reaches expat (C code, which cannot be unwound), parsing stops, and it is
// rethrown from here.
void ParseXml(std::string_view xml, XmlHandler& handler, const std::string& part);

// The value of the attribute `name` (local name; namespaced or not as asked), or "".
std::string_view Attribute(const std::vector<XmlAttribute>& attributes, std::string_view name, bool namespaced = false);

}  // namespace tongban::tabular::internal
