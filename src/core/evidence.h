// Evidence files (a scan or photo of a pupil's work): which kinds are accepted, judged from the
// bytes themselves (magic numbers), never from the file's name or the Content-Type a client sent.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace waymark {

enum class EvidenceType { Pdf, Png, Jpeg };

inline constexpr std::size_t kMaxEvidenceBytes = 10 * 1024 * 1024;  // 10 MiB

const char* media_type(EvidenceType type);  // "application/pdf", "image/png", "image/jpeg"
const char* extension(EvidenceType type);   // "pdf", "png", "jpg"
Result<EvidenceType> parse_media_type(std::string_view text, const std::string& field);

// The type of an accepted file from its content. Fails with Invalid on `field` when the file is
// empty, larger than 10 MiB, or not a PDF ("%PDF-"), PNG (its 8-byte signature) or JPEG (FF D8
// FF), naming what is accepted.
Result<EvidenceType> sniff_evidence(std::string_view bytes, const std::string& field = "file");

// A user's file name made safe to keep and show: the last path component only, characters other
// than letters, digits, space, dot, dash and underscore replaced by '_', no leading dots, at most
// 100 characters; "evidence" when nothing is left. Never used as a name on disk.
std::string sanitise_file_name(std::string_view name);

}  // namespace waymark
