using SubsidyService.Kernel;
namespace SubsidyService.Kernel;

/// <summary>
/// A reason the service cannot start that an operator can fix (a setting, the schema's version, a role): its
/// message is the one line printed before the process exits with code 1, so it names the key or the command.
/// </summary>
public sealed class StartupFailure(string message) : Exception(message);
