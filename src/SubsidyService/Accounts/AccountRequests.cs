namespace SubsidyService.Accounts;

public sealed record RegisterRequest(string? Username, string? Password, string? Email, string? DisplayName);

public sealed record LoginRequest(string? Username, string? Password);

public sealed record LoginResponse(string AccessToken, long ExpiresIn, string Role);

public sealed record RegisteredUser(Guid Id, string Username, string Email, string DisplayName, string Role);

public sealed record Me(Guid Id, string Username, string DisplayName, string Role);
