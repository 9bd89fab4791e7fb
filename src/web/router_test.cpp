#include "web/router.h"

#include <gtest/gtest.h>

#include "web/http.h"
#include "web/templates.h"

namespace waymark::web {
namespace {

TEST(RouterTest, MatchesPatternsAndCapturesSegments) {
  Router router;
  router.api(Method::Get, "/api/v1/pupils", [](Exchange&) { return Response::text(200, "list"); });
  router.api(Method::Get, "/api/v1/pupils/{id}",
             [](Exchange&) { return Response::text(200, "one"); });
  router.api(Method::Patch, "/api/v1/pupils/{id}",
             [](Exchange&) { return Response::text(200, "patch"); });
  auto match = router.match(Method::Get, "/api/v1/pupils/42");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/api/v1/pupils/{id}");
  EXPECT_EQ(match.path.at("id"), "42");
  EXPECT_EQ(router.match(Method::Get, "/api/v1/pupils/").route->pattern, "/api/v1/pupils");
  auto wrong_method = router.match(Method::Delete, "/api/v1/pupils/42");
  EXPECT_EQ(wrong_method.route, nullptr);
  EXPECT_TRUE(wrong_method.method_mismatch);
  auto missing = router.match(Method::Get, "/api/v1/nothing");
  EXPECT_EQ(missing.route, nullptr);
  EXPECT_FALSE(missing.method_mismatch);
}

TEST(RouterTest, IdsThatAreNotPositiveNumbersAreNotFound) {
  EXPECT_EQ(parse_path_id("12x", "pupil").error().kind, ErrorKind::NotFound);
  EXPECT_FALSE(parse_path_id("0", "pupil").ok());
  EXPECT_FALSE(parse_path_id("", "pupil").ok());
  EXPECT_FALSE(parse_path_id("9999999999999999999", "pupil").ok());
  EXPECT_EQ(parse_path_id("17", "pupil").value(), 17);
}

TEST(HttpTest, ParsesFormsCookiesAndMapsErrors) {
  auto form = parse_form("name=Sam+Smith&flag=a&flag=b&upn=H%38012&empty=");
  EXPECT_EQ(form.find("name")->second, "Sam Smith");
  EXPECT_EQ(form.count("flag"), 2u);
  EXPECT_EQ(form.find("upn")->second, "H8012");
  EXPECT_EQ(form.find("empty")->second, "");
  Request request;
  request.headers["cookie"] = "a=1; wm_session=abc; b=2";
  EXPECT_EQ(request.cookie("wm_session"), "abc");
  EXPECT_EQ(request.cookie("missing"), "");
  EXPECT_EQ(http_status(ErrorKind::Invalid), 422);
  EXPECT_EQ(http_status(ErrorKind::NotFound), 404);
  EXPECT_EQ(http_status(ErrorKind::Locked), 429);
  auto response =
      error_response(Error::invalid("upn", "UPN invalid (wrong check letter at character 1)"));
  EXPECT_EQ(response.status, 422);
  EXPECT_NE(response.body.find("\"field\":\"upn\""), std::string::npos);
  EXPECT_EQ(url_escape("a b/c"), "a%20b%2Fc");
}

TEST(TemplatesTest, ErrorSentencesNameTheField) {
  EXPECT_EQ(error_sentence({"legal_forename", "is required"}), "Legal forename is required");
  EXPECT_EQ(error_sentence({"contacts[0].email", "is not an email address"}),
            "Contacts 1 email is not an email address");
  EXPECT_EQ(error_sentence({"email", "Enter your email address"}), "Enter your email address");
  EXPECT_EQ(field_anchor("contacts[0].email"), "contacts_0__email");
}

}  // namespace
}  // namespace waymark::web
