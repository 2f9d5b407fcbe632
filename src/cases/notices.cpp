// Notices as documents (issue 6 item 6): what each notice says, its verification code, the message
// that tells the applicant, and the PDF rendered on first request. The wording follows the model
// notices of 行政许可法 arts. 32, 38, 42, 45.
#include <fmt/format.h>
#include <map>

#include "cases/internal.hpp"
#include "cases/store.hpp"
#include "identity/store.hpp"
#include "messages/service.hpp"
#include "platform/crypto/hash.hpp"
#include "platform/documents/notice.hpp"
#include "platform/errors/error.hpp"
#include "platform/files/file_store.hpp"
#include "platform/pii/pii.hpp"

namespace tongban::cases {
namespace {

constexpr const char* kRemedy =
    "如不服本决定，可以自收到本文书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。";

struct Wording {
  const char* title;
  const char* suffix;  // of the document number
  const char* message_zh;
};

const Wording& WordingOf(const std::string& kind) {
  static const std::map<std::string, Wording> kWordings = {
      {"acceptance_notice", {"受理通知书", "SL", "您的申请已受理"}},
      {"deficiency_notice", {"容缺受理通知书", "RQ", "您的申请已容缺受理，请按期补齐材料"}},
      {"supplement_notice", {"补正材料通知书（一次性告知）", "BZ", "请补正材料：一次性告知书已送达"}},
      {"rejection_notice", {"不予受理通知书", "BSL", "您的申请不予受理"}},
      {"decision_approved", {"准予行政许可决定书", "ZY", "您的申请已获准予许可"}},
      {"decision_denied", {"不予行政许可决定书", "BY", "您的申请未获许可"}},
      {"suspension_notice", {"中止计时告知书", "ZZ", "您的办件中止计时"}},
      {"extension_notice", {"延长办理期限通知书", "YQ", "您的办件办理期限延长"}},
      {"termination_notice", {"终止办理通知书", "ZJ", "您的办件已终止办理"}},
  };
  const auto it = kWordings.find(kind);
  if (it == kWordings.end()) throw std::logic_error("no wording for notice kind " + kind);
  return it->second;
}

std::string ChineseDate(const time::Date& d) {
  return fmt::format("{}年{}月{}日", d.year(), d.month(), d.day());
}

std::vector<std::string> Paragraphs(const Env& env, const Case& c, const std::string& kind, const NoticeFacts& f) {
  const auto received = c.received_on.value_or(env.Today().ToString());
  const std::string applied = "你（单位）于 " + received + " 提出的「" + c.item_name + "」申请（办件编号 " + c.number + "）";
  std::vector<std::string> out;
  auto due = [&](const char* kind_name) {
    auto clock = env.tx.QueryOne("SELECT due_on, statutory_due_on FROM case_clocks WHERE case_id = ? AND kind = ? "
                                 "ORDER BY id DESC LIMIT 1",
                                 {c.id, kind_name});
    return clock ? std::make_pair(clock->Text(0), clock->Text(1)) : std::make_pair(std::string(), std::string());
  };
  if (kind == "acceptance_notice" || kind == "deficiency_notice") {
    const auto [on, statutory] = due("decision");
    out.push_back(applied + "，申请材料" + (kind == "acceptance_notice" ? "齐全、符合法定形式" : "主要材料齐全") +
                  "，根据《中华人民共和国行政许可法》第三十二条的规定，决定予以受理。");
    out.push_back("本机关将于 " + on + " 前作出决定（法定期限截至 " + statutory + "，依法需要听证、检验、检测、专家评审等的时间不计算在内）。");
    if (kind == "deficiency_notice") out.push_back("以下材料予以容缺受理，请按承诺期限补齐：");
  } else if (kind == "supplement_notice") {
    out.push_back(applied + "，经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现一次性告知你（单位）需要补正的全部内容：");
  } else if (kind == "rejection_notice") {
    out.push_back(applied + "，经审查，决定不予受理。");
    out.push_back("理由：" + f.reason);
    if (!f.legal_basis.empty()) out.push_back("依据：" + f.legal_basis);
    out.push_back(kRemedy);
  } else if (kind == "decision_approved") {
    out.push_back(applied + "，经审查，符合法定条件、标准，根据《中华人民共和国行政许可法》第三十八条第一款的规定，决定准予行政许可。");
    if (!f.reason.empty()) out.push_back("审批意见：" + f.reason);
    out.push_back("本机关将于作出决定之日起十个工作日内向你（单位）颁发、送达行政许可证件。");
  } else if (kind == "decision_denied") {
    out.push_back(applied + "，经审查，决定不予行政许可。");
    out.push_back("理由：" + f.reason);
    if (!f.legal_basis.empty()) out.push_back("依据：" + f.legal_basis);
    out.push_back(kRemedy);
  } else if (kind == "suspension_notice") {
    out.push_back(applied + "，因需" + f.reason + "，根据" + f.legal_basis + "的规定，该期间不计算在办理期限内。");
  } else if (kind == "extension_notice") {
    out.push_back(applied + "，因" + f.reason + "，不能在规定期限内作出决定。经本机关负责人批准，根据" + f.legal_basis + "的规定，延长办理期限。");
  } else if (kind == "termination_notice") {
    out.push_back(applied + "，因" + f.reason + "，决定终止办理。");
    out.push_back(kRemedy);
  }
  if (!f.extra.empty()) out.push_back(f.extra);
  return out;
}

std::int64_t UserOfApplicant(db::Tx& tx, std::int64_t applicant_id) {
  return tx.QueryOne("SELECT user_id FROM applicants WHERE id = ?", {applicant_id})->Int(0);
}

documents::Notice NoticeFrom(const nlohmann::json& content) {
  documents::Notice n;
  n.title = content.value("title", "");
  n.number = content.value("number", "");
  n.addressee = content.value("addressee", "");
  n.paragraphs = content.value("paragraphs", std::vector<std::string>{});
  for (const auto& f : content.value("fields", nlohmann::json::array()))
    n.fields.emplace_back(f.at(0).get<std::string>(), f.at(1).get<std::string>());
  n.list_items = content.value("list_items", std::vector<std::string>{});
  n.issuer = content.value("issuer", "");
  n.date = content.value("date", "");
  n.verify_url = content.value("verify_url", "");
  n.verify_code = content.value("verify_code", "");
  return n;
}

// The PDF of `d`, rendered and stored the first time it is asked for. Rendering is deterministic,
// so the hash recorded then is what every later copy must match.
std::string PdfOf(const Env& env, const Document& d) {
  if (d.pdf_sha256) {
    if (auto bytes = env.files.Get(env.tx, *d.pdf_sha256)) return *bytes;
  }
  auto pdf = documents::RenderNoticePdf(NoticeFrom(d.content));
  const auto stored = env.files.Put(env.tx, pdf, "application/pdf", env.now);
  store::SetDocumentPdf(env.tx, d.id, stored.sha256);
  return pdf;
}

}  // namespace

void NotifyApplicant(const Env& env, const Case& c, const std::string& kind, const std::string& title,
                     const std::string& body) {
  const std::string link = fmt::format("/portal/cases/{}", c.id);
  messages::Post(env.tx, env.now, {UserOfApplicant(env.tx, c.applicant_id), kind, title, body, link, env.notify_outbound});
  if (c.helper_user_id)
    messages::Post(env.tx, env.now, {*c.helper_user_id, kind, title, body, link, env.notify_outbound});
}

void NotifyStaff(const Env& env, std::int64_t department_id, const std::string& role, const std::string& kind,
                 const std::string& title, const std::string& body, const std::string& link) {
  for (const auto& r : env.tx.Query("SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id "
                                    "JOIN roles r ON r.id = ur.role_id WHERE u.department_id = ? AND r.code = ? "
                                    "AND u.status = 'active'",
                                    {department_id, role})
                           .rows)
    messages::Post(env.tx, env.now, {r.Int(0), kind, title, body, link, env.notify_outbound});
}

Document IssueNotice(const Env& env, const Case& c, const std::string& kind, const NoticeFacts& facts) {
  const auto& wording = WordingOf(kind);
  const auto applicant = identity::IdentityStore::FindApplicant(env.tx, c.applicant_id);
  const auto department = env.tx.QueryOne("SELECT name FROM departments WHERE id = ?", {c.department_id})->Text(0);
  Document d;
  d.case_id = c.id;
  d.kind = kind;
  d.code = crypto::RandomHex(10);
  d.title = wording.title;
  d.issued_at = env.now;
  const std::string who = applicant ? applicant->name : "";
  d.content = {{"title", d.title},
               {"number", c.number + "-" + wording.suffix},
               {"addressee", who + "："},
               {"paragraphs", Paragraphs(env, c, kind, facts)},
               {"fields", nlohmann::json::array({nlohmann::json::array({"办件编号", c.number}),
                                                 nlohmann::json::array({"申请事项", c.item_name}),
                                                 nlohmann::json::array({"申请人", who}),
                                                 nlohmann::json::array({"办理部门", department})})},
               {"list_items", facts.items},
               {"issuer", department},
               {"date", ChineseDate(env.Today())},
               {"verify_url", env.public_base_url + "/verify/" + d.code},
               {"verify_code", d.code}};
  d.content_sha256 = crypto::Sha256Hex(d.content.dump());
  d.id = store::InsertDocument(env.tx, d);
  NotifyApplicant(env, c, "cases." + kind, std::string(wording.message_zh) + "：" + c.item_name,
                  c.number + "：" + d.title + "已送达，可在“我的办件”中查看和下载。");
  return d;
}

std::string DocumentPdf(const Env& env, const Caller& caller, std::int64_t case_id, std::int64_t document_id) {
  LoadVisible(env, caller, case_id, false);
  const auto d = store::FindDocument(env.tx, document_id);
  if (!d || d->case_id != case_id) throw Error::NotFound("cases.document_not_found", "文书不存在", "No such document");
  return PdfOf(env, *d);
}

PublicDocument VerifyDocument(const Env& env, const std::string& code) {
  const auto d = store::FindDocumentByCode(env.tx, code);
  if (!d) throw Error::NotFound("cases.document_not_found", "未找到该文书：核验码无效", "No document has this verification code");
  const auto c = store::FindCase(env.tx, d->case_id);
  const auto applicant = identity::IdentityStore::FindApplicant(env.tx, c->applicant_id);
  PublicDocument p{*d, c->number, c->item_name,
                   env.tx.QueryOne("SELECT name FROM departments WHERE id = ?", {c->department_id})->Text(0), ""};
  // A person's name is shown masked on a public page; an organisation's name is public.
  if (applicant) p.applicant_masked = applicant->kind == "legal" ? applicant->name : pii::MaskName(applicant->name);
  return p;
}

bool CheckDocumentPdf(const Env& env, const std::string& code, const std::string& pdf) {
  const auto d = store::FindDocumentByCode(env.tx, code);
  if (!d) throw Error::NotFound("cases.document_not_found", "未找到该文书：核验码无效", "No document has this verification code");
  // The PDF issued is the one whose hash was kept when it was first rendered (now, if never).
  const auto issued_sha256 = d->pdf_sha256 ? *d->pdf_sha256 : crypto::Sha256Hex(PdfOf(env, *d));
  return crypto::Sha256Hex(pdf) == issued_sha256;
}

}  // namespace tongban::cases
