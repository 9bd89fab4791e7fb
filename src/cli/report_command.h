// `waymark report feedback-forms --db DB --due --out DIR`: draws every feedback form due today, at
// every provider, into DIR/<provider-id>/<pupil-id>-<period>.pdf (app/feedback_form_batch.h),
// with progress on stderr: a bar on a terminal, "N/M" lines otherwise (logs and CI).
// Exit status: 0 when every due form was written; 1 for a usage problem (no such database, an
// output folder that cannot be written) or when any form failed, each named on stderr; 70 for an
// internal fault.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace waymark::cli {

struct ReportOptions {
  std::string db_path;
  std::string out_dir;
  bool due = false;
};

// Adds `report` and its `feedback-forms` subcommand to `cli`, filling `options` when parsed.
// Returns the `report` subcommand, to test with parsed() after parsing.
CLI::App* add_report_command(CLI::App& cli, ReportOptions& options);

// Runs the parsed command; returns the process exit status.
int run_report_command(const ReportOptions& options);

}  // namespace waymark::cli
