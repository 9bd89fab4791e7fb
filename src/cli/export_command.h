// `waymark export attendance --db DB --from DATE --to DATE [--school URN]`: register marks as CSV
// on standard output (interop/attendance_csv.h gives the columns). Errors go to standard error,
// one per line, with a non-zero exit.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace waymark {

struct ExportCommand {
  CLI::App* command = nullptr;
  CLI::App* attendance = nullptr;
  std::string db_path;
  std::string from;
  std::string to;
  std::string school_urn;
};

// Adds `export` and its `attendance` subcommand to `cli`. `options` must outlive the parse.
void add_export_command(CLI::App& cli, ExportCommand& options);

// Runs it when it was parsed; returns the process's exit code.
int run_export_command(const ExportCommand& options);

}  // namespace waymark
