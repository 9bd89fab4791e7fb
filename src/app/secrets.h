// Passwords (argon2id, libsodium's interactive limits) and random tokens (session ids, CSRF tokens,
// API tokens). Tokens are stored only as a BLAKE2b hash, so a copy of the database grants nothing.
#pragma once

#include <string>

#include "core/result.h"

namespace waymark::app {

// Initialises libsodium; safe to call many times. Throws std::runtime_error if it cannot (no
// entropy source): a fault of the machine, not of input.
void init_crypto();

Result<std::string> hash_password(const std::string& password);
bool verify_password(const std::string& password, const std::string& stored_hash);

// 32 random bytes as 64 lower-case hex characters.
std::string random_token();
// Hex BLAKE2b-256 of a token: what the database stores.
std::string token_hash(const std::string& token);
// Constant-time comparison for CSRF tokens.
bool tokens_equal(const std::string& left, const std::string& right);

}  // namespace waymark::app
