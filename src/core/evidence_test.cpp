#include "core/evidence.h"

#include <gtest/gtest.h>

namespace waymark {
namespace {

TEST(EvidenceSniff, JudgesTypeFromContent) {
  struct Case {
    std::string bytes;
    std::optional<EvidenceType> type;
  };
  const Case cases[] = {
      {"%PDF-1.7\n...", EvidenceType::Pdf},
      {std::string("\x89PNG\r\n\x1a\n\0\0", 10), EvidenceType::Png},
      {std::string("\xff\xd8\xff\xe0JFIF", 8), EvidenceType::Jpeg},
      {"<html><body>hi</body></html>", std::nullopt},
      {"GIF89a", std::nullopt},
      {"PDF-1.7", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& test_case : cases) {
    auto sniffed = sniff_evidence(test_case.bytes);
    if (test_case.type) {
      ASSERT_TRUE(sniffed.ok()) << test_case.bytes;
      EXPECT_EQ(*sniffed, *test_case.type);
    } else {
      ASSERT_FALSE(sniffed.ok()) << test_case.bytes;
      EXPECT_EQ(sniffed.error().fields.at(0).field, "file");
    }
  }
}

TEST(EvidenceSniff, RefusesTooLarge) {
  std::string big = "%PDF-" + std::string(kMaxEvidenceBytes, 'x');
  auto sniffed = sniff_evidence(big);
  ASSERT_FALSE(sniffed.ok());
  EXPECT_NE(sniffed.error().message.find("10 MiB"), std::string::npos);
}

TEST(EvidenceSniff, MediaTypesRoundTrip) {
  for (EvidenceType type : {EvidenceType::Pdf, EvidenceType::Png, EvidenceType::Jpeg}) {
    auto parsed = parse_media_type(media_type(type), "media_type");
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, type);
  }
  EXPECT_FALSE(parse_media_type("text/html", "media_type").ok());
  EXPECT_STREQ(extension(EvidenceType::Jpeg), "jpg");
}

TEST(EvidenceFileName, Sanitised) {
  EXPECT_EQ(sanitise_file_name("C:\\Users\\x\\essay draft.pdf"), "essay draft.pdf");
  EXPECT_EQ(sanitise_file_name("../../etc/passwd"), "passwd");
  EXPECT_EQ(sanitise_file_name("..hidden"), "hidden");
  EXPECT_EQ(sanitise_file_name("a<b>\"c.png"), "a_b__c.png");
  EXPECT_EQ(sanitise_file_name(""), "evidence");
  EXPECT_EQ(sanitise_file_name(std::string(300, 'a')).size(), 100u);
}

}  // namespace
}  // namespace waymark
