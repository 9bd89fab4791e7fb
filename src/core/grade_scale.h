// Grade scales as data. A scale is an ordered list of grades, worst first: GCSE 9-1 (with or
// without fine grades), the KS3 Foundation/Secure/Extending scale, attitude to learning, the
// progress indicator, engagement, behaviour and RAG are seeded by standard_scales(); an admin may
// define more. Grades on one scale compare by their position. Grades on two scales compare only
// when both scales carry GCSE points (a KS4 target on "gcse" against a working-at grade on
// "gcse_fine"); any other pair is incomparable.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace waymark {

struct Grade {
  std::string code;   // what is stored and typed: "5+", "S-", "3", "working_towards"
  std::string label;  // what is shown: "5+", "Secure-", "Good", "Working Towards"
  int rank = 0;       // position on its scale: 0 is the lowest; a higher rank is better
  bool operator==(const Grade&) const = default;
};

// How a scale's grades turn into numbers.
enum class PointsScheme {
  None,  // the grades are ordered labels with no arithmetic (KS3, ATL, RAG, ...)
  Gcse,  // GCSE points: U = 0, "5" = 5, and fine grades a third either side ("5-", "5+")
};

class GradeScale {
 public:
  // Defines a scale from (code, label) pairs listed in ascending order, worst first; used for the
  // seed data and when an admin adds a scale. On success the grades' ranks are 0, 1, 2, ...
  // Fails with Invalid, listing every problem at once, when: `key` is not 1-40 characters of
  // [a-z0-9_] (field "key"); `name` is blank (field "name"); there are no grades (field
  // "grades"); a code or label is blank or a code repeats, ignoring case (field "grades[N]",
  // N counting from 1). With PointsScheme::Gcse every code must also be U or a GCSE grade 1-9
  // with an optional - or +, in strictly ascending order of points.
  static Result<GradeScale> define(std::string key, std::string name,
                                   const std::vector<std::pair<std::string, std::string>>& grades,
                                   PointsScheme points = PointsScheme::None);

  const std::string& key() const { return key_; }    // "gcse_fine"
  const std::string& name() const { return name_; }  // "GCSE 9-1 (fine grades)"
  const std::vector<Grade>& grades() const { return grades_; }
  PointsScheme points_scheme() const { return points_; }

  // Reads a grade typed by a user or found in a file. Surrounding spaces are ignored and case
  // does not matter; the text may be a grade's code or, failing that, its label ("secure-" and
  // "Secure-" both give S-). Fails with Invalid on `field`, e.g. "'7++' is not a grade on the
  // GCSE 9-1 (fine grades) scale (use one of: U, 1-, 1, 1+, ... 9+)"; blank text gives "enter a
  // grade on the ... scale (use one of: ...)". Long lists of codes are shortened as shown.
  Result<Grade> parse(std::string_view text, const std::string& field) const;

  // The grade with this code (exact, as stored), or nullopt.
  std::optional<Grade> find(std::string_view code) const;

  // Negative, zero or positive as `a` is worse than, equal to or better than `b`.
  // REQUIRES: both grades come from this scale.
  static int compare(const Grade& a, const Grade& b);

  // GCSE points where the scale has them: U = 0, 5 = 5, 5- = 4.67, 5+ = 5.33 (fine grades are a
  // third of a grade either side, rounded to two decimals as schools report them). nullopt on a
  // scale with no points. REQUIRES: `grade` comes from this scale.
  std::optional<double> points(const Grade& grade) const;

  // The whole GCSE grade a grade belongs to: 5-, 5 and 5+ all give 5; U gives 0. nullopt on a
  // scale with no points. REQUIRES: `grade` comes from this scale.
  std::optional<int> whole_grade(const Grade& grade) const;

  // The text used in messages: "U, 1-, 1, 1+, ... 9+" (all codes when there are at most 12).
  std::string codes_hint() const;

 private:
  std::optional<int> thirds(const Grade& grade) const;  // points × 3, exact

  std::string key_;
  std::string name_;
  std::vector<Grade> grades_;
  PointsScheme points_ = PointsScheme::None;
  std::vector<int> points_in_thirds_;  // parallel to grades_ when points_ == Gcse
};

// The seed scales, keyed gcse, gcse_fine, ks3, atl, progress, engagement, behaviour, rag.
const std::vector<GradeScale>& standard_scales();

// The standard scale with this key, or nullptr when no standard scale has it.
const GradeScale* standard_scale(std::string_view key);

// Compares grades on two scales: on the same scale (same key) by rank, on two scales with GCSE
// points by points (gcse 5 equals gcse_fine 5; gcse 5 is better than gcse_fine 5-). Returns
// negative, zero or positive as `grade_a` is worse, equal or better, or nullopt when the scales
// cannot be compared (KS3 against GCSE, ATL against RAG).
// REQUIRES: each grade comes from the scale passed with it.
std::optional<int> compare_across(const GradeScale& scale_a, const Grade& grade_a,
                                  const GradeScale& scale_b, const Grade& grade_b);

// The grade on `to` worth the same points as `grade` on `from` (gcse "5" -> gcse_fine "5"), or
// nullopt when either scale has no points or `to` has no grade with exactly those points (gcse_fine
// "5+" has no equal on gcse). REQUIRES: `grade` comes from `from`.
std::optional<Grade> equivalent_grade(const GradeScale& from, const Grade& grade,
                                      const GradeScale& to);

}  // namespace waymark
