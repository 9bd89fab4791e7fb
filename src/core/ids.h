// Database identities. Plain integers, named so that call sites say what they hold.
#pragma once

#include <cstdint>

namespace waymark {

using Id = std::int64_t;  // 0 means "not yet stored"

}  // namespace waymark
