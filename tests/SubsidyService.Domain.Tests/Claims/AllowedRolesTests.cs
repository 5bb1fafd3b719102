using FluentAssertions;
using SubsidyService.Domain.Claims;

namespace SubsidyService.Domain.Tests.Claims;

/// <summary>The roles of a transition: kept once each and in enum order, whatever order they were given in.</summary>
public class AllowedRolesTests
{
    [Fact]
    public void Roles_given_out_of_order_are_kept_in_enum_order() =>
        AllowedRoles.Of(Role.Finance, Role.Verifier).Members.Should().Equal(Role.Verifier, Role.Finance);

    [Fact]
    public void A_role_given_twice_is_kept_once() =>
        AllowedRoles.Of(Role.Finance, Role.Finance, Role.Verifier).Members.Should().Equal(Role.Verifier, Role.Finance);

    [Fact]
    public void The_first_role_is_kept() =>
        AllowedRoles.Of(Role.System).Members.Should().Equal(Role.System);

    [Fact]
    public void Roles_are_written_as_their_codes_in_enum_order() =>
        AllowedRoles.Of(Role.System, Role.Applicant).ToString().Should().Be("applicant, system");

    [Fact]
    public void A_member_is_contained() => AllowedRoles.Of(Role.Verifier, Role.Finance).Contains(Role.Finance).Should().BeTrue();

    [Fact]
    public void The_first_member_is_contained() => AllowedRoles.Of(Role.Applicant, Role.Finance).Contains(Role.Applicant).Should().BeTrue();

    [Fact]
    public void A_role_not_given_is_not_contained() => AllowedRoles.Of(Role.Verifier, Role.Finance).Contains(Role.Applicant).Should().BeFalse();
}
