#include "core/evidence.h"

#include <fmt/format.h>

namespace waymark {

const char* media_type(EvidenceType type) {
  switch (type) {
    case EvidenceType::Pdf:
      return "application/pdf";
    case EvidenceType::Png:
      return "image/png";
    case EvidenceType::Jpeg:
      return "image/jpeg";
  }
  return "application/octet-stream";
}

const char* extension(EvidenceType type) {
  switch (type) {
    case EvidenceType::Pdf:
      return "pdf";
    case EvidenceType::Png:
      return "png";
    case EvidenceType::Jpeg:
      return "jpg";
  }
  return "bin";
}

Result<EvidenceType> parse_media_type(std::string_view text, const std::string& field) {
  for (EvidenceType type : {EvidenceType::Pdf, EvidenceType::Png, EvidenceType::Jpeg})
    if (text == media_type(type)) return type;
  return Error::invalid(field, "is not a media type of an evidence file");
}

Result<EvidenceType> sniff_evidence(std::string_view bytes, const std::string& field) {
  if (bytes.empty()) return Error::invalid(field, "is empty: choose a PDF, PNG or JPEG file");
  if (bytes.size() > kMaxEvidenceBytes)
    return Error::invalid(field, fmt::format("is larger than {} MiB", kMaxEvidenceBytes >> 20));
  constexpr std::string_view kPng("\x89PNG\r\n\x1a\n", 8);
  constexpr std::string_view kJpeg("\xff\xd8\xff", 3);
  if (bytes.starts_with("%PDF-")) return EvidenceType::Pdf;
  if (bytes.starts_with(kPng)) return EvidenceType::Png;
  if (bytes.starts_with(kJpeg)) return EvidenceType::Jpeg;
  return Error::invalid(field,
                        "must be a PDF, PNG or JPEG file (judged from its content, not its name)");
}

std::string sanitise_file_name(std::string_view name) {
  if (auto slash = name.find_last_of("/\\"); slash != std::string_view::npos)
    name = name.substr(slash + 1);
  std::string safe;
  for (char c : name) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         (c >= '0' && c <= '9') || c == ' ' || c == '.' || c == '-' || c == '_';
    if (safe.empty() && c == '.') continue;
    safe += allowed ? c : '_';
    if (safe.size() >= 100) break;
  }
  while (!safe.empty() && safe.back() == ' ') safe.pop_back();
  return safe.empty() ? "evidence" : safe;
}

}  // namespace waymark
