#include "platform/crypto/ed25519.hpp"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>
#include <stdexcept>

namespace tongban::crypto {
namespace {

using Pkey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

const unsigned char* U(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

Pkey FromPrivate(std::string_view raw) {
  Pkey key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, U(raw), raw.size()), &EVP_PKEY_free);
  if (!key) throw std::runtime_error("not an Ed25519 private key");
  return key;
}

std::string PublicPem(EVP_PKEY* key) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
  if (!bio || PEM_write_bio_PUBKEY(bio.get(), key) != 1) throw std::runtime_error("PEM export failed");
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(len));
}

}  // namespace

Ed25519Key GenerateEd25519() {
  Pkey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), &EVP_PKEY_free);
  if (!key) throw std::runtime_error("Ed25519 key generation failed");
  std::string raw(32, '\0');
  std::size_t len = raw.size();
  if (EVP_PKEY_get_raw_private_key(key.get(), reinterpret_cast<unsigned char*>(raw.data()), &len) != 1)
    throw std::runtime_error("Ed25519 key export failed");
  return {raw, PublicPem(key.get())};
}

std::string Ed25519PublicPem(std::string_view private_raw) { return PublicPem(FromPrivate(private_raw).get()); }

std::string Ed25519Sign(std::string_view private_raw, std::string_view message) {
  Pkey key = FromPrivate(private_raw);
  MdCtx ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  std::string sig(64, '\0');
  std::size_t len = sig.size();
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len, U(message), message.size()) != 1)
    throw std::runtime_error("Ed25519 signing failed");
  sig.resize(len);
  return sig;
}

bool Ed25519Verify(std::string_view public_pem, std::string_view message, std::string_view signature) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(public_pem.data(), static_cast<int>(public_pem.size())),
                                                &BIO_free);
  if (!bio) return false;
  Pkey key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
  if (!key || EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519) return false;
  MdCtx ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  return ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
         EVP_DigestVerify(ctx.get(), U(signature), signature.size(), U(message), message.size()) == 1;
}

std::string Base64Encode(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), U(bytes), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string Base64Decode(std::string_view text) {
  if (text.empty() || text.size() % 4 != 0) return "";
  std::string out(3 * text.size() / 4 + 1, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()), U(text), static_cast<int>(text.size()));
  if (n < 0) return "";
  std::size_t len = static_cast<std::size_t>(n);
  if (text.back() == '=') --len;
  if (text.size() >= 2 && text[text.size() - 2] == '=') --len;
  out.resize(len);
  return out;
}

}  // namespace tongban::crypto
