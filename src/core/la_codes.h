// DfE three-digit local authority numbers, as used in characters 2-4 of a UPN and in LAESTAB.
// Covers England's current and recently abolished authorities (a UPN keeps the LA number it was
// issued under for life, so a code retired by a reorganisation is still valid) and Wales's 22
// authorities (660-681), because UPNs are issued in Wales too.
#pragma once

#include <string_view>

namespace waymark {

// True if `code` is a recognised LA number. Never fails; any int may be passed.
bool is_la_code(int code);

// The authority's name (e.g. 316 -> "Newham"), or an empty view if the code is not recognised.
// The view points at static storage and stays valid for the life of the program.
std::string_view la_name(int code);

}  // namespace waymark
