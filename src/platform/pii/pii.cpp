#include "platform/pii/pii.hpp"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>

#include <memory>
#include <stdexcept>

#include "platform/crypto/hash.hpp"

namespace tongban::pii {
namespace {

constexpr unsigned char kVersion = 1;
constexpr std::size_t kNonceBytes = 12;
constexpr std::size_t kTagBytes = 16;

struct CipherCtxFree {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

const unsigned char* U(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

std::string Hkdf(std::string_view key, std::string_view info) {
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr),
                                                                 &EVP_PKEY_CTX_free);
  std::string out(32, '\0');
  std::size_t len = out.size();
  static constexpr std::string_view kSalt = "tongban-kek-v1";
  if (!ctx || EVP_PKEY_derive_init(ctx.get()) <= 0 || EVP_PKEY_CTX_set_hkdf_md(ctx.get(), EVP_sha256()) <= 0 ||
      EVP_PKEY_CTX_set1_hkdf_salt(ctx.get(), U(kSalt), static_cast<int>(kSalt.size())) <= 0 ||
      EVP_PKEY_CTX_set1_hkdf_key(ctx.get(), U(key), static_cast<int>(key.size())) <= 0 ||
      EVP_PKEY_CTX_add1_hkdf_info(ctx.get(), U(info), static_cast<int>(info.size())) <= 0 ||
      EVP_PKEY_derive(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len) <= 0)
    throw std::runtime_error("HKDF failed");
  return out;
}

std::string MaskKeeping(std::string_view text, std::size_t head, std::size_t tail, std::size_t min_len) {
  if (text.size() < min_len) return std::string(text.size(), '*');
  std::string out(text);
  for (std::size_t i = head; i + tail < out.size(); ++i) out[i] = '*';
  return out;
}

}  // namespace

Vault::Vault(std::string kek) : kek_(std::move(kek)) {
  if (kek_.size() != 32) throw std::invalid_argument("the key-encryption key must be 32 bytes");
}

std::string_view Vault::PurposeOf(Kind kind) { return kind == Kind::kIdNumber ? "pii.id_number" : "pii.phone"; }

std::string Vault::SubKey(std::string_view purpose) const { return Hkdf(kek_, purpose); }

std::string Vault::Seal(std::string_view purpose, std::string_view plaintext) const {
  const std::string key = SubKey(purpose);
  const std::string nonce = crypto::RandomBytes(kNonceBytes);
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  std::string out;
  out.push_back(static_cast<char>(kVersion));
  out += nonce;
  const std::size_t body = out.size();
  out.resize(body + plaintext.size());
  int len = 0;
  if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, U(key), U(nonce)) != 1 ||
      EVP_EncryptUpdate(ctx.get(), nullptr, &len, U(purpose), static_cast<int>(purpose.size())) != 1 ||
      EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data() + body), &len, U(plaintext),
                        static_cast<int>(plaintext.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), nullptr, &len) != 1)
    throw std::runtime_error("AES-GCM encryption failed");
  std::string tag(kTagBytes, '\0');
  if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, tag.data()) != 1)
    throw std::runtime_error("AES-GCM tag failed");
  return out + tag;
}

std::string Vault::Open(std::string_view purpose, std::string_view sealed) const {
  if (sealed.size() < 1 + kNonceBytes + kTagBytes || static_cast<unsigned char>(sealed[0]) != kVersion)
    throw std::runtime_error("sealed value is malformed");
  const std::string key = SubKey(purpose);
  const std::string_view nonce = sealed.substr(1, kNonceBytes);
  const std::string_view cipher = sealed.substr(1 + kNonceBytes, sealed.size() - 1 - kNonceBytes - kTagBytes);
  std::string tag(sealed.substr(sealed.size() - kTagBytes));
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  std::string out(cipher.size(), '\0');
  int len = 0;
  if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, U(key), U(nonce)) != 1 ||
      EVP_DecryptUpdate(ctx.get(), nullptr, &len, U(purpose), static_cast<int>(purpose.size())) != 1 ||
      EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len, U(cipher),
                        static_cast<int>(cipher.size())) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) != 1 ||
      EVP_DecryptFinal_ex(ctx.get(), nullptr, &len) != 1)
    throw std::runtime_error("sealed value failed authentication (altered, or another key or purpose)");
  return out;
}

std::string Vault::BlindIndex(Kind kind, std::string_view normalized) const {
  const std::string key = SubKey(std::string(PurposeOf(kind)) + ".index");
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), U(normalized), normalized.size(), mac, &len))
    throw std::runtime_error("HMAC failed");
  return crypto::Hex(std::string_view(reinterpret_cast<char*>(mac), len));
}

std::string MaskIdNumber(std::string_view id) { return MaskKeeping(id, 6, 4, 11); }
std::string MaskPhone(std::string_view phone) { return MaskKeeping(phone, 3, 4, 8); }

std::string NormalizePhone(std::string_view phone) {
  std::string out;
  for (char c : phone)
    if (c != ' ') out.push_back(c);
  if (out.size() == 11 && out[0] == '1') {
    for (char c : out)
      if (c < '0' || c > '9') return "";
    return out;
  }
  if (out.size() < 7 || out.size() > 13) return "";
  int dashes = 0;
  for (char c : out) {
    if (c == '-') ++dashes;
    else if (c < '0' || c > '9') return "";
  }
  if (dashes > 1 || out.front() == '-' || out.back() == '-') return "";
  return out;
}

std::string MaskName(std::string_view name) {
  std::string out;
  std::size_t i = 0, chars = 0;
  while (i < name.size()) {
    std::size_t len = 1;
    const auto lead = static_cast<unsigned char>(name[i]);
    if (lead >= 0xF0) len = 4;
    else if (lead >= 0xE0) len = 3;
    else if (lead >= 0xC0) len = 2;
    if (chars == 0 && name.size() > len) out.append(name.substr(i, len));
    else out.push_back('*');
    i += len;
    ++chars;
  }
  return out;
}

}  // namespace tongban::pii
