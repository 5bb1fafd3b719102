using System.ComponentModel.DataAnnotations;
namespace SubsidyService.Accounts;

/// <param name="PrivacyNoticeAccepted">The applicant agreed to the personal-information notice (<c>GET /Account/Privacy</c>): true records the
/// consent with the notice's version and the time; false refuses the registration; left out, none is recorded.</param>
public sealed record RegisterRequest([property: MaxLength(32)] string? Username, [property: MaxLength(128)] string? Password, [property: MaxLength(254)] string? Email, [property: MaxLength(100)] string? DisplayName, bool? PrivacyNoticeAccepted = null);

public sealed record LoginRequest([property: MaxLength(32)] string? Username, [property: MaxLength(128)] string? Password);

public sealed record LoginResponse(string AccessToken, long ExpiresIn, string Role);

public sealed record RegisteredUser(Guid Id, string Username, string Email, string DisplayName, string Role);

public sealed record Me(Guid Id, string Username, string DisplayName, string Role);
