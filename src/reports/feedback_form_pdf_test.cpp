#include "reports/feedback_form_pdf.h"

#include "core/feedback_form.h"

#include <gtest/gtest.h>

#include <unistd.h>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace waymark::reports {
namespace {

// Runs a poppler tool on the PDF and returns what it prints. `tool` is "pdftotext" or "pdfinfo".
std::string run_poppler(const std::string& tool, const std::string& pdf_bytes) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("wm_form_" + std::to_string(::getpid()) + ".pdf");
  {
    std::ofstream out(path, std::ios::binary);
    out << pdf_bytes;
  }
  const std::string command =
      tool + " " + path.string() + (tool == "pdftotext" ? " - 2>/dev/null" : " 2>/dev/null");
  std::string output;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    std::array<char, 4096> buffer;
    std::size_t count = 0;
    while ((count = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
      output.append(buffer.data(), count);
    ::pclose(pipe);
  }
  std::filesystem::remove(path);
  return output;
}

std::string text_of(const std::string& pdf) {
  return run_poppler("pdftotext", pdf);
}

int pages_of(const std::string& pdf) {
  const std::string info = run_poppler("pdfinfo", pdf);
  const auto at = info.find("Pages:");
  if (at == std::string::npos) return 0;
  return std::stoi(info.substr(at + 6));
}

FeedbackFormDocument sample_form() {
  FeedbackFormDocument form;
  form.provider_name = "Northfield Learning Centre";
  form.pupil_name = "Zoë O'Brien";
  form.upn = "A123456789012";
  form.nc_year = "Year 10";
  form.period_number = 3;
  form.period_start = Date::from_ymd(2026, 10, 1);
  form.period_end = Date::from_ymd(2026, 10, 21);
  form.subjects = {
      {.name = "Maths",
       .topics = {"Simultaneous equations", "Pythagoras' theorem"},
       .atl = 3,
       .atl_label = "",
       .working_at = "5+",
       .proposed_indicator = "Working Towards",
       .indicator = "Meeting",
       .override_reason = "Strong test after two absences"},
      {.name = "English",
       .topics = {"Persuasive writing"},
       .atl = 4,
       .atl_label = "Exceptional",
       .working_at = "6-",
       .proposed_indicator = "Exceeding",
       .indicator = "Exceeding",
       .override_reason = ""},
      {.name = "Science",
       .topics = {},
       .atl = std::nullopt,
       .atl_label = "",
       .working_at = "",
       .proposed_indicator = "",
       .indicator = "",
       .override_reason = ""},
  };
  form.attendance = "92% (23 of 25 sessions)";
  form.comment = "Zoë has settled well and asks for help when she needs it.";
  form.status = "Sent";
  form.version = 1;
  form.sent_on = Date::from_ymd(2026, 10, 22);
  return form;
}

TEST(FeedbackFormPdf, ShowsPupilSubjectsTopicsAndKeys) {
  Result<std::string> pdf = render_feedback_form_pdf(sample_form());
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  const std::string text = text_of(*pdf);
  for (const char* expected : {"Northfield Learning Centre",
                               "Progress feedback",
                               "Zoë O'Brien",
                               "A123456789012",
                               "Year 10",
                               "1 October 2026",
                               "21 October 2026",
                               "Maths",
                               "English",
                               "Science",
                               "Simultaneous equations",
                               "Pythagoras' theorem",
                               "Persuasive writing",
                               "No topics recorded",
                               "3 – Good",
                               "4 – Exceptional",
                               "5+",
                               "Exceeding",
                               "Meeting",
                               "Working Towards",
                               "Strong test",
                               "92% (23 of 25 sessions)",
                               "asks for help",
                               "4 Exceptional, 3 Good, 2 Requires Improvement",
                               "1 Poor",
                               "22 October 2026",
                               "Page 1"})
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected;
  EXPECT_EQ(pages_of(*pdf), 1);
}

TEST(FeedbackFormPdf, NonLatinNamesSurvive) {
  FeedbackFormDocument form = sample_form();
  form.pupil_name = "Łukasz Żółć";
  form.upn = "no UPN";
  form.sent_on = std::nullopt;
  form.status = "Draft";
  form.version = 2;
  Result<std::string> pdf = render_feedback_form_pdf(form);
  ASSERT_TRUE(pdf.ok());
  const std::string text = text_of(*pdf);
  EXPECT_NE(text.find("Łukasz Żółć"), std::string::npos);
  EXPECT_NE(text.find("no UPN"), std::string::npos);
  EXPECT_NE(text.find("not yet sent"), std::string::npos);
  EXPECT_NE(text.find("version 2"), std::string::npos);
}

TEST(FeedbackFormPdf, LongFormFlowsOntoASecondPage) {
  FeedbackFormDocument form = sample_form();
  form.subjects[0].topics.clear();
  for (int topic_idx = 1; topic_idx <= 60; ++topic_idx)
    form.subjects[0].topics.push_back("Topic number " + std::to_string(topic_idx) +
                                      ": a long description of the work covered in the lesson, "
                                      "which wraps onto more than one line of the table");
  Result<std::string> pdf = render_feedback_form_pdf(form);
  ASSERT_TRUE(pdf.ok());
  EXPECT_GE(pages_of(*pdf), 2);
  const std::string text = text_of(*pdf);
  EXPECT_NE(text.find("Topic number 60"), std::string::npos);
  EXPECT_NE(text.find("Maths (continued)"), std::string::npos);
  EXPECT_NE(text.find("Page 2"), std::string::npos);
}

TEST(FeedbackFormPdf, ManySubjectsFlowOntoASecondPage) {
  FeedbackFormDocument form = sample_form();
  for (int copy_idx = 0; copy_idx < 4; ++copy_idx)
    for (std::size_t subject_idx = 0; subject_idx < 3; ++subject_idx)
      form.subjects.push_back(form.subjects[subject_idx]);
  Result<std::string> pdf = render_feedback_form_pdf(form);
  ASSERT_TRUE(pdf.ok());
  EXPECT_GE(pages_of(*pdf), 2);
  EXPECT_NE(text_of(*pdf).find("1 Poor"), std::string::npos);
}

TEST(FeedbackFormPdf, NoSubjectsStillRenders) {
  FeedbackFormDocument form = sample_form();
  form.subjects.clear();
  form.attendance = std::nullopt;
  form.comment.clear();
  Result<std::string> pdf = render_feedback_form_pdf(form);
  ASSERT_TRUE(pdf.ok());
  const std::string text = text_of(*pdf);
  EXPECT_NE(text.find("No subjects on this form."), std::string::npos);
  EXPECT_EQ(text.find("Attendance in this period"), std::string::npos);
}

TEST(FeedbackFormPdf, RejectsABlankNameAndAtlOutOfRange) {
  FeedbackFormDocument form = sample_form();
  form.pupil_name = "  ";
  form.subjects[1].atl = 5;
  form.subjects[2].atl = 0;
  Result<std::string> pdf = render_feedback_form_pdf(form);
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.error().kind, ErrorKind::Invalid);
  ASSERT_EQ(pdf.error().fields.size(), 3u);
  EXPECT_EQ(pdf.error().fields[0].field, "pupil_name");
  EXPECT_EQ(pdf.error().fields[1].field, "subjects[2].atl");
  EXPECT_EQ(pdf.error().fields[2].field, "subjects[3].atl");
}

TEST(FeedbackFormPdf, AtlLabelsAndLongDates) {
  EXPECT_STREQ(atl_label(4), "Exceptional");
  EXPECT_STREQ(atl_label(2), "Requires Improvement");
  EXPECT_STREQ(atl_label(0), "");
  EXPECT_EQ(long_date(Date::from_ymd(2027, 1, 5)), "5 January 2027");
}

}  // namespace
}  // namespace waymark::reports
