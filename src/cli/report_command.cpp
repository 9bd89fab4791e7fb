#include "cli/report_command.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "app/feedback_form_batch.h"
#include "reports/feedback_form_pdf.h"
#include "store/sqlite/sqlite_store.h"

namespace waymark::cli {

namespace {

// Progress on stderr. A terminal gets one bar redrawn in place; anything else (a log file, CI)
// gets a plain "N/M" line per form, since carriage returns make logs unreadable. indicators is not
// packaged in Debian 12, and a bar this small is not worth a dependency.
class Progress {
 public:
  Progress() : terminal_(isatty(fileno(stderr)) != 0) {}

  void operator()(std::size_t done, std::size_t total) {
    if (!terminal_) {
      std::cerr << done << "/" << total << "\n";
      return;
    }
    constexpr std::size_t kWidth = 30;
    const std::size_t filled = total == 0 ? kWidth : done * kWidth / total;
    std::cerr << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, '.') << "] "
              << done << "/" << total << " forms" << std::flush;
    if (done == total) std::cerr << "\n";
  }

 private:
  bool terminal_;
};

int fail(const Error& error) {
  if (error.fields.empty()) {
    std::cerr << "waymark: " << error.message << "\n";
  } else {
    for (const auto& field : error.fields)
      std::cerr << "waymark: " << (field.field == "out_dir" ? "--out" : field.field) << ": "
                << field.reason << "\n";
  }
  return error.kind == ErrorKind::Internal ? 70 : 1;
}

}  // namespace

CLI::App* add_report_command(CLI::App& cli, ReportOptions& options) {
  auto* report = cli.add_subcommand("report", "draw reports as PDF files");
  report->require_subcommand(1);
  auto* forms = report->add_subcommand("feedback-forms", "draw feedback forms as PDFs");
  forms->add_option("--db", options.db_path, "SQLite database file")->required();
  forms->add_flag("--due", options.due,
                  "every form due today at every provider (a form not started gets its draft)");
  forms
      ->add_option("--out", options.out_dir,
                   "folder to write <provider-id>/<pupil-id>-<period>.pdf")
      ->required();
  return report;
}

int run_report_command(const ReportOptions& options) {
  if (!options.due)
    return fail(Error::invalid("--due", "say which forms to draw: --due (the only choice so far)"));
  // Opening creates a missing database; a report on a mistyped path should say so instead.
  std::error_code error;
  if (!std::filesystem::is_regular_file(options.db_path, error))
    return fail(Error::invalid("--db", "no database at " + options.db_path));
  auto opened = store::sqlite::open(options.db_path);
  if (!opened.ok()) return fail(opened.error());
  std::unique_ptr<store::Store> store = std::move(opened).value();
  app::Context context{*store};
  Progress progress;
  auto batch = app::write_due_feedback_forms(
      context, options.out_dir, reports::render_feedback_form_pdf,
      [&progress](std::size_t done, std::size_t total) { progress(done, total); });
  if (!batch.ok()) return fail(batch.error());
  for (const std::string& failure : batch->failures) std::cerr << "waymark: " << failure << "\n";
  std::cout << batch->written << " of " << batch->due << " due feedback forms written to "
            << options.out_dir << " (" << batch->created << " drafts started)\n";
  return batch->failures.empty() ? 0 : 1;
}

}  // namespace waymark::cli
