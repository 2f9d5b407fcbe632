// Identity rules on both stores: bad input is refused with nothing written; lockout per account
// and address; sessions expire, slide and can be revoked; API keys carry only their scope; an
// unverified applicant lacks a verified applicant's rights; data scopes limit what users see.
#include <gtest/gtest.h>

#include "audit/service.hpp"
#include "identity/password.hpp"
#include "identity/service.hpp"
#include "platform/codes/citizen_id.hpp"
#include "platform/codes/test_data_dir.hpp"
#include "platform/crypto/hash.hpp"
#include "platform/db/migrate.hpp"
#include "platform/errors/error.hpp"
#include "support/test_databases.hpp"

namespace tongban::identity {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

const time::Instant kT0 = time::FromMicros(1'795'000'000'000'000);  // 2026-11-17

const codes::DivisionTable& Divisions() {
  static const auto kTable = codes::DivisionTable::LoadFromDirectory(testing::TestDataDir() / "divisions");
  return kTable;
}

// The code of the Error `f` throws; "" when it throws none.
template <class F>
std::string ErrorCode(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return "";
}

class IdentityServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    store_ = std::make_unique<testing::TestDatabase>(GetParam());
    db::Migrate(db(), db::BuiltInMigrations());
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    city_ = Dept(tx, std::nullopt, "青岛市", "370200");
    bureau_ = Dept(tx, city_, "青岛市市场监督管理局", "370200");
    district_ = Dept(tx, city_, "青岛西海岸新区", "370211");
    street_ = Dept(tx, district_, "黄岛街道办事处", "370211001");
    hash_ = HashPassword("Tongban@2026");
    admin_ = User(tx, "admin", city_, {"admin"});
    clerk_ = User(tx, "window1", bureau_, {"window_clerk"});
    tx.Commit();
  }

  db::Database& db() { return store_->db(); }
  audit::Actor Actor() { return audit::SystemActor(); }

  std::int64_t Dept(db::Tx& tx, std::optional<std::int64_t> parent, const std::string& name, const std::string& division) {
    DepartmentInput in;
    in.parent_id = parent;
    in.name = name;
    in.division_code = division;
    return CreateDepartment(tx, kT0, Actor(), Divisions(), in).id;
  }
  std::int64_t User(db::Tx& tx, const std::string& username, std::int64_t dept, std::vector<std::string> roles,
                    std::optional<std::string> phone = std::nullopt) {
    UserInput in;
    in.username = username;
    in.display_name = username;
    in.department_id = dept;
    in.roles = std::move(roles);
    in.phone = phone;
    return CreateUser(tx, kT0, Actor(), SystemPrincipal(), vault_, in, &hash_).id;
  }
  std::int64_t Count(const std::string& table) {
    db::Tx tx = db().Begin(db::TxMode::kRead);
    return tx.QueryOne("SELECT COUNT(*) FROM " + table)->Int(0);
  }
  // The three phases a login route runs.
  LoginOutcome Login(const std::string& username, const std::string& password, const std::string& addr,
                     time::Instant now) {
    LoginRequest req{username, password, addr, "unit-test", "req"};
    LoginCheck check;
    {
      db::Tx tx = db().Begin(db::TxMode::kRead);
      check = PrepareLogin(tx, now, req);
    }
    const bool ok = CheckPassword(check, password);
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    auto out = FinishLogin(tx, now, check, ok, req);
    tx.Commit();
    return out;
  }
  Authenticated Session(const std::string& token, time::Instant now) {
    db::Tx tx = db().Begin(db::TxMode::kRead);
    return AuthenticateSession(tx, now, token);
  }

  std::unique_ptr<testing::TestDatabase> store_;
  pii::Vault vault_{std::string(32, '\x09')};
  std::string hash_;
  std::int64_t city_ = 0, bureau_ = 0, district_ = 0, street_ = 0, admin_ = 0, clerk_ = 0;
};

TEST_P(IdentityServiceTest, DepartmentRulesRefuseBadInputAndWriteNothing) {
  const auto departments = Count("departments"), records = Count("audit_records");
  db::Tx tx = db().Begin(db::TxMode::kWrite);
  DepartmentInput in;
  in.parent_id = city_;
  in.name = "某局";
  in.division_code = "370299";
  EXPECT_EQ(ErrorCode([&] { CreateDepartment(tx, kT0, Actor(), Divisions(), in); }), "identity.bad_division");
  in.division_code = "110105";
  EXPECT_EQ(ErrorCode([&] { CreateDepartment(tx, kT0, Actor(), Divisions(), in); }), "identity.bad_division")
      << "Beijing is not within Qingdao";
  in.division_code = "370200";
  in.parent_id = 9999;
  EXPECT_EQ(ErrorCode([&] { CreateDepartment(tx, kT0, Actor(), Divisions(), in); }), "identity.unknown_parent");
  // A cycle: the city under its own street.
  DepartmentInput cycle{street_, "青岛市", "370200"};
  EXPECT_EQ(ErrorCode([&] { UpdateDepartment(tx, kT0, Actor(), Divisions(), city_, cycle); }), "identity.department_cycle");
  DepartmentInput self{city_, "青岛市", "370200"};
  EXPECT_EQ(ErrorCode([&] { UpdateDepartment(tx, kT0, Actor(), Divisions(), city_, self); }), "identity.department_cycle");
  EXPECT_EQ(ErrorCode([&] { DeleteDepartment(tx, kT0, Actor(), district_); }), "identity.department_has_children");
  EXPECT_EQ(ErrorCode([&] { DeleteDepartment(tx, kT0, Actor(), bureau_); }), "identity.department_has_users");
  tx.Commit();
  EXPECT_EQ(Count("departments"), departments);
  EXPECT_EQ(Count("audit_records"), records);
}

TEST_P(IdentityServiceTest, DuplicateSiblingNameIsAConflict) {
  db::Tx tx = db().Begin(db::TxMode::kWrite);
  DepartmentInput in{city_, "青岛市市场监督管理局", "370200"};
  EXPECT_EQ(ErrorCode([&] { CreateDepartment(tx, kT0, Actor(), Divisions(), in); }), "identity.duplicate_department");
}

TEST_P(IdentityServiceTest, UserRulesRefuseBadInput) {
  const auto users = Count("users");
  db::Tx tx = db().Begin(db::TxMode::kWrite);
  UserInput in;
  in.username = "bob";
  in.display_name = "Bob";
  in.password = "Abcdef12!";
  in.roles = {"reviewer"};
  EXPECT_EQ(ErrorCode([&] { CreateUser(tx, kT0, Actor(), SystemPrincipal(), vault_, in); }), "identity.department_required");
  in.department_id = 9999;
  EXPECT_EQ(ErrorCode([&] { CreateUser(tx, kT0, Actor(), SystemPrincipal(), vault_, in); }), "identity.unknown_department");
  in.department_id = bureau_;
  in.roles = {"overlord"};
  EXPECT_EQ(ErrorCode([&] { CreateUser(tx, kT0, Actor(), SystemPrincipal(), vault_, in); }), "identity.unknown_role");
  in.roles = {"system"};
  EXPECT_EQ(ErrorCode([&] { CreateUser(tx, kT0, Actor(), SystemPrincipal(), vault_, in); }), "identity.unknown_role");
  in.roles = {"reviewer"};
  in.password = "password";
  EXPECT_EQ(ErrorCode([&] { CreateUser(tx, kT0, Actor(), SystemPrincipal(), vault_, in); }), "identity.weak_password");
  in.password = "Abcdef12!";
  in.username = "Bad Name";
  EXPECT_EQ(ErrorCode([&] { CreateUser(tx, kT0, Actor(), SystemPrincipal(), vault_, in); }), "identity.bad_username");
  in.username = "window1";
  EXPECT_EQ(ErrorCode([&] { CreateUser(tx, kT0, Actor(), SystemPrincipal(), vault_, in); }), "identity.duplicate_username");
  tx.Commit();
  EXPECT_EQ(Count("users"), users);
}

TEST_P(IdentityServiceTest, RolesGrantOnlyRegisteredPermissionsAndBuiltinsAreFixed) {
  db::Tx tx = db().Begin(db::TxMode::kWrite);
  RoleInput in{"auditor", "审计员", "Auditor", {"system.audit.read", "system.nuke.all"}, DataScope::kAll};
  EXPECT_EQ(ErrorCode([&] { CreateRole(tx, kT0, Actor(), SystemPrincipal(), in); }), "identity.unknown_permission");
  in.permissions = {"system.audit.read"};
  const auto role = CreateRole(tx, kT0, Actor(), SystemPrincipal(), in);
  EXPECT_FALSE(role.builtin);
  std::int64_t admin_id = 0;
  for (const auto& r : ListRoles(tx))
    if (r.code == "admin") admin_id = r.id;
  EXPECT_EQ(ErrorCode([&] { UpdateRole(tx, kT0, Actor(), SystemPrincipal(), admin_id, in); }), "identity.builtin_role");
  // A caller cannot hand out administrative powers it lacks.
  http::Principal weak;
  weak.username = "weak";
  weak.kind = "user";
  weak.permissions = {"system.role.edit"};
  RoleInput grab{"grab", "夺权", "Grab", {"system.user.edit"}, DataScope::kAll};
  EXPECT_EQ(ErrorCode([&] { CreateRole(tx, kT0, Actor(), weak, grab); }), "identity.cannot_grant");
}

TEST_P(IdentityServiceTest, FifthFailureLocksThatAddressOnlyUntilTheLockEnds) {
  for (int i = 1; i <= 4; ++i)
    EXPECT_EQ(Login("window1", "wrong", "10.0.0.9", kT0).kind, LoginOutcome::Kind::kBadCredentials) << i;
  const auto fifth = Login("window1", "wrong", "10.0.0.9", kT0);
  ASSERT_EQ(fifth.kind, LoginOutcome::Kind::kLocked);
  EXPECT_EQ(*fifth.locked_until, kT0 + minutes(15));
  EXPECT_EQ(Login("window1", "Tongban@2026", "10.0.0.9", kT0 + minutes(1)).kind, LoginOutcome::Kind::kLocked)
      << "even the right password";
  EXPECT_EQ(Login("window1", "Tongban@2026", "10.0.0.7", kT0 + minutes(1)).kind, LoginOutcome::Kind::kOk)
      << "a stranger elsewhere cannot lock the clerk out";
  EXPECT_EQ(Login("window1", "Tongban@2026", "10.0.0.9", kT0 + minutes(16)).kind, LoginOutcome::Kind::kOk);
  db::Tx tx = db().Begin(db::TxMode::kRead);
  std::int64_t total = 0;
  LoginLogFilter filter;
  filter.username = "window1";
  filter.result = "locked";
  ListLoginLog(tx, filter, &total);
  EXPECT_EQ(total, 2);
}

TEST_P(IdentityServiceTest, ThresholdComesFromTheParameter) {
  {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    tx.Exec("INSERT INTO system_parameters (key, value, updated_at, updated_by) VALUES ('auth.lockout_threshold', '2', 0, 'test')");
    tx.Commit();
  }
  EXPECT_EQ(Login("window1", "wrong", "10.0.0.9", kT0).kind, LoginOutcome::Kind::kBadCredentials);
  EXPECT_EQ(Login("window1", "wrong", "10.0.0.9", kT0).kind, LoginOutcome::Kind::kLocked);
}

TEST_P(IdentityServiceTest, UnknownUsersFailAlikeAndAreCounted) {
  EXPECT_EQ(Login("nobody", "Tongban@2026", "10.0.0.9", kT0).kind, LoginOutcome::Kind::kBadCredentials);
  EXPECT_EQ(Count("login_log"), 1);
}

TEST_P(IdentityServiceTest, SessionsSlideExpireAndCanBeRevoked) {
  const auto login = Login("admin", "Tongban@2026", "10.0.0.1", kT0);
  ASSERT_EQ(login.kind, LoginOutcome::Kind::kOk);
  {
    db::Tx tx = db().Begin(db::TxMode::kRead);
    EXPECT_FALSE(tx.QueryOne("SELECT 1 FROM sessions WHERE token_hash = ?", {login.session_token}).has_value())
        << "only the token's hash is stored";
  }
  auto auth = Session(login.session_token, kT0 + hours(1));
  ASSERT_TRUE(auth.principal);
  EXPECT_EQ(auth.principal->username, "admin");
  EXPECT_EQ(auth.csrf_token, login.csrf_token);
  EXPECT_TRUE(std::is_sorted(auth.principal->permissions.begin(), auth.principal->permissions.end()));
  EXPECT_TRUE(auth.principal->HasPermission("system.user.edit"));
  EXPECT_FALSE(Session(login.session_token, kT0 + hours(8)).principal) << "expired after 8 idle hours";
  {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    TouchSession(tx, kT0 + hours(7), auth.session_id);
    tx.Commit();
  }
  EXPECT_TRUE(Session(login.session_token, kT0 + hours(14)).principal) << "sliding expiry";
  {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    RevokeSession(tx, kT0 + hours(8), Actor(), auth.session_id);
    EXPECT_EQ(ErrorCode([&] { RevokeSession(tx, kT0 + hours(8), Actor(), auth.session_id); }), "identity.session_not_found");
    tx.Commit();
  }
  EXPECT_FALSE(Session(login.session_token, kT0 + hours(9)).principal) << "revoked";
  EXPECT_FALSE(Session("not-a-token", kT0).principal);
}

TEST_P(IdentityServiceTest, DisablingAUserEndsItsSessions) {
  const auto login = Login("window1", "Tongban@2026", "10.0.0.1", kT0);
  ASSERT_EQ(login.kind, LoginOutcome::Kind::kOk);
  {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    UserInput in;
    in.display_name = "window1";
    in.department_id = bureau_;
    in.roles = {"window_clerk"};
    in.status = "disabled";
    UpdateUser(tx, kT0, Actor(), SystemPrincipal(), vault_, clerk_, in);
    tx.Commit();
  }
  EXPECT_FALSE(Session(login.session_token, kT0 + minutes(1)).principal);
  EXPECT_EQ(Login("window1", "Tongban@2026", "10.0.0.1", kT0).kind, LoginOutcome::Kind::kDisabled);
}

TEST_P(IdentityServiceTest, ApiKeysCarryOnlyTheirScope) {
  auto admin = SystemPrincipal();
  NewApiKey made;
  {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    EXPECT_EQ(ErrorCode([&] { CreateApiKey(tx, kT0, Actor(), admin, "k", {"system.nuke.all"}, std::nullopt); }),
              "identity.unknown_permission");
    EXPECT_EQ(ErrorCode([&] { CreateApiKey(tx, kT0, Actor(), admin, "k", {}, std::nullopt); }), "identity.empty_scope");
    made = CreateApiKey(tx, kT0, Actor(), admin, "integration", {"system.department.read"}, 30);
    tx.Commit();
  }
  EXPECT_EQ(made.secret.rfind("tbk_", 0), 0u);
  {
    db::Tx tx = db().Begin(db::TxMode::kRead);
    EXPECT_FALSE(tx.QueryOne("SELECT 1 FROM api_keys WHERE key_hash = ?", {made.secret}).has_value());
    EXPECT_TRUE(tx.QueryOne("SELECT 1 FROM api_keys WHERE key_hash = ?", {crypto::Sha256Hex(made.secret)}).has_value());
    const auto auth = AuthenticateApiKey(tx, kT0 + hours(1), made.secret);
    ASSERT_TRUE(auth.principal);
    EXPECT_EQ(auth.principal->permissions, std::vector<std::string>{"system.department.read"});
    EXPECT_FALSE(auth.principal->HasPermission("system.user.read")) << "beyond its scope";
    EXPECT_FALSE(AuthenticateApiKey(tx, kT0 + hours(24 * 31), made.secret).principal) << "expired";
    EXPECT_FALSE(AuthenticateApiKey(tx, kT0, "tbk_wrong").principal);
  }
  {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    RevokeApiKey(tx, kT0, Actor(), made.key.id);
    tx.Commit();
  }
  db::Tx tx = db().Begin(db::TxMode::kRead);
  EXPECT_FALSE(AuthenticateApiKey(tx, kT0, made.secret).principal) << "revoked";
}

TEST_P(IdentityServiceTest, UnverifiedApplicantLacksVerifiedRights) {
  const std::string first17 = "37021119880512042";
  const std::string id = first17 + *codes::ComputeCitizenIdCheckChar(first17);
  Applicant a;
  {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    ApplicantRegistration bad{"lin", "Abcdef12!", "natural", "林", first17 + "0", "", ""};
    if (bad.id_number == id) bad.id_number = first17 + "1";
    EXPECT_EQ(ErrorCode([&] { RegisterApplicant(tx, kT0, Actor(), vault_, bad); }), "identity.bad_registration");
    a = RegisterApplicant(tx, kT0, Actor(), vault_, {"lin", "Abcdef12!", "natural", "林晓梅", id, "", "13905320001"});
    tx.Commit();
  }
  {
    // A failed statement ends a PostgreSQL transaction: the duplicate gets one of its own.
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    ApplicantRegistration twin{"lin2", "Abcdef12!", "natural", "林晓梅", id, "", ""};
    EXPECT_EQ(ErrorCode([&] { RegisterApplicant(tx, kT0, Actor(), vault_, twin); }), "identity.duplicate_applicant")
        << "the blind index keeps ID numbers unique";
  }
  EXPECT_FALSE(a.verified);
  EXPECT_EQ(a.id_number_masked, id.substr(0, 6) + "********" + id.substr(14));
  auto principal_of = [&] {
    db::Tx tx = db().Begin(db::TxMode::kRead);
    const auto check = PrepareLogin(tx, kT0, {"lin", "", "1.1.1.1", "", ""});
    if (!check.user) throw std::runtime_error("the applicant's user is missing");
    return PrincipalOf(tx, *check.user, "");
  };
  auto before = principal_of();
  EXPECT_TRUE(before.HasPermission("cases.case.apply"));
  EXPECT_FALSE(before.HasPermission("licences.licence.read_own"));
  EXPECT_FALSE(before.HasPermission("identity.enterprise.act"));
  {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    const auto provider = MakeDemoIdentityProvider();
    VerifyApplicant(tx, kT0, Actor(), vault_, a.id, provider.get());
    EXPECT_EQ(ErrorCode([&] { VerifyApplicant(tx, kT0, Actor(), vault_, a.id, nullptr); }), "identity.already_verified");
    tx.Commit();
  }
  auto after = principal_of();
  EXPECT_TRUE(after.HasPermission("licences.licence.read_own"));
  EXPECT_TRUE(after.HasPermission("identity.enterprise.act"));
}

TEST_P(IdentityServiceTest, DataScopeLimitsTheUsersSeen) {
  std::int64_t head = 0;
  {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    head = User(tx, "head_xha", district_, {"department_head"});  // scope: children
    User(tx, "handler_street", street_, {"handler"});
    tx.Commit();
  }
  db::Tx tx = db().Begin(db::TxMode::kRead);
  http::Principal p;
  p.user_id = head;
  p.kind = "user";
  p.department_id = district_;
  p.roles = {"department_head"};
  std::int64_t total = 0;
  std::set<std::string> seen;
  for (const auto& u : ListUsers(tx, kT0, p, {}, &total)) seen.insert(u.username);
  EXPECT_EQ(seen, (std::set<std::string>{"head_xha", "handler_street"}));
  EXPECT_EQ(ErrorCode([&] { GetUser(tx, kT0, p, admin_); }), "identity.user_not_found") << "outside the scope";
  p.roles = {"handler"};  // scope: own
  seen.clear();
  for (const auto& u : ListUsers(tx, kT0, p, {}, &total)) seen.insert(u.username);
  EXPECT_EQ(seen, (std::set<std::string>{"head_xha"}));
}

TEST_P(IdentityServiceTest, AdministratorsCannotLockThemselvesOut) {
  db::Tx tx = db().Begin(db::TxMode::kWrite);
  http::Principal me = SystemPrincipal();
  me.kind = "user";
  me.user_id = admin_;
  UserInput in;
  in.display_name = "admin";
  in.department_id = city_;
  in.roles = {"admin"};
  in.status = "disabled";
  EXPECT_EQ(ErrorCode([&] { UpdateUser(tx, kT0, Actor(), me, vault_, admin_, in); }), "identity.cannot_lock_out_self");
  in.status = "active";
  in.roles = {"reviewer"};
  EXPECT_EQ(ErrorCode([&] { UpdateUser(tx, kT0, Actor(), me, vault_, admin_, in); }), "identity.cannot_lock_out_self");
  in.roles = {"admin", "reviewer"};
  EXPECT_EQ(UpdateUser(tx, kT0, Actor(), me, vault_, admin_, in).roles, (std::vector<std::string>{"admin", "reviewer"}));
}

TEST_P(IdentityServiceTest, UsernameFilterIsASubstringWithoutWildcards) {
  db::Tx tx = db().Begin(db::TxMode::kRead);
  std::int64_t total = 0;
  UserListFilter f;
  f.username = "NDOW";
  const auto found = ListUsers(tx, kT0, SystemPrincipal(), f, &total);
  ASSERT_EQ(total, 1);
  EXPECT_EQ(found[0].username, "window1");
  f.username = "_";
  EXPECT_TRUE(ListUsers(tx, kT0, SystemPrincipal(), f, &total).empty());
  f.username = "%";
  EXPECT_TRUE(ListUsers(tx, kT0, SystemPrincipal(), f, &total).empty());
}

TEST_P(IdentityServiceTest, PhonesAreSealedAndRevealingOneIsAudited) {
  std::int64_t id = 0;
  {
    db::Tx tx = db().Begin(db::TxMode::kWrite);
    id = User(tx, "bob", bureau_, {"reviewer"}, "13812345678");
    tx.Commit();
  }
  db::Tx tx = db().Begin(db::TxMode::kWrite);
  const auto row = tx.QueryOne("SELECT phone_sealed, phone_masked FROM users WHERE id = ?", {id});
  EXPECT_EQ(row->Text(0).find("13812345678"), std::string::npos);
  EXPECT_EQ(row->Text(1), "138****5678");
  const auto before = tx.QueryOne("SELECT COUNT(*) FROM audit_records WHERE action = 'system.user.read_pii'")->Int(0);
  EXPECT_EQ(RevealPhone(tx, kT0, Actor(), SystemPrincipal(), vault_, id), "13812345678");
  EXPECT_EQ(tx.QueryOne("SELECT COUNT(*) FROM audit_records WHERE action = 'system.user.read_pii'")->Int(0), before + 1);
  const auto change = tx.QueryOne("SELECT change FROM audit_records WHERE action = 'system.user.create' AND object_id = ?",
                                  {std::to_string(id)});
  EXPECT_EQ(change->Text(0).find("13812345678"), std::string::npos) << "no PII in clear in the audit trail";
  tx.Commit();
  db::Tx verify = db().Begin(db::TxMode::kRead);
  EXPECT_TRUE(audit::Verify(verify).ok);
}

INSTANTIATE_TEST_SUITE_P(Stores, IdentityServiceTest, ::testing::ValuesIn(testing::TestDialects()), testing::DialectName);

}  // namespace
}  // namespace tongban::identity
