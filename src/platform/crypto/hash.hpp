#pragma once
// Digests and randomness from OpenSSL 3. Thread-safe.
#include <string>
#include <string_view>

namespace tongban::crypto {

std::string Sha256(std::string_view data);     // 32 raw bytes
std::string Sha256Hex(std::string_view data);  // 64 lowercase hex characters
std::string Sm3(std::string_view data);        // 32 raw bytes (GB/T 32905)
std::string Sm3Hex(std::string_view data);
std::string Hex(std::string_view bytes);
// `n` bytes from the operating system's CSPRNG; throws std::runtime_error if it fails.
std::string RandomBytes(std::size_t n);
// Random lowercase hex of 2*n characters (request ids, tokens).
std::string RandomHex(std::size_t n);

}  // namespace tongban::crypto
