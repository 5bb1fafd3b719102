namespace SubsidyService.Accounts;

/// <summary>A person as mail needs them: the address and the name to greet.</summary>
public sealed record Contact(Guid Id, string Email, string DisplayName);
