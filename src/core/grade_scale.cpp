#include "core/grade_scale.h"

#include <cmath>
#include <cstddef>

namespace waymark {

namespace {

constexpr std::size_t kMaxKeyLength = 40;
constexpr std::size_t kFullHintLimit = 12;  // longer scales list their first few codes and last

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t char_idx = 0; char_idx < a.size(); ++char_idx)
    if (lower(a[char_idx]) != lower(b[char_idx])) return false;
  return true;
}

bool valid_key(std::string_view key) {
  if (key.empty() || key.size() > kMaxKeyLength) return false;
  for (char c : key)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// GCSE points × 3 for "U", "1".."9" and their fine grades "1-".."9+"; nullopt for anything else.
std::optional<int> gcse_thirds(std::string_view code) {
  if (code == "U" || code == "u") return 0;
  if (code.empty() || code.size() > 2 || code[0] < '1' || code[0] > '9') return std::nullopt;
  const int whole = code[0] - '0';
  if (code.size() == 1) return whole * 3;
  if (code[1] == '-') return whole * 3 - 1;
  if (code[1] == '+') return whole * 3 + 1;
  return std::nullopt;
}

}  // namespace

Result<GradeScale> GradeScale::define(
    std::string key, std::string name,
    const std::vector<std::pair<std::string, std::string>>& grades, PointsScheme points) {
  ErrorList errors;
  if (!valid_key(key))
    errors.add("key", "use 1 to 40 lower-case letters, digits or underscores (e.g. gcse_fine)");
  if (trim(name).empty()) errors.add("name", "a scale needs a name");
  if (grades.empty()) errors.add("grades", "a scale needs at least one grade");

  GradeScale scale;
  scale.key_ = std::move(key);
  scale.name_ = std::string(trim(name));
  scale.points_ = points;
  for (std::size_t grade_idx = 0; grade_idx < grades.size(); ++grade_idx) {
    const std::string field = "grades[" + std::to_string(grade_idx + 1) + "]";
    const std::string_view code = trim(grades[grade_idx].first);
    const std::string_view label = trim(grades[grade_idx].second);
    if (code.empty()) errors.add(field, "a grade needs a code");
    if (label.empty()) errors.add(field, "a grade needs a label");
    for (const Grade& earlier : scale.grades_)
      if (!code.empty() && equal_ignoring_case(earlier.code, code))
        errors.add(field, "the code '" + std::string(code) +
                              "' is already on this scale (codes are compared ignoring case)");
    if (points == PointsScheme::Gcse && !code.empty()) {
      const std::optional<int> thirds = gcse_thirds(code);
      if (!thirds) {
        errors.add(field, "'" + std::string(code) +
                              "' is not a GCSE grade (use U or 1 to 9, optionally with - or +)");
      } else {
        if (!scale.points_in_thirds_.empty() && *thirds <= scale.points_in_thirds_.back())
          errors.add(field, "list grades worst first: '" + std::string(code) +
                                "' must come before '" + scale.grades_.back().code + "'");
        scale.points_in_thirds_.push_back(*thirds);
      }
    }
    scale.grades_.push_back(
        Grade{std::string(code), std::string(label), static_cast<int>(scale.grades_.size())});
  }
  if (!errors.empty()) return errors.to_error();
  return scale;
}

Result<Grade> GradeScale::parse(std::string_view text, const std::string& field) const {
  const std::string_view wanted = trim(text);
  if (wanted.empty())
    return Error::invalid(
        field, "enter a grade on the " + name_ + " scale (use one of: " + codes_hint() + ")");
  for (const Grade& grade : grades_)
    if (equal_ignoring_case(grade.code, wanted)) return grade;
  for (const Grade& grade : grades_)
    if (equal_ignoring_case(grade.label, wanted)) return grade;
  return Error::invalid(field, "'" + std::string(wanted) + "' is not a grade on the " + name_ +
                                   " scale (use one of: " + codes_hint() + ")");
}

std::optional<Grade> GradeScale::find(std::string_view code) const {
  for (const Grade& grade : grades_)
    if (grade.code == code) return grade;
  return std::nullopt;
}

int GradeScale::compare(const Grade& a, const Grade& b) {
  return (a.rank > b.rank) - (a.rank < b.rank);
}

std::optional<int> GradeScale::thirds(const Grade& grade) const {
  if (points_ != PointsScheme::Gcse) return std::nullopt;
  return points_in_thirds_.at(static_cast<std::size_t>(grade.rank));
}

std::optional<double> GradeScale::points(const Grade& grade) const {
  const std::optional<int> in_thirds = thirds(grade);
  if (!in_thirds) return std::nullopt;
  return std::round(*in_thirds * 100.0 / 3.0) / 100.0;
}

std::optional<int> GradeScale::whole_grade(const Grade& grade) const {
  const std::optional<int> in_thirds = thirds(grade);
  if (!in_thirds) return std::nullopt;
  return (*in_thirds + 1) / 3;  // 5- (14), 5 (15) and 5+ (16) all give 5
}

std::string GradeScale::codes_hint() const {
  std::string hint;
  const bool shorten = grades_.size() > kFullHintLimit;
  const std::size_t shown = shorten ? 4 : grades_.size();
  for (std::size_t grade_idx = 0; grade_idx < shown; ++grade_idx) {
    if (grade_idx > 0) hint += ", ";
    hint += grades_[grade_idx].code;
  }
  if (shorten) hint += ", ... " + grades_.back().code;
  return hint;
}

const std::vector<GradeScale>& standard_scales() {
  static const std::vector<GradeScale> scales = [] {
    using Pairs = std::vector<std::pair<std::string, std::string>>;
    Pairs gcse = {{"U", "U"}};
    Pairs gcse_fine = {{"U", "U"}};
    for (int whole = 1; whole <= 9; ++whole) {
      const std::string number = std::to_string(whole);
      gcse.emplace_back(number, number);
      for (const char* step : {"-", "", "+"}) gcse_fine.emplace_back(number + step, number + step);
    }
    Pairs ks3;
    for (const auto& [letter, word] :
         Pairs{{"F", "Foundation"}, {"S", "Secure"}, {"E", "Extending"}})
      for (const char* step : {"-", "", "+"}) ks3.emplace_back(letter + step, word + step);

    // The seed data is fixed, so a failure here is a programmer error; value() would throw.
    std::vector<GradeScale> all;
    all.push_back(GradeScale::define("gcse", "GCSE 9-1", gcse, PointsScheme::Gcse).value());
    all.push_back(
        GradeScale::define("gcse_fine", "GCSE 9-1 (fine grades)", gcse_fine, PointsScheme::Gcse)
            .value());
    all.push_back(GradeScale::define("ks3", "KS3 Foundation/Secure/Extending", ks3).value());
    all.push_back(
        GradeScale::define(
            "atl", "Attitude to learning",
            {{"1", "Poor"}, {"2", "Requires Improvement"}, {"3", "Good"}, {"4", "Exceptional"}})
            .value());
    all.push_back(GradeScale::define("progress", "Progress indicator",
                                     {{"working_towards", "Working Towards"},
                                      {"meeting", "Meeting"},
                                      {"exceeding", "Exceeding"}})
                      .value());
    all.push_back(GradeScale::define("engagement", "Engagement",
                                     {{"resistant", "Resistant"},
                                      {"reluctant", "Reluctant"},
                                      {"expected", "Expected"},
                                      {"active", "Active"},
                                      {"independent", "Independent"}})
                      .value());
    all.push_back(GradeScale::define("behaviour", "Behaviour",
                                     {{"unacceptable", "Unacceptable"},
                                      {"requires_improvement", "Requires Improvement"},
                                      {"good", "Good"},
                                      {"excellent", "Excellent"}})
                      .value());
    all.push_back(
        GradeScale::define("rag", "RAG", {{"red", "Red"}, {"amber", "Amber"}, {"green", "Green"}})
            .value());
    return all;
  }();
  return scales;
}

const GradeScale* standard_scale(std::string_view key) {
  for (const GradeScale& scale : standard_scales())
    if (scale.key() == key) return &scale;
  return nullptr;
}

std::optional<int> compare_across(const GradeScale& scale_a, const Grade& grade_a,
                                  const GradeScale& scale_b, const Grade& grade_b) {
  if (scale_a.key() == scale_b.key()) return GradeScale::compare(grade_a, grade_b);
  const std::optional<double> points_a = scale_a.points(grade_a);
  const std::optional<double> points_b = scale_b.points(grade_b);
  if (!points_a || !points_b) return std::nullopt;
  // Points are rounded to hundredths, so equal grades give identical doubles.
  return (*points_a > *points_b) - (*points_a < *points_b);
}

std::optional<Grade> equivalent_grade(const GradeScale& from, const Grade& grade,
                                      const GradeScale& to) {
  const std::optional<double> wanted = from.points(grade);
  if (!wanted) return std::nullopt;
  for (const Grade& candidate : to.grades())
    if (to.points(candidate) == wanted) return candidate;
  return std::nullopt;
}

}  // namespace waymark
