// Applying: creating a case for an item's published version (online, for someone under 帮办代办
// consent, or at the window), its form, and its materials' files.
#include "audit/service.hpp"

#include <fmt/format.h>

#include "cases/authority.hpp"
#include "cases/internal.hpp"
#include "cases/store.hpp"
#include "catalog/store.hpp"
#include "identity/store.hpp"
#include "platform/errors/error.hpp"
#include "platform/files/file_store.hpp"
#include "platform/files/sniff.hpp"

namespace tongban::cases {
namespace {

// The service hall whose windows take the item's cases: the hall of the department's own district
// (its 6-digit division), else the city's.
std::optional<std::int64_t> HallFor(db::Tx& tx, const std::string& division_code) {
  const auto district = division_code.substr(0, 6);
  std::optional<std::int64_t> city;
  for (const auto& r : tx.Query("SELECT id, division_code FROM departments WHERE is_service_hall = 1 AND status = 'active' "
                                "ORDER BY id")
                           .rows) {
    if (r.Text(1) == district) return r.Int(0);
    if (!city && r.Text(1).size() == 6 && r.Text(1).compare(4, 2, "00") == 0) city = r.Int(0);
  }
  return city;
}

// Control characters and path separators out, at most 200 bytes on a character boundary.
std::string CleanFileName(const std::string& name) {
  std::string out;
  for (unsigned char ch : name)
    if (ch >= 0x20 && ch != '/' && ch != '\\' && ch != 0x7f) out.push_back(static_cast<char>(ch));
  if (out.size() > 200) {
    std::size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out.empty() ? "file" : out;
}

const std::vector<std::string>& AllowedTypes() {
  static const std::vector<std::string> kTypes = {"application/pdf", "image/png", "image/jpeg"};
  return kTypes;
}

}  // namespace

Case Create(const Env& env, const Caller& caller, const NewCase& input) {
  const auto item = catalog::store::FindPublic(env.tx, input.item_code);
  if (!item)
    throw Error::NotFound("catalog.item_not_found", "未找到已发布的事项：" + input.item_code,
                          "No published item " + input.item_code);
  const auto entry = catalog::store::FindEntry(env.tx, item->entry_id);
  const auto info = FindVersionInfo(env.tx, entry->id, *entry->published_version_no);
  Case c;
  c.channel = "online";
  if (input.applicant_id && !(caller.applicant && caller.applicant->id == *input.applicant_id)) {
    if (!identity::IdentityStore::FindApplicant(env.tx, *input.applicant_id))
      FailField("/applicant_id", "unknown", "申请人不存在", "No such applicant");
    if (caller.HasRole(kWindowRole) && !caller.applicant) {
      c.channel = "window";
    } else if (store::HasConsent(env.tx, *input.applicant_id, caller.principal.user_id, env.Today().ToString())) {
      c.helper_user_id = caller.principal.user_id;
    } else {
      throw Error::Forbidden("cases.no_consent", "该申请人未授权您代为办理（帮办代办须有申请人的授权记录）",
                             "The applicant has not authorised you to act for them");
    }
    c.applicant_id = *input.applicant_id;
  } else if (caller.applicant) {
    c.applicant_id = caller.applicant->id;
  } else {
    FailField("/applicant_id", "required", "请指定申请人", "applicant_id is required");
  }
  const auto department = env.tx.QueryOne("SELECT division_code FROM departments WHERE id = ?", {entry->department_id});
  const auto division = department->Text(0).substr(0, 6);
  c.department_id = entry->department_id;
  c.hall_id = c.channel == "window" ? std::optional<std::int64_t>(caller.principal.department_id)
                                    : HallFor(env.tx, department->Text(0));
  const auto today = env.Today();
  const auto day = today.ToString();
  const auto seq = store::NextSequence(env.tx, division, day);
  c.number = fmt::format("{}-{}{}{}-{:06d}", division, day.substr(0, 4), day.substr(5, 2), day.substr(8, 2), seq);
  c.parent_id = input.parent_id;
  c.entry_id = entry->id;
  c.version_no = *entry->published_version_no;
  c.item_code = item->code;
  c.item_name = item->name;
  if (!caller.IsSystem()) c.created_by = caller.principal.user_id;
  c.form = input.form.is_object() ? input.form : nlohmann::json::object();
  c.created_at = c.updated_at = env.now;
  c.id = store::InsertCase(env.tx, c);
  std::vector<CaseMaterial> materials;
  const auto& listed = info->version.elements.materials;
  for (std::size_t i = 0; i < listed.size(); ++i)
    materials.push_back({static_cast<int>(i), listed[i].name, listed[i].required, listed[i].source, "missing", "", false, {}});
  store::InsertMaterials(env.tx, c.id, materials);
  Event event;
  event.action = "create";
  event.from_state = event.to_state = ToString(State::kDraft);
  event.detail = {{"channel", c.channel}, {"version_no", c.version_no}};
  Record(env, caller, c, event, true);
  if (input.submit) return Act(env, caller, c.id, "submit", {});
  return c;
}

Case UpdateForm(const Env& env, const Caller& caller, std::int64_t id, const nlohmann::json& form,
                std::optional<int> expected_version) {
  auto l = LoadVisible(env, caller, id, true);
  if (!IsOwnerSide(env, caller, l.c))
    throw Error::Forbidden("cases.not_allowed", "只有申请人或其授权的帮办人可以修改申请表", "Only the applicant's side may edit the form");
  if (l.c.state != State::kDraft && l.c.state != State::kSupplementRequested)
    throw Error::Conflict("cases.form_locked", "办件已提交，申请表不能再修改（补正时可修改）",
                          "The form can change only in a draft or when a supplement is requested");
  if (expected_version && *expected_version != l.c.version)
    throw Error::Conflict("cases.stale", "办件已被他人更新，请刷新后重试", "The case changed meanwhile; reload and retry");
  const int expected = l.c.version;
  l.c.form = form;
  Save(env, l.c, expected);
  Event event;
  event.action = "edit_form";
  event.from_state = event.to_state = ToString(l.c.state);
  Record(env, caller, l.c, event, true);
  return l.c;
}

CaseMaterial UploadMaterial(const Env& env, const Caller& caller, std::int64_t id, int index,
                            const std::string& bytes, const std::string& file_name) {
  auto l = LoadVisible(env, caller, id, true);
  auto materials = store::Materials(env.tx, id);
  if (index < 0 || index >= static_cast<int>(materials.size()))
    throw Error::NotFound("cases.material_not_found", "没有这项材料", "No such material");
  auto& m = materials[index];
  const auto s = l.c.state;
  const bool applicant_side = IsOwnerSide(env, caller, l.c);
  const bool clerk = IsHallClerk(caller, l.c);
  const bool open_for_all = s == State::kDraft || s == State::kSupplementRequested;
  const bool at_window = clerk && s == State::kSubmitted;
  const bool deficient = m.deficiency && m.status != "ok" && (s == State::kInReview || s == State::kSuspended);
  if (!applicant_side && !clerk) throw Error::Forbidden("cases.not_allowed", "您无权为此办件上传材料", "You may not upload materials to this case");
  if (!open_for_all && !at_window && !deficient)
    throw Error::Conflict("cases.materials_locked", "当前状态下不能再上传这项材料", "This material cannot be uploaded in the case's state");
  if (bytes.empty()) FailField("", "required", "文件为空", "The file is empty");
  if (bytes.size() > kMaterialLimitBytes) throw Error::PayloadTooLarge(kMaterialLimitBytes);
  const auto type = files::SniffMediaType(bytes);
  if (std::find(AllowedTypes().begin(), AllowedTypes().end(), type) == AllowedTypes().end())
    throw Error(415, "cases.file_type", "只接受 PDF、PNG 或 JPEG 文件（按文件内容识别，而非扩展名）",
                "Only PDF, PNG or JPEG files are accepted (judged by content, not name)");
  const auto stored = env.files.Put(env.tx, bytes, type, env.now);
  CaseMaterial::File f{0, stored.sha256, stored.size, type, CleanFileName(file_name), env.now,
                       caller.principal.display_name};
  f.version = store::AddMaterialFile(env.tx, id, index, f);
  m.status = "submitted";
  m.reason.clear();
  store::UpdateMaterial(env.tx, id, m);
  const int expected = l.c.version;
  Save(env, l.c, expected);
  Event event;
  event.action = "upload_material";
  event.from_state = event.to_state = ToString(s);
  event.detail = {{"index", index}, {"name", m.name}, {"version", f.version}, {"sha256", f.sha256}, {"size", f.size}};
  Record(env, caller, l.c, event, applicant_side);
  m.versions.push_back(f);
  return m;
}

std::pair<std::string, std::string> MaterialFile(const Env& env, const Caller& caller, std::int64_t id, int index,
                                                 std::optional<int> version) {
  LoadVisible(env, caller, id, false);
  const auto materials = store::Materials(env.tx, id);
  if (index < 0 || index >= static_cast<int>(materials.size()) || materials[index].versions.empty())
    throw Error::NotFound("cases.file_not_found", "这项材料没有上传文件", "No file for this material");
  const auto& versions = materials[index].versions;
  const CaseMaterial::File* f = &versions.back();
  if (version) {
    f = nullptr;
    for (const auto& v : versions)
      if (v.version == *version) f = &v;
    if (!f) throw Error::NotFound("cases.file_not_found", "没有这个版本的文件", "No such version of the file");
  }
  auto bytes = env.files.Get(env.tx, f->sha256);
  if (!bytes) throw Error::Internal("cases.file_missing", "material file " + f->sha256 + " is missing from storage");
  return {std::move(*bytes), f->media_type};
}

CaseMaterial CheckMaterial(const Env& env, const Caller& caller, std::int64_t id, int index,
                           const std::string& status, const std::string& reason) {
  auto l = LoadVisible(env, caller, id, true);
  const auto s = l.c.state;
  const bool at_window = IsHallClerk(caller, l.c) && s == State::kSubmitted;
  const bool in_review = (s == State::kInReview || s == State::kSuspended) && !caller.applicant &&
                         (HoldsStep(caller, l.c, l.plan, l.c.step_index) || IsHallClerk(caller, l.c));
  if (!at_window && !in_review)
    throw Error::Forbidden("cases.not_allowed", "只有受理窗口或当前环节的办理人员可以核验材料",
                           "Only the accepting window or the step in hand may check materials");
  if (status != "ok" && status != "faulty")
    FailField("/status", "enum", "核验结果应为 ok 或 faulty", "status must be ok or faulty");
  if (status == "faulty" && reason.find_first_not_of(' ') == std::string::npos)
    FailField("/reason", "required", "不合格的材料必须说明原因", "A faulty material needs the reason");
  auto materials = store::Materials(env.tx, id);
  if (index < 0 || index >= static_cast<int>(materials.size()))
    throw Error::NotFound("cases.material_not_found", "没有这项材料", "No such material");
  auto& m = materials[index];
  if (status == "ok" && m.versions.empty() && m.source == "applicant")
    throw Error::Conflict("cases.nothing_to_check", "这项材料尚未上传，不能核验为合格", "Nothing was uploaded for this material");
  m.status = status;
  m.reason = status == "faulty" ? reason : "";
  store::UpdateMaterial(env.tx, id, m);
  const int expected = l.c.version;
  // 容缺: once every promised material is in and checked, the decision may be made.
  if (!l.c.deficiency.is_null()) {
    bool all_in = true;
    for (const auto& x : materials)
      if (x.deficiency && x.status != "ok") all_in = false;
    if (all_in) {
      l.c.deficiency = nullptr;
      for (auto k : store::Clocks(env.tx, id))
        if (k.kind == "deficiency" && k.state != "stopped") {
          k.state = "stopped";
          k.stopped_on = env.Today().ToString();
          store::UpdateClock(env.tx, k);
        }
    }
  }
  Save(env, l.c, expected);
  Event event;
  event.action = "check_material";
  event.from_state = event.to_state = ToString(s);
  event.reason = m.reason;
  event.detail = {{"index", index}, {"name", m.name}, {"status", status}};
  Record(env, caller, l.c, event);
  return m;
}

Assistant GrantAssistant(const Env& env, const Caller& caller, const std::string& helper_username,
                         const std::string& expires_on, const std::string& note) {
  if (!caller.applicant) throw Error::Forbidden("cases.not_applicant", "只有申请人本人可以授权帮办", "Only an applicant may authorise a helper");
  const auto helper = identity::IdentityStore::FindUserByUsername(env.tx, helper_username);
  if (!helper || helper->status != "active")
    FailField("/helper_username", "unknown", "没有这个帮办人账号", "No such helper account");
  if (helper->id == caller.principal.user_id)
    FailField("/helper_username", "self", "不能授权自己", "You cannot authorise yourself");
  const auto until = time::Date::Parse(expires_on);
  const auto today = env.Today();
  if (!until || *until < today || until->DaysSince(today) > 366)
    FailField("/expires_on", "range", "授权截止日期应在今天到一年之内（YYYY-MM-DD）",
              "expires_on must be a date from today to a year ahead (YYYY-MM-DD)");
  Assistant a;
  a.applicant_id = caller.applicant->id;
  a.helper_user_id = helper->id;
  a.note = note;
  a.granted_at = env.now;
  a.expires_on = until->ToString();
  a.id = store::InsertAssistant(env.tx, a);
  audit::Append(env.tx, env.now, caller.actor, "cases.assistant.grant", "assistant", std::to_string(a.id),
                {{"helper", helper_username}, {"expires_on", a.expires_on}});
  return *store::FindAssistant(env.tx, a.id);
}

std::vector<Assistant> ListAssistants(const Env& env, const Caller& caller) {
  if (caller.applicant) return store::Assistants(env.tx, caller.applicant->id, std::nullopt);
  return store::Assistants(env.tx, std::nullopt, caller.principal.user_id);
}

void RevokeAssistant(const Env& env, const Caller& caller, std::int64_t id) {
  const auto a = store::FindAssistant(env.tx, id);
  if (!a || !caller.applicant || a->applicant_id != caller.applicant->id)
    throw Error::NotFound("cases.assistant_not_found", "没有这条授权", "No such authorisation");
  store::RevokeAssistant(env.tx, id, env.now);
  audit::Append(env.tx, env.now, caller.actor, "cases.assistant.revoke", "assistant", std::to_string(id), {});
}

}  // namespace tongban::cases
