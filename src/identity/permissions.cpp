#include "identity/permissions.hpp"

#include <algorithm>

namespace tongban::identity {

const std::vector<PermissionDef>& Permissions() {
  static const std::vector<PermissionDef> kPermissions = {
      // system administration
      {"system.department.read", "查看部门", "View departments"},
      {"system.department.edit", "管理部门", "Manage departments"},
      {"system.user.read", "查看用户", "View users"},
      {"system.user.edit", "管理用户", "Manage users"},
      {"system.user.read_pii", "查看用户完整个人信息（留痕）", "View users' personal data unmasked (audited)"},
      {"system.role.read", "查看角色", "View roles"},
      {"system.role.edit", "管理角色", "Manage roles"},
      {"system.audit.read", "查看审计日志", "View the audit trail"},
      {"system.loginlog.read", "查看登录日志", "View the login log"},
      {"system.session.read", "查看在线会话", "View online sessions"},
      {"system.session.revoke", "强制下线", "Revoke sessions"},
      {"system.parameter.read", "查看参数", "View parameters"},
      {"system.parameter.edit", "修改参数", "Edit parameters"},
      {"system.calendar.read", "查看节假日", "View the calendar"},
      {"system.calendar.edit", "维护节假日", "Edit the calendar"},
      {"system.job.read", "查看后台任务", "View background jobs"},
      {"system.job.edit", "重试后台任务", "Retry background jobs"},
      {"system.apikey.read", "查看接口密钥", "View API keys"},
      {"system.apikey.edit", "管理接口密钥", "Manage API keys"},
      // identity: applicants
      {"identity.applicant.read", "查看申请人", "View applicants"},
      {"identity.applicant.verify", "核验申请人身份", "Verify applicants"},
      {"identity.applicant.read_pii", "查看申请人完整证件号（留痕）", "View applicants' ID numbers unmasked (audited)"},
      {"identity.profile.read", "查看本人资料", "View one's own profile"},
      {"identity.enterprise.act", "代表企业办事", "Act for an enterprise", true},
      // catalogue
      {"catalog.item.read", "查看事项", "View service items"},
      {"catalog.item.edit", "管理事项", "Manage service items"},
      {"catalog.list.read", "查看各类清单", "View the government lists"},
      {"catalog.list.edit", "管理各类清单", "Manage the government lists"},
      {"catalog.stats.read", "查看事项统计", "View catalogue statistics"},
      // cases
      {"cases.case.apply", "申请办事", "Apply for a service"},
      {"cases.case.read", "查看办件", "View cases"},
      {"cases.case.accept", "受理", "Accept applications"},
      {"cases.case.request_material", "一次性告知补正", "Ask once for missing material"},
      {"cases.case.reject", "不予受理", "Refuse to accept"},
      {"cases.case.confirm_refusal", "确认不予受理", "Confirm a window's refusal"},
      {"cases.case.review", "审查", "Review"},
      {"cases.case.approve", "审批决定", "Decide"},
      {"cases.case.extend", "批准延期", "Approve an extension"},
      {"cases.case.suspend", "中止计时", "Suspend a clock"},
      {"cases.case.issue", "出件送达", "Issue and deliver results"},
      {"cases.case.terminate", "终止办理", "Terminate a case"},
      {"cases.material.upload", "上传申请材料", "Upload application materials"},
      {"cases.material.check", "核验申请材料", "Check application materials"},
      {"cases.deadline.read", "查看时限监督", "View deadline supervision"},
      {"cases.assistant.manage", "帮办代办授权", "Manage assisted-handling consents"},
      // licences
      {"licences.licence.issue", "发证", "Issue licences"},
      {"licences.licence.revoke", "注销证照", "Revoke licences"},
      {"licences.licence.read_own", "查看本人证照", "View one's own licences", true},
      {"licences.licence.reuse", "复用证照免交材料", "Reuse licences instead of paper", true},
      // supervision
      {"supervision.plan.read", "查看抽查计划", "View inspection plans"},
      {"supervision.plan.edit", "制定抽查计划", "Manage inspection plans"},
      {"supervision.draw.run", "执行随机抽取", "Run random draws"},
      {"supervision.task.read", "查看检查任务", "View inspection tasks"},
      {"supervision.task.record", "录入检查结果", "Record inspection results"},
      // credit
      {"credit.record.read", "查看信用记录", "View credit records"},
      {"credit.record.edit", "管理信用记录", "Manage credit records"},
      {"credit.disclosure.publish", "双公示发布", "Publish disclosures"},
      // 12345 demands
      {"demands.demand.read", "查看诉求", "View demands"},
      {"demands.demand.dispatch", "派单", "Dispatch demands"},
      {"demands.demand.handle", "办理诉求", "Handle demands"},
      {"demands.demand.reply", "答复诉求", "Reply to demands"},
      // ratings and analytics
      {"evaluation.rating.create", "评价服务", "Rate a service"},
      {"evaluation.rating.read", "查看评价", "View ratings"},
      {"analytics.dashboard.read", "查看统计看板", "View dashboards"},
      {"analytics.rectification.edit", "管理整改台账", "Manage the rectification ledger"},
  };
  return kPermissions;
}

const PermissionDef* FindPermission(std::string_view code) {
  for (const auto& p : Permissions())
    if (p.code == code) return &p;
  return nullptr;
}

bool IsWellFormedPermission(std::string_view code) {
  int segments = 1;
  bool segment_empty = true;
  for (char c : code) {
    if (c == '.') {
      if (segment_empty) return false;
      ++segments;
      segment_empty = true;
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
      segment_empty = false;
    } else {
      return false;
    }
  }
  return segments == 3 && !segment_empty;
}

const char* ToString(DataScope scope) {
  switch (scope) {
    case DataScope::kOwn: return "own";
    case DataScope::kChildren: return "children";
    case DataScope::kAll: return "all";
  }
  return "own";
}

std::optional<DataScope> ParseDataScope(std::string_view text) {
  if (text == "own") return DataScope::kOwn;
  if (text == "children") return DataScope::kChildren;
  if (text == "all") return DataScope::kAll;
  return std::nullopt;
}

DataScope Wider(DataScope a, DataScope b) { return static_cast<int>(a) > static_cast<int>(b) ? a : b; }

namespace {

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

std::vector<std::string> WithPrefix(std::string_view prefix) {
  std::vector<std::string> out;
  for (const auto& p : Permissions())
    if (p.code.rfind(prefix, 0) == 0) out.push_back(p.code);
  return out;
}

std::vector<std::string> Concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace

const std::vector<BuiltinRole>& BuiltinRoles() {
  using S = DataScope;
  static const std::vector<BuiltinRole> kRoles = [] {
    std::vector<BuiltinRole> roles = {
        {"admin", "系统管理员", "System administrator", S::kAll,
         Concat(Concat(WithPrefix("system."), WithPrefix("identity.applicant.")),
                WithPrefix("catalog.")),
         "admin"},
        {"hall_supervisor", "大厅负责人", "Hall supervisor", S::kChildren,
         {"cases.case.read", "cases.case.confirm_refusal", "cases.deadline.read", "catalog.item.read", "identity.applicant.read",
          "evaluation.rating.read", "analytics.dashboard.read"},
         "hall1"},
        {"window_clerk", "综合窗口人员", "Window clerk", S::kChildren,
         {"cases.case.read", "cases.case.accept", "cases.case.request_material", "cases.case.reject", "cases.case.apply",
          "cases.case.issue", "cases.case.approve", "cases.material.upload", "cases.material.check", "cases.assistant.manage",
          "catalog.item.read", "identity.applicant.read", "identity.applicant.verify", "identity.applicant.read_pii"},
         "window1"},
        {"reviewer", "审查人员", "Reviewer", S::kOwn,
         {"cases.case.read", "cases.case.review", "cases.case.suspend", "cases.material.check", "catalog.item.read"},
         "reviewer_scjg"},
        {"approver", "审批人员", "Approver", S::kOwn,
         {"cases.case.read", "cases.case.approve", "cases.case.review", "cases.case.issue", "cases.material.check",
          "licences.licence.issue", "catalog.item.read"},
         "approver_scjg"},
        {"department_head", "部门负责人", "Department head", S::kChildren,
         {"cases.case.read", "cases.case.extend", "cases.case.approve", "cases.case.review", "cases.case.suspend",
          "cases.case.terminate", "cases.deadline.read", "cases.material.check", "licences.licence.revoke", "catalog.item.read",
          "catalog.item.edit", "catalog.list.read", "catalog.stats.read", "supervision.plan.read", "supervision.plan.edit", "supervision.draw.run",
          "credit.record.read", "credit.record.edit", "credit.disclosure.publish", "analytics.dashboard.read",
          "analytics.rectification.edit"},
         "head_scjg"},
        {"inspector", "执法检查人员", "Inspector", S::kOwn,
         {"supervision.plan.read", "supervision.task.read", "supervision.task.record", "credit.record.read",
          "cases.case.read", "cases.case.review", "cases.material.check"},
         "inspector1"},
        {"dispatcher", "12345派单员", "12345 dispatcher", S::kAll,
         {"demands.demand.read", "demands.demand.dispatch", "catalog.list.read"}, "dispatcher1"},
        {"handler", "诉求承办人员", "Demand handler", S::kOwn,
         {"demands.demand.read", "demands.demand.handle", "demands.demand.reply"}, "handler1"},
        {"leader", "领导", "Leader", S::kAll,
         {"analytics.dashboard.read", "analytics.rectification.edit", "cases.case.read", "cases.deadline.read", "catalog.item.read",
          "catalog.list.read", "catalog.stats.read", "supervision.plan.read",
          "supervision.task.read", "credit.record.read", "demands.demand.read", "evaluation.rating.read"},
         "leader1"},
        {"applicant", "申请人", "Applicant", S::kOwn,
         {"identity.profile.read", "identity.enterprise.act", "cases.case.apply", "cases.case.read",
          "cases.material.upload", "cases.assistant.manage",
          "licences.licence.read_own", "licences.licence.reuse", "evaluation.rating.create"},
         "citizen1"},
        {"system", "系统", "System", S::kAll,
         Concat(Concat(WithPrefix("cases."), Concat(WithPrefix("supervision."), WithPrefix("credit."))),
                {"licences.licence.issue", "licences.licence.revoke", "demands.demand.read", "system.job.read"}),
         ""},
    };
    for (auto& r : roles) r.permissions = Sorted(r.permissions);
    return roles;
  }();
  return kRoles;
}

const BuiltinRole* FindBuiltinRole(std::string_view code) {
  for (const auto& r : BuiltinRoles())
    if (r.code == code) return &r;
  return nullptr;
}

}  // namespace tongban::identity
