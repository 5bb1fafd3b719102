using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SubsidyService.Operations;

/// <summary>
/// A named rate-limit policy counting per client address (after the trusted forwarded headers are applied, so a
/// client cannot pick the address it is counted under).
/// </summary>
public static class AddressRateLimit
{
    public static void AddPerAddress(this RateLimiterOptions options, string policyName, int permits, TimeSpan window) =>
        options.AddPolicy(policyName, http => RateLimitPartition.GetFixedWindowLimiter(
            ClientAddress.Of(http),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
}
