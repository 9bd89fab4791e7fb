#include "app/feedback_form_batch.h"

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "app/audit.h"
#include "app/feedback_form_codec.h"
#include "app/feedback_form_document.h"
#include "app/feedback_form_prefill.h"
#include "store/feedback_form_store.h"

namespace waymark::app {

namespace {

namespace fs = std::filesystem;

// Ok when `out_dir` is (or can be made) a folder we can write a file into.
Status prepare_out_dir(const std::string& out_dir) {
  if (out_dir.empty()) return Error::invalid("out_dir", "say where to write the PDFs");
  std::error_code error;
  fs::create_directories(out_dir, error);
  if (!fs::is_directory(out_dir, error))
    return Error::invalid("out_dir", out_dir + " is not a folder and cannot be created");
  // A real write, not a permissions check: root ignores modes, and read-only mounts ignore both.
  const fs::path probe = fs::path(out_dir) / ".waymark-write-check";
  {
    std::ofstream file(probe, std::ios::binary | std::ios::trunc);
    if (!file || !(file << "ok") || !file.flush())
      return Error::invalid("out_dir", out_dir + " cannot be written");
  }
  fs::remove(probe, error);
  return {};
}

Status write_bytes(const fs::path& path, const std::string& bytes) {
  std::error_code error;
  fs::create_directories(path.parent_path(), error);
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file || !file.write(bytes.data(), static_cast<std::streamsize>(bytes.size())) ||
      !file.flush())
    return Error::invalid("out_dir", "cannot write " + path.string());
  return {};
}

// The form to draw for a due item: its latest unsent version, or a new draft when there is none.
// `created` says which.
Result<FeedbackForm> form_for(Context& context, const DueFormAt& due, bool& created) {
  auto& connection = context.store.connection();
  created = false;
  if (due.form.form_id != 0) {
    auto form = connection.feedback_forms().form(due.form.form_id);
    if (!form) return Error::not_found("feedback form");
    return std::move(*form);
  }
  const std::int64_t now = context.clock.now_seconds();
  return in_transaction(connection, [&](store::Connection& tx) -> Result<FeedbackForm> {
    // Someone may have started the form since the due list was read: use theirs.
    std::optional<FeedbackForm> latest;
    for (FeedbackForm& existing : tx.feedback_forms().forms_of_placement(due.form.placement_id))
      if (existing.period_number == due.form.period.number) latest = std::move(existing);
    if (latest) return std::move(*latest);
    auto pupil = tx.pupil(due.form.pupil_id);
    auto placement = tx.placement(due.form.placement_id);
    if (!pupil || !placement) return Error::not_found("pupil");
    FeedbackForm form =
        prefilled_feedback_form(tx, *pupil, *placement, due.form.period, /*created_by=*/0, now);
    form.id = WAYMARK_TRY(tx.feedback_forms().insert_form(form));
    // No user: the CLI acts with the database's authority; the provider is whose record it is.
    const Actor cli{0, due.provider_id, OrgKind::Provider, Roles{}, "waymark report"};
    record_audit(tx, cli, now, "create", "feedback_form", form.id, form.pupil_id, nullptr,
                 to_json(form));
    created = true;
    return form;
  });
}

std::string reason_of(const Error& error) {
  if (error.fields.empty()) return error.message;
  std::string reason;
  for (const auto& field : error.fields)
    reason += (reason.empty() ? "" : "; ") + field.field + ": " + field.reason;
  return reason;
}

}  // namespace

std::vector<DueFormAt> due_forms_everywhere(store::Connection& connection, Date today) {
  std::vector<DueFormAt> due;
  for (const Organisation& organisation : connection.organisations()) {
    if (organisation.kind != OrgKind::Provider) continue;
    for (DueForm& form : due_forms_at(connection, organisation.id, today))
      due.push_back(DueFormAt{organisation.id, std::move(form)});
  }
  return due;
}

std::string due_form_path(Id provider_id, Id pupil_id, int period_number) {
  return fmt::format("{}/{}-{}.pdf", provider_id, pupil_id, period_number);
}

Result<FeedbackFormBatch> write_due_feedback_forms(Context& context, const std::string& out_dir,
                                                   const DrawFeedbackForm& draw,
                                                   const BatchProgress& progress) {
  WAYMARK_TRY_STATUS(prepare_out_dir(out_dir));
  const std::vector<DueFormAt> due =
      due_forms_everywhere(context.store.connection(), context.clock.today());
  FeedbackFormBatch batch;
  batch.due = due.size();
  for (std::size_t index = 0; index < due.size(); ++index) {
    const DueFormAt& item = due[index];
    const std::string path =
        due_form_path(item.provider_id, item.form.pupil_id, item.form.period.number);
    bool created = false;
    auto form = form_for(context, item, created);
    if (created) ++batch.created;
    Result<std::string> pdf =
        form.ok() ? draw(build_feedback_form_document(context.store.connection(), *form))
                  : Result<std::string>(form.error());
    Status written = pdf.ok() ? write_bytes(fs::path(out_dir) / path, *pdf) : Status(pdf.error());
    if (written.ok()) {
      ++batch.written;
    } else {
      batch.failures.push_back(path + ": " + reason_of(written.error()));
    }
    if (progress) progress(index + 1, due.size());
  }
  return batch;
}

}  // namespace waymark::app
