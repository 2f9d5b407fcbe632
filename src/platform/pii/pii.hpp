#pragma once
// Personal data at rest (DESIGN.md rule 7): ID numbers and phone numbers are encrypted with
// AES-256-GCM under a key derived from the key-encryption key (KEK, see kek.hpp), looked up and
// kept unique through an HMAC-SHA256 blind index, and masked wherever they are shown whole to no one.
//
// Keys: from the 32-byte KEK, HKDF-SHA256 derives one subkey per purpose ("pii.encrypt",
// "pii.index", "audit.signing-key", ...), so the KEK itself never encrypts data and a leaked index
// key reveals nothing about the ciphertexts.
//
// Sealed format: 1 version byte (1) | 12-byte random nonce | ciphertext | 16-byte GCM tag. The
// purpose is bound as additional authenticated data, so a phone ciphertext cannot be replayed as
// an ID number.
//
// A Vault is immutable after construction: const calls are thread-safe. Share one per process.
#include <string>
#include <string_view>

namespace tongban::pii {

// What a sealed value or an index is about; bound into ciphertexts and index keys.
enum class Kind { kIdNumber, kPhone };

class Vault {
 public:
  // `kek` must be exactly 32 bytes; throws std::invalid_argument otherwise.
  explicit Vault(std::string kek);

  // AES-256-GCM of `plaintext` under the subkey for `purpose`; a fresh random nonce each call.
  std::string Seal(std::string_view purpose, std::string_view plaintext) const;
  // The plaintext; throws std::runtime_error when the data was altered or sealed for another
  // purpose or under another KEK.
  std::string Open(std::string_view purpose, std::string_view sealed) const;

  std::string Encrypt(Kind kind, std::string_view plaintext) const { return Seal(PurposeOf(kind), plaintext); }
  std::string Decrypt(Kind kind, std::string_view sealed) const { return Open(PurposeOf(kind), sealed); }

  // The blind index: HMAC-SHA256 (hex) of the normalized value under the index subkey of `kind`.
  // Equal inputs give equal indexes (lookup, UNIQUE); the index reveals nothing without the KEK.
  std::string BlindIndex(Kind kind, std::string_view normalized) const;

 private:
  static std::string_view PurposeOf(Kind kind);
  std::string SubKey(std::string_view purpose) const;
  std::string kek_;
};

// ID numbers: the first 6 and last 4 characters, the rest '*' ("370211********123X"). Shorter
// input (fewer than 11 characters) is masked whole.
std::string MaskIdNumber(std::string_view id);
// A person's name on a public page: the first character (a code point), the rest one '*' each
// ("林**"); a one-character name becomes "*".
std::string MaskName(std::string_view name);
// Phones: the first 3 and last 4 digits ("138****5678"); shorter than 8 characters masked whole.
std::string MaskPhone(std::string_view phone);

// A mainland mobile number (11 digits starting with 1) or a landline (digits and one '-', 7 to 13
// characters); the normalized form is the input without spaces. nullopt-like: "" when invalid.
std::string NormalizePhone(std::string_view phone);

}  // namespace tongban::pii
