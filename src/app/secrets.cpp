#include "app/secrets.h"

#include <sodium.h>

#include <stdexcept>

namespace waymark::app {

void init_crypto() {
  static const int status = sodium_init();
  if (status < 0) throw std::runtime_error("libsodium could not be initialised");
}

Result<std::string> hash_password(const std::string& password) {
  init_crypto();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Error::internal("could not hash the password (out of memory)");
  }
  return std::string(out);
}

bool verify_password(const std::string& password, const std::string& stored_hash) {
  init_crypto();
  return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

namespace {
std::string to_hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}
}  // namespace

std::string random_token() {
  init_crypto();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return to_hex(bytes, sizeof bytes);
}

std::string token_hash(const std::string& token) {
  init_crypto();
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return to_hex(digest, sizeof digest);
}

bool tokens_equal(const std::string& left, const std::string& right) {
  if (left.size() != right.size() || left.empty()) return false;
  return sodium_memcmp(left.data(), right.data(), left.size()) == 0;
}

}  // namespace waymark::app
