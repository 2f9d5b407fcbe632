#pragma once
// Where the key-encryption key (KEK) comes from. Production: the `kek` setting (64 hex characters,
// 32 bytes), kept outside the database and backed up with it (docs/operations.md): without it every
// encrypted ID number, phone and signing key is lost.
//
// Fallbacks, each logged as a loud warning:
//  - TONGBAN_TEST_MODE=1: a fixed key derived from a constant, so every test server of one run
//    agrees (never for real data);
//  - a SQLite database (a developer's machine): a random key generated once and kept in
//    `<the database's folder>/tongban.kek` (var/ by default), mode 0600.
// A PostgreSQL database outside test mode without `kek` is refused.
#include <string>

#include "platform/config/config.hpp"

namespace tongban::pii {

// The 32 raw bytes. Throws tongban::Error (400 config.bad_kek) for a malformed setting and
// (400 config.kek_missing) for PostgreSQL without one.
std::string LoadKek(const Config& config);

// Parses 64 hex characters; "" when malformed.
std::string ParseHexKey(std::string_view hex);

}  // namespace tongban::pii
