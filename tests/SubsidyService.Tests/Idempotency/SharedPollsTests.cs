using FluentAssertions;
using SubsidyService.Operations.Idempotency;

namespace SubsidyService.Tests.Idempotency;

public sealed class SharedPollsTests
{
    /// <summary>Two hundred repeats of one key waiting on one node cost one poll of the database, not two hundred.</summary>
    [Fact]
    public async Task Waiters_for_one_key_share_one_poll_and_its_answer()
    {
        var polls = new SharedPolls();
        var calls = 0;
        var answer = new TaskCompletionSource<IdempotencyRecord?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var record = new IdempotencyRecord { RequestHash = "h", Status = "completed" };

        var waiters = Enumerable.Range(0, 200)
            .Select(_ => polls.WaitAsync("scope", "key", () => { Interlocked.Increment(ref calls); return answer.Task; }, CancellationToken.None))
            .ToList();
        var other = polls.WaitAsync("scope", "other-key", () => { Interlocked.Increment(ref calls); return Task.FromResult<IdempotencyRecord?>(null); }, CancellationToken.None);
        answer.SetResult(record);

        (await Task.WhenAll(waiters)).Should().OnlyContain(r => ReferenceEquals(r, record));
        (await other).Should().BeNull();
        calls.Should().Be(2, "one poll for each key");

        // The poll is over: a later waiter reads the row afresh.
        await polls.WaitAsync("scope", "key", () => { Interlocked.Increment(ref calls); return Task.FromResult<IdempotencyRecord?>(null); }, CancellationToken.None);
        calls.Should().Be(3);
    }

    [Fact]
    public async Task A_waiter_that_hangs_up_leaves_the_poll_to_the_others()
    {
        var polls = new SharedPolls();
        var answer = new TaskCompletionSource<IdempotencyRecord?>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var hangUp = new CancellationTokenSource();
        var leaving = polls.WaitAsync("scope", "key", () => answer.Task, hangUp.Token);
        var staying = polls.WaitAsync("scope", "key", () => throw new InvalidOperationException("a second poll"), CancellationToken.None);

        await hangUp.CancelAsync();
        await FluentActions.Awaiting(() => leaving).Should().ThrowAsync<OperationCanceledException>();
        staying.IsCompleted.Should().BeFalse();
        var record = new IdempotencyRecord { RequestHash = "h", Status = "completed" };
        answer.SetResult(record);
        (await staying).Should().BeSameAs(record);
    }
}
