using SubsidyService.Domain.Claims;

namespace SubsidyService.Claims;

/// <summary>A trigger whose transitions all queue on one county-wide row (the year's budget, the letter sequence).</summary>
public sealed record SerializedTrigger(ClaimTrigger Trigger);

/// <summary>
/// Transitions that queue on one row gain nothing from more than a few of them inside the database at once;
/// beyond that each waiting request only holds a pooled connection, and a thousand simultaneous approvals
/// would empty the pool for everyone. They wait here, in memory and in order, instead
/// (<c>Workflow:SerializedTransitionsPerNode</c>, default 4). Other triggers pass straight through.
/// </summary>
public sealed class TransitionAdmission(IEnumerable<SerializedTrigger> serialized, IConfiguration config)
{
    private readonly HashSet<ClaimTrigger> triggers = serialized.Select(s => s.Trigger).ToHashSet();
    private readonly SemaphoreSlim gate = new(Math.Max(1, config.GetValue("Workflow:SerializedTransitionsPerNode", 4)));

    public async ValueTask<IDisposable?> EnterAsync(ClaimTrigger trigger)
    {
        if (!triggers.Contains(trigger)) return null;
        await gate.WaitAsync();
        return new Admitted(gate);
    }

    private sealed class Admitted(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) gate.Release();
        }
    }
}
