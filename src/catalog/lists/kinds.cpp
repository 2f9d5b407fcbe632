#include "catalog/lists/kinds.hpp"

namespace tongban::catalog::lists {
namespace {

using T = ColumnType;
constexpr std::size_t kLong = 4000;

// The power types of the contract (power_type 权力类型); import files carry the Chinese name.
std::vector<EnumOption> PowerTypes() {
  return {{"licensing", "行政许可", "Licensing"},       {"penalty", "行政处罚", "Penalty"},
          {"enforcement", "行政强制", "Enforcement"},   {"levy", "行政征收", "Levy"},
          {"payment", "行政给付", "Payment"},           {"inspection", "行政检查", "Inspection"},
          {"confirmation", "行政确认", "Confirmation"}, {"reward", "行政奖励", "Reward"},
          {"adjudication", "行政裁决", "Adjudication"}, {"other", "其他", "Other"}};
}

Column Basis() { return {"basis", "依据", "Basis", T::kLongText, false, kLong}; }

// 不予处罚 and 减轻处罚 lists share their columns: the violation, its basis, when the list applies.
std::vector<Column> PenaltyColumns() {
  return {{"code", "编号", "Code", T::kText, true, 64},
          {"violation", "违法行为", "Violation", T::kLongText, true, 1000},
          {"legal_basis", "法律依据", "Legal basis", T::kLongText, true, kLong},
          {"conditions", "适用条件", "Conditions", T::kLongText, true, kLong},
          {"domain", "执法领域", "Enforcement domain", T::kText, true, 100},
          {"department", "实施部门", "Department", T::kDepartment, false, 200}};
}

std::vector<KindDef> Build() {
  std::vector<KindDef> kinds;
  kinds.push_back({"power", "权责清单", "Powers and responsibilities",
                   {{"department", "实施部门", "Department", T::kDepartment, true, 200},
                    {"power_type", "权力类型", "Power type", T::kEnum, true, 32, PowerTypes()},
                    {"name", "事项名称", "Item name", T::kText, true, 200},
                    {"code", "事项编码", "Code", T::kText, true, 64},
                    {"legal_basis", "设定依据", "Legal basis", T::kLongText, true, kLong},
                    {"responsibilities", "责任事项", "Responsibilities", T::kLongText, false, kLong},
                    {"accountability", "追责情形", "Accountability", T::kLongText, false, kLong},
                    {"implementer_credit_code", "实施主体统一社会信用代码", "Implementer credit code", T::kCreditCode,
                     false, 18}},
                   "code", "department", "", ""});
  kinds.push_back({"duty", "职责任务清单", "Duties and tasks",
                   {{"department", "部门", "Department", T::kDepartment, true, 200},
                    {"duty", "职责", "Duty", T::kLongText, true, 2000},
                    {"tasks", "具体工作事项", "Tasks", T::kLongText, true, kLong},
                    Basis()},
                   "", "department", "", ""});
  kinds.push_back({"boundary", "职责边界清单", "Responsibility boundaries",
                   {{"matter", "事项名称", "Matter", T::kText, true, 200},
                    {"lead_department", "牵头部门", "Lead department", T::kDepartment, true, 200},
                    {"assisting_departments", "配合部门", "Assisting departments", T::kText, false, 500},
                    {"boundary", "职责边界/分工", "Boundary", T::kLongText, true, kLong},
                    Basis()},
                   "", "lead_department", "matter", ""});
  kinds.push_back({"territorial", "属地管理事项责任清单", "Territorial responsibilities",
                   {{"matter", "事项名称", "Matter", T::kText, true, 200},
                    {"division_code", "行政区划代码", "Division code", T::kDivision, true, 9},
                    {"department", "责任部门", "Responsible department", T::kDepartment, true, 200},
                    {"street", "街道(镇)", "Street or township", T::kText, false, 100},
                    {"cooperation", "配合方式/协作机制", "Cooperation", T::kLongText, false, kLong},
                    Basis()},
                   "", "department", "matter", "division_code"});
  kinds.push_back({"proof", "证明事项清单", "Retained proofs",
                   {{"code", "证明事项编码", "Code", T::kText, true, 64},
                    {"name", "证明名称", "Proof name", T::kText, true, 200},
                    {"department", "开具单位", "Issuing department", T::kDepartment, true, 200},
                    {"legal_basis", "设定依据", "Legal basis", T::kLongText, true, kLong},
                    {"used_by", "索要单位及用途", "Used by", T::kLongText, false, kLong},
                    {"how_to_obtain", "开具方式", "How to obtain", T::kLongText, false, kLong}},
                   "code", "department", "", ""});
  kinds.push_back({"no_penalty", "不予行政处罚事项清单", "No-penalty list", PenaltyColumns(), "code", "department", "", ""});
  kinds.push_back({"lighter_penalty", "减轻处罚清单", "Lighter-penalty list", PenaltyColumns(), "code", "department", "", ""});
  return kinds;
}

}  // namespace

const char* ToString(ColumnType type) {
  switch (type) {
    case T::kText: return "text";
    case T::kLongText: return "longtext";
    case T::kDepartment: return "department";
    case T::kDivision: return "division";
    case T::kEnum: return "enum";
    case T::kCreditCode: return "credit_code";
    case T::kInt: return "int";
  }
  return "text";
}

const Column* KindDef::FindColumn(std::string_view key) const {
  for (const auto& c : columns)
    if (c.key == key) return &c;
  return nullptr;
}

const std::vector<KindDef>& Kinds() {
  static const std::vector<KindDef> kKinds = Build();
  return kKinds;
}

const KindDef* FindKind(std::string_view kind) {
  for (const auto& k : Kinds())
    if (k.kind == kind) return &k;
  return nullptr;
}

}  // namespace tongban::catalog::lists
