// Personal data at rest: sealed values open only with the same key and purpose, the blind index is
// stable per kind, and masks keep exactly what DESIGN.md rule 7 allows.
#include "platform/pii/pii.hpp"

#include <gtest/gtest.h>

#include "platform/errors/error.hpp"
#include "platform/pii/kek.hpp"

namespace tongban::pii {
namespace {

const std::string kKek(32, '\x42');

TEST(VaultTest, SealsAndOpensWithFreshNonces) {
  Vault vault(kKek);
  const auto a = vault.Encrypt(Kind::kIdNumber, "11010519491231002X");
  const auto b = vault.Encrypt(Kind::kIdNumber, "11010519491231002X");
  EXPECT_NE(a, b) << "a fresh nonce each time";
  EXPECT_EQ(a.find("11010519491231002X"), std::string::npos) << "no clear text in the ciphertext";
  EXPECT_EQ(vault.Decrypt(Kind::kIdNumber, a), "11010519491231002X");
  EXPECT_EQ(vault.Decrypt(Kind::kIdNumber, b), "11010519491231002X");
}

TEST(VaultTest, RefusesAlteredDataOtherPurposeOrOtherKey) {
  Vault vault(kKek);
  auto sealed = vault.Encrypt(Kind::kPhone, "13812345678");
  EXPECT_THROW(vault.Decrypt(Kind::kIdNumber, sealed), std::runtime_error) << "a phone is not an ID number";
  EXPECT_THROW(Vault(std::string(32, '\x43')).Decrypt(Kind::kPhone, sealed), std::runtime_error);
  std::string altered = sealed;
  altered[15] ^= 1;
  EXPECT_THROW(vault.Decrypt(Kind::kPhone, altered), std::runtime_error);
  EXPECT_THROW(vault.Decrypt(Kind::kPhone, "short"), std::runtime_error);
}

TEST(VaultTest, BlindIndexIsStablePerKindAndKey) {
  Vault vault(kKek);
  EXPECT_EQ(vault.BlindIndex(Kind::kPhone, "13812345678"), vault.BlindIndex(Kind::kPhone, "13812345678"));
  EXPECT_NE(vault.BlindIndex(Kind::kPhone, "13812345678"), vault.BlindIndex(Kind::kIdNumber, "13812345678"));
  EXPECT_NE(vault.BlindIndex(Kind::kPhone, "13812345678"), vault.BlindIndex(Kind::kPhone, "13812345679"));
  EXPECT_NE(vault.BlindIndex(Kind::kPhone, "13812345678"),
            Vault(std::string(32, '\x43')).BlindIndex(Kind::kPhone, "13812345678"));
  EXPECT_EQ(vault.BlindIndex(Kind::kPhone, "x").size(), 64u);
}

TEST(VaultTest, KeyMustBe32Bytes) { EXPECT_THROW(Vault(std::string(16, 'k')), std::invalid_argument); }

TEST(MaskTest, KeepsOnlyWhatRule7Allows) {
  struct Case {
    std::string in, id, phone;
  };
  const std::vector<Case> cases = {
      {"11010519491231002X", "110105********002X", "110***********002X"},
      {"13812345678", "138123*5678", "138****5678"},
      {"0532-86660001", "0532-8***0001", "053******0001"},
      {"1234567", "*******", "*******"},
      {"", "", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(MaskIdNumber(c.in), c.id) << c.in;
    EXPECT_EQ(MaskPhone(c.in), c.phone) << c.in;
  }
}

TEST(PhoneTest, Normalizes) {
  EXPECT_EQ(NormalizePhone("138 1234 5678"), "13812345678");
  EXPECT_EQ(NormalizePhone("0532-86660001"), "0532-86660001");
  EXPECT_EQ(NormalizePhone("053286660001"), "053286660001");
  EXPECT_EQ(NormalizePhone("138123456789"), "138123456789") << "12 digits is a landline-shaped number";
  EXPECT_EQ(NormalizePhone("1381234567a"), "");
  EXPECT_EQ(NormalizePhone("--123456"), "");
  EXPECT_EQ(NormalizePhone("123"), "");
}

TEST(KekTest, ParsesHexKeys) {
  EXPECT_EQ(ParseHexKey(std::string(64, 'a')), std::string(32, '\xaa'));
  EXPECT_EQ(ParseHexKey(std::string(63, 'a')), "");
  EXPECT_EQ(ParseHexKey(std::string(64, 'g')), "");
  Config config;
  config.kek = "not hex";
  EXPECT_THROW(LoadKek(config), Error);
  config.kek = std::string(64, '0');
  EXPECT_EQ(LoadKek(config), std::string(32, '\0'));
}

}  // namespace
}  // namespace tongban::pii
