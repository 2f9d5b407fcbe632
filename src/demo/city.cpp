// Identity's demo step: the city of Qingdao 青岛市 as DOMAIN.md and issue 4 describe it.
#include <fmt/format.h>

#include "demo/demo.hpp"
#include "identity/service.hpp"
#include "platform/codes/citizen_id.hpp"
#include "platform/codes/credit_code.hpp"

namespace tongban::demo {
namespace {

struct Dept {
  std::string key;         // how later steps find it
  std::string parent_key;  // "" for the root
  std::string name;
  std::string division;
  bool hall = false;
};

// The bureaus the seeds name; `approves` marks those that decide licences (a reviewer, an approver
// and a head each).
struct Bureau {
  std::string key;
  std::string name;
  bool approves;
};

const std::vector<Bureau>& Bureaus() {
  static const std::vector<Bureau> kBureaus = {
      {"xzsp", "青岛市行政审批服务局", true},
      {"scjg", "青岛市市场监督管理局", true},
      {"zjj", "青岛市住房和城乡建设局", true},
      {"zrzy", "青岛市自然资源和规划局", true},
      {"sthj", "青岛市生态环境局", true},
      {"wjw", "青岛市卫生健康委员会", true},
      {"yjj", "青岛市应急管理局", true},
      {"rsj", "青岛市人力资源和社会保障局", true},
      {"jtj", "青岛市交通运输局", true},
      {"swj", "国家税务总局青岛市税务局", false},
      {"gaj", "青岛市公安局", false},
      {"fgw", "青岛市发展和改革委员会", false},
      {"swuj", "青岛市商务局", false},
      {"wlj", "青岛市文化和旅游局", false},
      {"jyj", "青岛市教育局", false},
      {"mzj", "青岛市民政局", false},
      {"cgj", "青岛市城市管理局", false},
      {"xyb", "青岛市社会信用体系建设领导小组办公室", false},
      {"rx12345", "青岛市12345政务服务便民热线", false},
      {"zfb", "青岛市人民政府办公厅", false},
  };
  return kBureaus;
}

std::vector<Dept> Tree() {
  std::vector<Dept> out = {{"city", "", "青岛市", "370200"}};
  for (const auto& b : Bureaus()) out.push_back({b.key, "city", b.name, "370200"});
  out.push_back({"hall", "xzsp", "青岛市政务服务大厅", "370200", true});
  const std::vector<std::pair<std::string, std::string>> districts = {
      {"370202", "市南区"}, {"370203", "市北区"}, {"370211", "青岛西海岸新区"}, {"370212", "崂山区"},
      {"370213", "李沧区"}, {"370214", "城阳区"}, {"370215", "即墨区"},        {"370281", "胶州市"},
      {"370283", "平度市"}, {"370285", "莱西市"}};
  for (const auto& [code, name] : districts) out.push_back({"d" + code, "city", name, code});
  // 西海岸新区 (黄岛区 370211, DOMAIN.md: a functional zone shares its host district's code).
  out.push_back({"xha_xzsp", "d370211", "青岛西海岸新区行政审批服务局", "370211"});
  out.push_back({"xha_hall", "xha_xzsp", "青岛西海岸新区政务服务中心", "370211", true});
  out.push_back({"xha_scjg", "d370211", "青岛西海岸新区市场监督管理局", "370211"});
  for (const auto& [code, name] : std::vector<std::pair<std::string, std::string>>{
           {"370211001", "黄岛街道"}, {"370211002", "辛安街道"}, {"370211003", "薛家岛街道"},
           {"370211005", "长江路街道"}, {"370211013", "胶南街道"}})
    out.push_back({"s" + code, "d370211", name + std::string("办事处"), code});
  out.push_back({"sn_xzsp", "d370202", "市南区行政审批服务局", "370202"});
  out.push_back({"sn_hall", "sn_xzsp", "市南区政务服务大厅", "370202", true});
  for (const auto& [code, name] : std::vector<std::pair<std::string, std::string>>{
           {"370202001", "香港中路街道"}, {"370202005", "中山路街道"}, {"370202009", "八大关街道"},
           {"370202010", "湛山街道"}})
    out.push_back({"s" + code, "d370202", name + std::string("办事处"), code});
  return out;
}

struct Person {
  std::string username;
  std::string display_name;
  std::string department_key;
  std::vector<std::string> roles;
};

std::vector<Person> People() {
  std::vector<Person> out = {
      {"admin", "系统管理员", "city", {"admin"}},
      {"leader1", "王市长", "zfb", {"leader"}},
      {"hall1", "李主任", "hall", {"hall_supervisor"}},
      {"window1", "张窗口", "hall", {"window_clerk"}},
      {"window2", "赵窗口", "hall", {"window_clerk"}},
      {"window3", "孙窗口", "xha_hall", {"window_clerk"}},
      {"window4", "周窗口", "sn_hall", {"window_clerk"}},
      {"inspector1", "刘检查", "scjg", {"inspector"}},
      {"inspector2", "陈检查", "scjg", {"inspector"}},
      {"inspector3", "杨检查", "xha_scjg", {"inspector"}},
      {"dispatcher1", "吴派单", "rx12345", {"dispatcher"}},
      {"handler1", "郑承办", "s370211001", {"handler"}},
      {"handler2", "冯承办", "cgj", {"handler"}},
  };
  const std::vector<std::string> surnames = {"何", "吕", "施", "孔", "曹", "严", "华", "金", "魏"};
  std::size_t i = 0;
  for (const auto& b : Bureaus()) {
    if (!b.approves) continue;
    const std::string s = surnames[i++ % surnames.size()];
    out.push_back({"reviewer_" + b.key, s + "审查", b.key, {"reviewer"}});
    out.push_back({"approver_" + b.key, s + "审批", b.key, {"approver"}});
    out.push_back({"head_" + b.key, s + "局长", b.key, {"department_head"}});
  }
  return out;
}

std::string CitizenId(const std::string& first17) { return first17 + *codes::ComputeCitizenIdCheckChar(first17); }

std::string CreditCode(const std::string& first8, const std::string& org8) {
  const std::string first17 = first8 + org8 + *codes::ComputeOrgCodeCheckChar(org8);
  return first17 + *codes::ComputeCreditCodeCheckChar(first17);
}

void BuildCity(DemoContext& ctx) {
  const auto& divisions = *ctx.app.divisions;
  for (const auto& d : Tree()) {
    identity::DepartmentInput in;
    if (!d.parent_key.empty()) in.parent_id = ctx.departments.at(d.parent_key);
    in.name = d.name;
    in.division_code = d.division;
    in.is_service_hall = d.hall;
    in.sort = static_cast<int>(ctx.departments.size());
    ctx.departments[d.key] = identity::CreateDepartment(ctx.tx, ctx.now, ctx.actor, divisions, in).id;
  }
  const auto system = identity::SystemPrincipal();
  int n = 0;
  for (const auto& p : People()) {
    identity::UserInput in;
    in.username = p.username;
    in.display_name = p.display_name;
    in.department_id = ctx.departments.at(p.department_key);
    in.roles = p.roles;
    in.phone = fmt::format("1380532{:04d}", ++n);
    ctx.users[p.username] =
        identity::CreateUser(ctx.tx, ctx.now, ctx.actor, system, *ctx.app.vault, in, &ctx.password_hash).id;
  }
  // Applicants: a verified citizen, an unverified one, and a verified enterprise (legal person).
  const auto provider = identity::MakeDemoIdentityProvider();
  struct Reg {
    identity::ApplicantRegistration r;
    bool verify;
  };
  const std::vector<Reg> applicants = {
      {{"citizen1", kDemoPassword, "natural", "林晓梅", CitizenId("37021119880512042"), "", "13905320001"}, true},
      {{"citizen2", kDemoPassword, "natural", "高志强", CitizenId("37020219920830151"), "", "13905320002"}, false},
      {{"company1", kDemoPassword, "legal", "青岛海晏食品有限公司", CitizenId("37021119750101203"),
        CreditCode("91370211", "MA3C7Q2K"), "053286660001"},
       true},
  };
  for (const auto& a : applicants) {
    const auto made = identity::RegisterApplicant(ctx.tx, ctx.now, ctx.actor, *ctx.app.vault, a.r);
    ctx.users[a.r.username] = made.user_id;
    if (a.verify) identity::VerifyApplicant(ctx.tx, ctx.now, ctx.actor, *ctx.app.vault, made.id, provider.get());
  }
}

}  // namespace

void AddCityStep(Registry& registry) { registry.Add({"identity.city", BuildCity}); }

}  // namespace tongban::demo
