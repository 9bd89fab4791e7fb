// Evidence files for marked work: uploaded, checked from their content (core/evidence.h), kept in
// Context::evidence_dir under a random name (the folder is created 0700, outside anything the web
// server serves), and read back only through an authorised use case.
#pragma once

#include <string>

#include "app/context.h"
#include "core/user.h"
#include "store/classwork_store.h"

namespace waymark::app {

// Stores `bytes` as evidence for marked work `work_id`. NotFound when the work's pupil is not
// visible; Forbidden as for writing the work; Invalid on "file" when uploads are not configured
// (empty evidence_dir), or the content is empty, over 10 MiB or not a PDF, PNG or JPEG. The
// metadata row (type from content, size, SHA-256, sanitised original name) and its audit entry
// ("evidence") commit together; the file is written first and removed if the transaction fails.
Result<store::EvidenceFile> upload_evidence(Context& context, const Actor& actor, Id work_id,
                                            const std::string& bytes,
                                            const std::string& original_name);

struct EvidenceDownload {
  store::EvidenceFile file;
  std::string bytes;
};
// NotFound when absent, the pupil is not visible, or the stored file is missing.
Result<EvidenceDownload> download_evidence(Context& context, const Actor& actor, Id evidence_id);

}  // namespace waymark::app
