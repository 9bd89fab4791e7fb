#include "app/evidence_files.h"

#include <sodium.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/audit.h"
#include "app/classwork_access.h"
#include "app/classwork_codec.h"
#include "app/secrets.h"
#include "app/visibility.h"

namespace waymark::app {

namespace {

std::string sha256_hex(const std::string& bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

// Creates the evidence folder (0700) if needed; Internal when it cannot.
Status ensure_folder(const std::string& folder) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) return Error::internal("the evidence folder cannot be created");
  ::chmod(folder.c_str(), 0700);
  return {};
}

}  // namespace

Result<store::EvidenceFile> upload_evidence(Context& context, const Actor& actor, Id work_id,
                                            const std::string& bytes,
                                            const std::string& original_name) {
  auto& connection = context.store.connection();
  auto work = connection.classwork().marked_work(work_id);
  if (!work || !connection.pupil_visible(work->pupil_id, visibility_of(actor)))
    return Error::not_found("marked work");
  WAYMARK_TRY_STATUS(require_classwork_writer(connection, actor, work->pupil_id));
  if (work->organisation_id != actor.organisation_id)
    return Error::forbidden("this work was marked by another organisation");
  if (context.evidence_dir.empty())
    return Error::invalid("file",
                          "evidence uploads are not set up on this server (no evidence folder)");
  const EvidenceType type = WAYMARK_TRY(sniff_evidence(bytes, "file"));
  WAYMARK_TRY_STATUS(ensure_folder(context.evidence_dir));

  init_crypto();
  store::EvidenceFile file;
  file.pupil_id = work->pupil_id;
  file.work_id = work->id;
  file.stored_name = random_token().substr(0, 32);
  file.type = type;
  file.size_bytes = static_cast<std::int64_t>(bytes.size());
  file.sha256 = sha256_hex(bytes);
  file.original_name = sanitise_file_name(original_name);
  file.uploaded_by = actor.user_id;
  file.uploaded_at = context.clock.now_seconds();

  const std::filesystem::path path = std::filesystem::path(context.evidence_dir) / file.stored_name;
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return Error::internal("the evidence file could not be saved");
  }
  ::chmod(path.c_str(), 0600);
  try {
    auto stored =
        in_transaction(connection, [&](store::Connection& tx) -> Result<store::EvidenceFile> {
          file.id = tx.classwork().insert_evidence(file);
          record_audit(tx, actor, file.uploaded_at, "create", "evidence", file.id, file.pupil_id,
                       nullptr, to_json(file));
          return file;
        });
    if (!stored.ok()) std::filesystem::remove(path);
    return stored;
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    throw;
  }
}

Result<EvidenceDownload> download_evidence(Context& context, const Actor& actor, Id evidence_id) {
  auto& connection = context.store.connection();
  auto file = connection.classwork().evidence(evidence_id);
  if (!file || !connection.pupil_visible(file->pupil_id, visibility_of(actor)))
    return Error::not_found("evidence file");
  if (context.evidence_dir.empty()) return Error::not_found("evidence file");
  std::ifstream in(std::filesystem::path(context.evidence_dir) / file->stored_name,
                   std::ios::binary);
  if (!in) return Error::not_found("evidence file");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return EvidenceDownload{std::move(*file), bytes.str()};
}

}  // namespace waymark::app
