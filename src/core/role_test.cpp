#include "core/role.h"

#include <gtest/gtest.h>

#include "core/organisation.h"
#include "core/user.h"

namespace waymark {
namespace {

TEST(RoleTest, JoinsAndParses) {
  Roles roles{Role::Admin, Role::Head};
  EXPECT_EQ(roles.joined(), "admin,head");
  EXPECT_EQ(Roles::parse_joined("head, admin").value(), roles);
  EXPECT_FALSE(Roles::parse_joined("").ok());
  EXPECT_FALSE(Roles::parse_joined("admin,wizard").ok());
}

TEST(RoleTest, ActorPermissionsFollowRoles) {
  Actor commissioner{1, 2, OrgKind::School, Roles{Role::Commissioner}, "C"};
  EXPECT_TRUE(commissioner.commissioner_only());
  EXPECT_FALSE(commissioner.can_edit_pupils());
  EXPECT_TRUE(commissioner.can_commission());
  Actor auditor{1, 2, OrgKind::Provider, Roles{Role::Auditor}, "A"};
  EXPECT_FALSE(auditor.can_edit_pupils());
  EXPECT_FALSE(auditor.can_read_audit());
  Actor head{1, 2, OrgKind::Provider, Roles{Role::Head}, "H"};
  EXPECT_TRUE(head.can_read_audit());
  EXPECT_FALSE(head.can_manage_users());
}

TEST(UserTest, ValidatesEmailNameRolesAndPasswords) {
  User user{0, 1, "someone@example.com", "Some One", Roles{Role::Teacher}, true};
  EXPECT_TRUE(validate_user(user, OrgKind::Provider).ok());
  user.roles = Roles{Role::Commissioner};
  EXPECT_FALSE(validate_user(user, OrgKind::Provider).ok());
  EXPECT_TRUE(validate_user(user, OrgKind::School).ok());
  user.email = "nobody";
  EXPECT_FALSE(validate_user(user, OrgKind::School).ok());
  EXPECT_FALSE(validate_password("short").ok());
  EXPECT_FALSE(validate_password(std::string(129, 'x')).ok());
  EXPECT_TRUE(validate_password("long-enough-password").ok());
  EXPECT_EQ(normalise_email("  Some.One@Example.COM "), "some.one@example.com");
}

TEST(OrganisationTest, RegisteredProvidersNeedTheirNumbers) {
  Organisation provider{
      0, OrgKind::Provider, "Balance AP", std::nullopt, std::nullopt, std::nullopt, true, 0};
  auto status = validate_organisation(provider);
  ASSERT_FALSE(status.ok());
  provider.la_code = 886;
  provider.establishment_number = 6001;
  provider.urn = "150001";
  EXPECT_TRUE(validate_organisation(provider).ok());
  EXPECT_EQ(provider.dfe_number(), "886/6001");
  provider.urn = "15A001";
  EXPECT_FALSE(validate_organisation(provider).ok());
  Organisation unregistered{
      0, OrgKind::Provider, "Bridges", std::nullopt, std::nullopt, std::nullopt, false, 0};
  EXPECT_TRUE(validate_organisation(unregistered).ok());
  Organisation school{0, OrgKind::School, "Ashfield", "123456", 999, 4001, false, 0};
  EXPECT_FALSE(validate_organisation(school).ok());  // 999 is not an LA
}

}  // namespace
}  // namespace waymark
