#include "reports/feedback_form_pdf.h"

#include "core/feedback_form.h"

#include <algorithm>
#include <array>
#include <vector>

#include "reports/pdf_document.h"
#include "reports/text_kit.h"

namespace waymark::reports {
namespace {

constexpr double kMargin = 40;
constexpr double kContentWidth = kA4Width - 2 * kMargin;
constexpr double kBottom = kA4Height - kMargin - 14;  // the footer sits below this line
constexpr double kPad = 5;                            // inside table cells
constexpr double kBulletIndent = 10;

// Table columns: topics learnt, ATL, working at, progress indicator (widths in points).
constexpr std::array<double, 4> kColumns = {245, 90, 60, 120};
static_assert(kColumns[0] + kColumns[1] + kColumns[2] + kColumns[3] == 515);

struct Rgb {
  double red, green, blue;
};
constexpr Rgb kBrand = {0.0, 0x57 / 255.0, 0x4b / 255.0};  // the service's teal, #00574b
constexpr Rgb kSurface = {0xea / 255.0, 0xf3 / 255.0, 0xf1 / 255.0};
constexpr Rgb kRule = {0x7f / 255.0, 0xb0 / 255.0, 0xa8 / 255.0};
constexpr Rgb kInk = {0x0b / 255.0, 0x0c / 255.0, 0x0c / 255.0};
constexpr Rgb kWhite = {1, 1, 1};

void set_colour(cairo_t* cr, Rgb colour) {
  cairo_set_source_rgb(cr, colour.red, colour.green, colour.blue);
}

void fill_rect(cairo_t* cr, double x, double y, double width, double height, Rgb colour) {
  set_colour(cr, colour);
  cairo_rectangle(cr, x, y, width, height);
  cairo_fill(cr);
}

void stroke_rect(cairo_t* cr, double x, double y, double width, double height) {
  set_colour(cr, kRule);
  cairo_set_line_width(cr, 0.75);
  cairo_rectangle(cr, x, y, width, height);
  cairo_stroke(cr);
}

void vertical_rule(cairo_t* cr, double x, double top, double bottom) {
  set_colour(cr, kRule);
  cairo_set_line_width(cr, 0.75);
  cairo_move_to(cr, x, top);
  cairo_line_to(cr, x, bottom);
  cairo_stroke(cr);
}

std::string or_dash(const std::string& text) {
  return text.empty() ? "\u2014" : text;
}

// The subject's right-hand cells, laid out once and drawn with the first part of its table.
struct SideCells {
  Text atl, working_at, indicator, note;
  double height = 0;
};

SideCells lay_out_side_cells(TextKit& kit, const FeedbackFormSubject& subject) {
  SideCells cells;
  std::string atl = "\u2014";
  if (subject.atl) {
    const std::string label =
        subject.atl_label.empty() ? atl_label(*subject.atl) : subject.atl_label;
    atl = std::to_string(*subject.atl) + " \u2013 " + label;
  }
  cells.atl = kit.lay_out(TextStyle::Body, atl, kColumns[1] - 2 * kPad);
  cells.working_at =
      kit.lay_out(TextStyle::Body, or_dash(subject.working_at), kColumns[2] - 2 * kPad);
  cells.indicator =
      kit.lay_out(TextStyle::BodyBold, or_dash(subject.indicator), kColumns[3] - 2 * kPad);
  std::string note;
  if (!subject.override_reason.empty()) {
    note = "Proposed: " + or_dash(subject.proposed_indicator) +
           ". Reason for the change: " + subject.override_reason;
    cells.note = kit.lay_out(TextStyle::Small, note, kColumns[3] - 2 * kPad);
  }
  const double indicator_height =
      cells.indicator.height() + (note.empty() ? 0 : 3 + cells.note.height());
  cells.height = std::max({cells.atl.height(), cells.working_at.height(), indicator_height});
  return cells;
}

// Draws the form top to bottom, starting a new page whenever the next piece does not fit.
class FormWriter {
 public:
  FormWriter(const FeedbackFormDocument& form, PdfDocument& pdf)
      : form_(form), pdf_(pdf), cr_(pdf.cr()), kit_(TextKit::for_this_thread()) {}

  void write() {
    header_band();
    pupil_block();
    for (const FeedbackFormSubject& subject : form_.subjects) subject_table(subject);
    if (form_.subjects.empty()) paragraph(TextStyle::Body, "No subjects on this form.");
    closing_sections();
    footer();
  }

 private:
  void new_page() {
    footer();
    pdf_.next_page();
    ++page_;
    y_ = kMargin;
    set_colour(cr_, kBrand);
    kit_.lay_out(TextStyle::BodyBold, form_.pupil_name + " \u2014 progress feedback, period " +
                                          std::to_string(form_.period_number) + " (continued)")
        .draw(cr_, kMargin, y_);
    y_ += 22;
    page_is_fresh_ = true;
  }

  void ensure_room(double height) {
    if (y_ + height > kBottom && !page_is_fresh_) new_page();
  }

  void paragraph(TextStyle style, const std::string& text, double gap_after = 6) {
    paragraph(kit_.lay_out(style, text, kContentWidth), gap_after);
  }

  void paragraph(const Text& laid_out, double gap_after) {
    ensure_room(laid_out.height());
    set_colour(cr_, kInk);
    laid_out.draw(cr_, kMargin, y_);
    y_ += laid_out.height() + gap_after;
    page_is_fresh_ = false;
  }

  void header_band() {
    constexpr double kBandHeight = 62;
    fill_rect(cr_, 0, 0, kA4Width, kBandHeight, kBrand);
    set_colour(cr_, kWhite);
    Text provider = kit_.lay_out(TextStyle::Title, form_.provider_name, kContentWidth - 120);
    provider.draw(cr_, kMargin, 14);
    kit_.fixed(TextStyle::Subheading, "Progress feedback")
        .draw(cr_, kMargin, 16 + provider.height());
    kit_.lay_out(TextStyle::Subheading, "Period " + std::to_string(form_.period_number), 110,
                 Align::Right)
        .draw(cr_, kA4Width - kMargin - 110, 16);
    y_ = std::max(kBandHeight, 32 + provider.height() + 14) + 14;
  }

  void pupil_block() {
    set_colour(cr_, kInk);
    Text name = kit_.lay_out(TextStyle::Heading, form_.pupil_name, kContentWidth);
    name.draw(cr_, kMargin, y_);
    y_ += name.height() + 3;
    paragraph(TextStyle::Body, "UPN: " + or_dash(form_.upn) + "    " + form_.nc_year, 2);
    paragraph(TextStyle::Body,
              "Period " + std::to_string(form_.period_number) + ": " +
                  long_date(form_.period_start) + " to " + long_date(form_.period_end),
              2);
    std::string status;
    if (form_.sent_on)
      status = "Sent to the school on " + long_date(*form_.sent_on);
    else
      status = "Status: " + or_dash(form_.status) + " (not yet sent)";
    if (form_.version > 1)
      status += " \u2014 version " + std::to_string(form_.version) + ", correcting an earlier form";
    paragraph(TextStyle::Body, status, 12);
  }

  // The heading bar and column headings of a subject's table: their heights.
  struct TableTop {
    double title = 0;
    double total = 0;
  };
  TableTop table_top(const Text& title, bool draw) {
    const double title_height = title.height() + 2 * kPad;
    static constexpr std::array<const char*, 4> kHeadings = {
        "Topics learnt", "Attitude to learning", "Working at", "Progress indicator"};
    std::array<const Text*, 4> headings;
    double headings_height = 0;
    for (std::size_t column_idx = 0; column_idx < 4; ++column_idx) {
      headings[column_idx] =
          &kit_.fixed(TextStyle::BodyBold, kHeadings[column_idx], kColumns[column_idx] - 2 * kPad);
      headings_height = std::max(headings_height, headings[column_idx]->height());
    }
    headings_height += 2 * kPad;
    if (draw) {
      fill_rect(cr_, kMargin, y_, kContentWidth, title_height, kBrand);
      set_colour(cr_, kWhite);
      title.draw(cr_, kMargin + kPad, y_ + kPad);
      const double row_top = y_ + title_height;
      fill_rect(cr_, kMargin, row_top, kContentWidth, headings_height, kSurface);
      set_colour(cr_, kInk);
      double x = kMargin;
      for (std::size_t column_idx = 0; column_idx < 4; ++column_idx) {
        headings[column_idx]->draw(cr_, x + kPad, row_top + kPad);
        x += kColumns[column_idx];
      }
    }
    return {title_height, title_height + headings_height};
  }

  void subject_table(const FeedbackFormSubject& subject) {
    std::vector<Text> topics;
    topics.reserve(subject.topics.size());
    for (const std::string& topic : subject.topics)
      topics.push_back(
          kit_.lay_out(TextStyle::Body, topic, kColumns[0] - 2 * kPad - kBulletIndent));
    if (topics.empty())
      topics.push_back(kit_.lay_out(TextStyle::Body, "No topics recorded", kColumns[0] - 2 * kPad));
    const bool bullets = !subject.topics.empty();
    constexpr double kTopicGap = 2;
    SideCells side = lay_out_side_cells(kit_, subject);

    std::size_t next_topic = 0;
    bool first_part = true;
    while (next_topic < topics.size()) {
      const Text title = kit_.lay_out(TextStyle::Heading,
                                      first_part ? subject.name : subject.name + " (continued)",
                                      kContentWidth - 2 * kPad);
      const TableTop top = table_top(title, false);
      const double top_height = top.total;
      const double first_needed =
          std::max(first_part ? side.height : 0.0, topics[next_topic].height());
      ensure_room(top_height + first_needed + 2 * kPad + 10);

      // As many topics as fit on this page (at least one, so that the form always moves on).
      const double room = kBottom - y_ - top_height - 2 * kPad;
      std::size_t end_topic = next_topic;
      double topics_height = 0;
      while (end_topic < topics.size() &&
             (end_topic == next_topic ||
              topics_height + topics[end_topic].height() + kTopicGap <= room)) {
        topics_height += topics[end_topic].height() + kTopicGap;
        ++end_topic;
      }
      const double row_height =
          std::max(topics_height - kTopicGap, first_part ? side.height : 0.0) + 2 * kPad;

      const double table_y = y_;
      table_top(title, true);
      const double row_top = table_y + top_height;
      set_colour(cr_, kInk);
      double topic_y = row_top + kPad;
      for (std::size_t topic_idx = next_topic; topic_idx < end_topic; ++topic_idx) {
        if (bullets) kit_.fixed(TextStyle::Body, "\u2022").draw(cr_, kMargin + kPad, topic_y);
        topics[topic_idx].draw(cr_, kMargin + kPad + (bullets ? kBulletIndent : 0), topic_y);
        topic_y += topics[topic_idx].height() + kTopicGap;
      }
      if (first_part) draw_side_cells(side, row_top);
      stroke_rect(cr_, kMargin, table_y, kContentWidth, top_height + row_height);
      double x = kMargin;
      for (std::size_t column_idx = 0; column_idx < 3; ++column_idx) {
        x += kColumns[column_idx];
        vertical_rule(cr_, x, table_y + top.title, row_top + row_height);
      }
      y_ = row_top + row_height + 12;
      page_is_fresh_ = false;
      next_topic = end_topic;
      first_part = false;
      if (next_topic < topics.size()) new_page();
    }
  }

  void draw_side_cells(const SideCells& side, double row_top) {
    set_colour(cr_, kInk);
    double x = kMargin + kColumns[0];
    side.atl.draw(cr_, x + kPad, row_top + kPad);
    x += kColumns[1];
    side.working_at.draw(cr_, x + kPad, row_top + kPad);
    x += kColumns[2];
    side.indicator.draw(cr_, x + kPad, row_top + kPad);
    side.note.draw(cr_, x + kPad, row_top + kPad + side.indicator.height() + 3);
  }

  void closing_sections() {
    if (form_.attendance)
      paragraph(TextStyle::Body, "Attendance in this period: " + *form_.attendance, 8);
    if (!form_.comment.empty()) {
      paragraph(kit_.fixed(TextStyle::Heading, "Comment", kContentWidth), 3);
      paragraph(TextStyle::Body, form_.comment, 10);
    }
    paragraph(kit_.fixed(TextStyle::Heading, "Key", kContentWidth), 3);
    paragraph(kit_.fixed(TextStyle::Body,
                         "Attitude to learning (ATL): 4 Exceptional, 3 Good, 2 Requires "
                         "Improvement, 1 Poor.",
                         kContentWidth),
              3);
    paragraph(kit_.fixed(TextStyle::Body,
                         "Progress indicator: Exceeding, Meeting or Working Towards the expected "
                         "outcome for the pupil's year (Key Stage 3) or the pupil's own end-of-KS4 "
                         "target (Key Stage 4).",
                         kContentWidth),
              3);
  }

  void footer() {
    set_colour(cr_, kInk);
    kit_.lay_out(TextStyle::Small,
                 form_.pupil_name + " \u2014 progress feedback, period " +
                     std::to_string(form_.period_number),
                 kContentWidth - 60)
        .draw(cr_, kMargin, kBottom + 6);
    kit_.lay_out(TextStyle::Small, "Page " + std::to_string(page_), 60, Align::Right)
        .draw(cr_, kA4Width - kMargin - 60, kBottom + 6);
  }

  const FeedbackFormDocument& form_;
  PdfDocument& pdf_;
  cairo_t* cr_;
  TextKit& kit_;
  double y_ = kMargin;
  int page_ = 1;
  bool page_is_fresh_ = false;
};

Status validate(const FeedbackFormDocument& form) {
  ErrorList errors;
  if (form.pupil_name.find_first_not_of(" \t\r\n") == std::string::npos)
    errors.add("pupil_name", "give the pupil's name");
  for (std::size_t subject_idx = 0; subject_idx < form.subjects.size(); ++subject_idx) {
    const auto& atl = form.subjects[subject_idx].atl;
    if (atl && (*atl < 1 || *atl > 4))
      errors.add("subjects[" + std::to_string(subject_idx + 1) + "].atl",
                 "attitude to learning is graded 1 to 4");
  }
  if (!errors.empty()) return errors.to_error();
  return {};
}

}  // namespace

std::string long_date(Date date) {
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return std::to_string(date.day()) + " " + kMonths[date.month() - 1] + " " +
         std::to_string(date.year());
}

Result<std::string> render_feedback_form_pdf(const FeedbackFormDocument& form) {
  WAYMARK_TRY_STATUS(validate(form));
  PdfDocument pdf("Progress feedback: " + form.pupil_name + ", period " +
                  std::to_string(form.period_number));
  FormWriter(form, pdf).write();
  return pdf.finish();
}

}  // namespace waymark::reports
