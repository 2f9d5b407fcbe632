#pragma once
// Ed25519 signatures through OpenSSL 3 EVP (audit checkpoints; later e-licences), and base64.
// Stateless; thread-safe.
#include <string>
#include <string_view>

namespace tongban::crypto {

struct Ed25519Key {
  std::string private_raw;  // 32 bytes: keep it sealed (platform/pii Vault::Seal)
  std::string public_pem;   // SubjectPublicKeyInfo PEM, what verifiers are given
};

// A fresh key pair from the OS CSPRNG; throws std::runtime_error if OpenSSL fails.
Ed25519Key GenerateEd25519();
// The PEM public key of a raw private key.
std::string Ed25519PublicPem(std::string_view private_raw);
// The 64-byte signature of `message`.
std::string Ed25519Sign(std::string_view private_raw, std::string_view message);
// False for a bad signature or a malformed key; never throws.
bool Ed25519Verify(std::string_view public_pem, std::string_view message, std::string_view signature);

std::string Base64Encode(std::string_view bytes);
// "" for malformed input (and for empty input).
std::string Base64Decode(std::string_view text);

}  // namespace tongban::crypto
