namespace SubsidyService.Accounts;

/// <summary>A row of <c>users</c> (settable properties so Dapper can fill it by column name).</summary>
public sealed class User
{
    public Guid Id { get; init; }
    public string Username { get; init; } = "";
    public string PasswordHash { get; init; } = "";
    public string Email { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Role { get; init; } = "";
    /// <summary>Until when sign-ins to the account are being delayed (from the throttle, filled by the account list only).</summary>
    public DateTime? LockedUntil { get; init; }
    public DateTime CreatedAt { get; init; }
    public Guid SecurityStamp { get; init; }
    public DateTime? DisabledAt { get; init; }
    /// <summary>Set when an administrator reset the password: its owner must choose a new one before anything else.</summary>
    public bool MustChangePassword { get; init; }
    /// <summary>The personal-information notice (<see cref="PrivacyNotice"/>) the applicant agreed to at registration, and when.</summary>
    public string? PrivacyNoticeVersion { get; init; }
    public DateTime? PrivacyConsentedAt { get; init; }

    /// <summary>The account as the event log names an actor.</summary>
    public Kernel.Actor AsActor() => new(Id, Username, DisplayName,
        Domain.Kernel.EnumCodes.TryParse<Domain.Claims.Role>(Role, out var role) ? role : throw new InvalidOperationException($"unknown role {Role}"));
}
