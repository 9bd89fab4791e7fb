// Renders 1,000 realistic feedback forms (3-5 subjects, 3-6 topics each) to PDF on one thread and
// prints forms per second. Goal (issue 3): at least 150 forms/s on one core.
//   build/bench/feedback_form_pdf [count]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>
#include <vector>

#include "reports/feedback_form_pdf.h"

namespace {

using waymark::Date;
using waymark::reports::FeedbackFormDocument;
using waymark::reports::FeedbackFormSubject;

const std::vector<std::string> kFirstNames = {"Zoë",    "Łukasz",  "Amara",  "Callum", "Priya",
                                              "Jayden", "Siobhán", "Kacper", "Leah",   "Mohammed"};
const std::vector<std::string> kLastNames = {"O'Brien", "Nowak",  "Okafor",     "Hughes",
                                             "Patel",   "Wright", "Ní Bhriain", "Khan"};
const std::vector<std::string> kSubjects = {"Maths", "English", "Science",
                                            "PSHE",  "Art",     "Food technology"};
const std::vector<std::string> kTopics = {
    "Simultaneous equations by elimination",
    "Pythagoras' theorem in context problems",
    "Persuasive writing: rhetorical questions and the rule of three",
    "Reading for inference: An Inspector Calls, Act 2",
    "Cells and organisation; using a light microscope",
    "Fractions, decimals and percentages",
    "Forces and motion: speed, distance and time",
    "Healthy relationships and online safety",
    "Still life in charcoal",
    "Knife skills and a balanced meal",
    "Ratio and proportion in recipes",
    "Sentence structure for effect",
};
const std::vector<std::string> kIndicators = {"Working Towards", "Meeting", "Exceeding"};
const std::vector<std::string> kGrades = {"3", "4-", "4", "4+", "5-", "5", "5+", "6", "S-", "S"};

std::vector<FeedbackFormDocument> make_forms(int count) {
  std::mt19937 random(20261122);
  auto pick = [&](const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random)];
  };
  auto between = [&](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random);
  };
  std::vector<FeedbackFormDocument> forms;
  forms.reserve(count);
  for (int form_idx = 0; form_idx < count; ++form_idx) {
    FeedbackFormDocument form;
    form.provider_name = "Northfield Learning Centre";
    form.pupil_name = pick(kFirstNames) + " " + pick(kLastNames);
    form.upn = form_idx % 10 == 0 ? "no UPN" : "A82020" + std::to_string(1000000 + form_idx);
    form.nc_year = "Year " + std::to_string(between(7, 11));
    form.period_number = between(1, 12);
    form.period_start = Date::from_ymd(2026, 9, 7).plus_days(21 * (form.period_number - 1));
    form.period_end = form.period_start.plus_days(18);
    const int subjects = between(3, 5);
    for (int subject_idx = 0; subject_idx < subjects; ++subject_idx) {
      FeedbackFormSubject subject;
      subject.name = kSubjects[subject_idx];
      for (int topic_idx = between(3, 6); topic_idx > 0; --topic_idx)
        subject.topics.push_back(pick(kTopics));
      subject.atl = between(1, 4);
      subject.working_at = pick(kGrades);
      subject.proposed_indicator = pick(kIndicators);
      subject.indicator = between(0, 4) == 0 ? pick(kIndicators) : subject.proposed_indicator;
      if (subject.indicator != subject.proposed_indicator)
        subject.override_reason = "Recent work shows a clear step up since the last form.";
      form.subjects.push_back(std::move(subject));
    }
    form.attendance = std::to_string(between(60, 100)) + "% of sessions";
    form.comment =
        "Settling in well; is beginning to ask for help and to check work before "
        "handing it in. Keep encouraging reading at home.";
    form.status = "Sent";
    form.sent_on = form.period_end.plus_days(1);
    forms.push_back(std::move(form));
  }
  return forms;
}

}  // namespace

int main(int argc, char** argv) {
  const int count = argc > 1 ? std::atoi(argv[1]) : 1000;
  if (count <= 0) {
    std::fprintf(stderr, "usage: feedback_form_pdf [count > 0]\n");
    return 2;
  }
  const std::vector<FeedbackFormDocument> forms = make_forms(count);

  // One warm-up form: font loading is a one-off cost of the process, not of a form.
  if (!waymark::reports::render_feedback_form_pdf(forms.front()).ok()) return 1;

  std::size_t total_bytes = 0;
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  for (const FeedbackFormDocument& form : forms) {
    auto pdf = waymark::reports::render_feedback_form_pdf(form);
    if (!pdf.ok()) {
      std::fprintf(stderr, "render failed: %s\n", pdf.error().message.c_str());
      return 1;
    }
    total_bytes += pdf->size();
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  // CPU time as well as wall time: on a shared machine the process's own CPU seconds are the
  // fairer measure of what one core does.
  std::printf(
      "feedback-form PDFs: %d forms in %.2f s on one thread: %.0f forms/s "
      "(%.0f forms per CPU second), mean %.1f KB per form "
      "(goal: >= 150 forms/s on one core)\n",
      count, seconds, count / seconds, count / cpu_seconds,
      static_cast<double>(total_bytes) / count / 1024.0);
  return 0;
}
