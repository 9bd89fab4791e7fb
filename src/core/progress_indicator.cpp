#include "core/progress_indicator.h"

#include <cstddef>

#include "core/nc_year.h"

namespace waymark {

namespace {

constexpr ProgressIndicator kAllIndicators[] = {
    ProgressIndicator::WorkingTowards, ProgressIndicator::Meeting, ProgressIndicator::Exceeding};
constexpr SchoolTerm kAllTerms[] = {SchoolTerm::Autumn, SchoolTerm::Spring, SchoolTerm::Summer};

constexpr int kFirstKs3Year = 7;
constexpr int kLastKs3Year = 9;
constexpr int kLastKs4Year = 11;

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t char_idx = 0; char_idx < a.size(); ++char_idx) {
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; };
    if (lower(a[char_idx]) != lower(b[char_idx])) return false;
  }
  return true;
}

ProgressIndicator indicator_for(int comparison) {
  if (comparison < 0) return ProgressIndicator::WorkingTowards;
  if (comparison > 0) return ProgressIndicator::Exceeding;
  return ProgressIndicator::Meeting;
}

std::string expectation_name(int nc_year, SchoolTerm term) {
  return nc_year_label(nc_year) + " " + label(term) + " expectation";
}

ProgressProposal propose_ks3(const ProposalInput& input, const GradeOnScale& working_at,
                             const std::vector<Ks3Expectation>& expectations) {
  const Ks3Expectation* expectation = nullptr;
  for (const Ks3Expectation& row : expectations)
    if (row.nc_year == input.nc_year && row.term == input.term) expectation = &row;
  const std::string name = expectation_name(input.nc_year, input.term);
  if (expectation == nullptr) return {std::nullopt, "No " + name + " set"};

  const GradeScale& scale = *working_at.scale;
  const std::optional<Grade> from = scale.find(expectation->meeting_from);
  const std::optional<Grade> to = scale.find(expectation->meeting_to);
  if (!from || !to)
    return {std::nullopt, "The " + name + " is not on the " + scale.name() +
                              " scale that the working-at grade uses"};

  const int below_from = GradeScale::compare(working_at.grade, *from);
  const int above_to = GradeScale::compare(working_at.grade, *to);
  const ProgressIndicator indicator = below_from < 0 ? ProgressIndicator::WorkingTowards
                                      : above_to > 0 ? ProgressIndicator::Exceeding
                                                     : ProgressIndicator::Meeting;
  const std::string expected =
      from->code == to->code ? from->label : from->label + " to " + to->label;
  return {indicator, "Working at " + working_at.grade.label + " against the " + name + " of " +
                         expected + ": " + label(indicator)};
}

ProgressProposal propose_ks4(const GradeOnScale& working_at,
                             const std::optional<GradeOnScale>& target) {
  if (!target) return {std::nullopt, "No KS4 target recorded"};
  const GradeScale& working_scale = *working_at.scale;
  const GradeScale& target_scale = *target->scale;

  std::optional<int> comparison;
  const std::optional<int> working_whole = working_scale.whole_grade(working_at.grade);
  const std::optional<int> target_whole = target_scale.whole_grade(target->grade);
  if (working_whole && target_whole)
    comparison = (*working_whole > *target_whole) - (*working_whole < *target_whole);
  else if (working_scale.key() == target_scale.key())
    comparison = GradeScale::compare(working_at.grade, target->grade);
  if (!comparison)
    return {std::nullopt, "The working-at grade (" + working_scale.name() +
                              ") cannot be compared with the KS4 target (" + target_scale.name() +
                              ")"};

  const ProgressIndicator indicator = indicator_for(*comparison);
  std::string reason = "Working at " + working_at.grade.label + " against a KS4 target of " +
                       target->grade.label + ": " + label(indicator);
  // A fine grade meets a whole-grade target it sits within; say so, since the codes differ.
  if (*comparison == 0 && working_whole && working_at.grade.code != target->grade.code)
    reason += " (same whole grade)";
  return {indicator, std::move(reason)};
}

}  // namespace

const char* to_string(ProgressIndicator indicator) {
  switch (indicator) {
    case ProgressIndicator::WorkingTowards:
      return "working_towards";
    case ProgressIndicator::Meeting:
      return "meeting";
    case ProgressIndicator::Exceeding:
      return "exceeding";
  }
  return "meeting";
}

const char* label(ProgressIndicator indicator) {
  switch (indicator) {
    case ProgressIndicator::WorkingTowards:
      return "Working Towards";
    case ProgressIndicator::Meeting:
      return "Meeting";
    case ProgressIndicator::Exceeding:
      return "Exceeding";
  }
  return "Meeting";
}

Result<ProgressIndicator> parse_progress_indicator(std::string_view text,
                                                   const std::string& field) {
  const std::string_view wanted = trim(text);
  for (ProgressIndicator indicator : kAllIndicators)
    if (equal_ignoring_case(wanted, to_string(indicator)) ||
        equal_ignoring_case(wanted, label(indicator)))
      return indicator;
  return Error::invalid(field, "'" + std::string(wanted) +
                                   "' is not a progress indicator (Working Towards, Meeting, "
                                   "Exceeding)");
}

const char* label(SchoolTerm term) {
  switch (term) {
    case SchoolTerm::Autumn:
      return "Autumn";
    case SchoolTerm::Spring:
      return "Spring";
    case SchoolTerm::Summer:
      return "Summer";
  }
  return "Autumn";
}

const std::vector<Ks3Expectation>& default_ks3_expectations() {
  static const std::vector<Ks3Expectation> table = [] {
    std::vector<Ks3Expectation> rows;
    for (int nc_year = kFirstKs3Year; nc_year <= kLastKs3Year; ++nc_year)
      for (SchoolTerm term : kAllTerms)
        rows.push_back(Ks3Expectation{
            .nc_year = nc_year, .term = term, .meeting_from = "S-", .meeting_to = "S+"});
    return rows;
  }();
  return table;
}

Status validate_ks3_expectations(const std::vector<Ks3Expectation>& expectations,
                                 const GradeScale& scale) {
  ErrorList errors;
  for (std::size_t row_idx = 0; row_idx < expectations.size(); ++row_idx) {
    const Ks3Expectation& row = expectations[row_idx];
    const std::string prefix = "expectations[" + std::to_string(row_idx + 1) + "].";
    if (row.nc_year < kFirstKs3Year || row.nc_year > kLastKs3Year)
      errors.add(prefix + "nc_year", "KS3 expectations are for Years 7, 8 and 9");
    for (std::size_t earlier_idx = 0; earlier_idx < row_idx; ++earlier_idx)
      if (expectations[earlier_idx].nc_year == row.nc_year &&
          expectations[earlier_idx].term == row.term)
        errors.add(prefix + "term", nc_year_label(row.nc_year) + " " + label(row.term) +
                                        " already has an expectation");
    const std::optional<Grade> from = scale.find(row.meeting_from);
    const std::optional<Grade> to = scale.find(row.meeting_to);
    if (!from)
      errors.add(prefix + "meeting_from",
                 "'" + row.meeting_from + "' is not a grade on the " + scale.name() + " scale");
    if (!to)
      errors.add(prefix + "meeting_to",
                 "'" + row.meeting_to + "' is not a grade on the " + scale.name() + " scale");
    if (from && to && GradeScale::compare(*from, *to) > 0)
      errors.add(prefix + "meeting_to", "'" + row.meeting_to + "' is below '" + row.meeting_from +
                                            "'; list the lower grade first");
  }
  if (!errors.empty()) return errors.to_error();
  return {};
}

ProgressProposal propose_indicator(const ProposalInput& input,
                                   const std::vector<Ks3Expectation>& expectations) {
  if (input.nc_year < kFirstKs3Year || input.nc_year > kLastKs4Year)
    return {std::nullopt, "No proposal for " + nc_year_label(input.nc_year) +
                              ": the progress indicator covers Years 7 to 11"};
  if (!input.working_at) return {std::nullopt, "No working-at grade recorded"};
  if (input.nc_year <= kLastKs3Year) return propose_ks3(input, *input.working_at, expectations);
  return propose_ks4(*input.working_at, input.ks4_target);
}

Status check_indicator_choice(const ProgressProposal& proposal, ProgressIndicator chosen,
                              std::string_view override_reason, const std::string& field) {
  if (!proposal.indicator || *proposal.indicator == chosen) return {};
  if (!trim(override_reason).empty()) return {};
  return Error::invalid(field, std::string("give a reason for choosing ") + label(chosen) +
                                   " rather than the proposed " + label(*proposal.indicator));
}

}  // namespace waymark
