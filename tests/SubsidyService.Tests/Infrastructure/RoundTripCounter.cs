using System.Collections.Concurrent;
using System.Diagnostics;

namespace SubsidyService.Tests.Infrastructure;

/// <summary>
/// Counts the database round trips of one HTTP request, from the test alone: Npgsql starts an activity per command
/// or batch sent (one round trip each; a pooled open sends nothing, and BEGIN goes with the first command), and
/// ASP.NET Core parents the request's activity on the <c>traceparent</c> the test sends, so every command the
/// request runs carries the test's trace id, whatever else the node and the other test classes do meanwhile.
/// A transaction's COMMIT is sent by Npgsql without a command and is not seen here: <see cref="Counted.Commits"/>
/// is the caller's count of them.
/// </summary>
public sealed class RoundTripCounter : IDisposable
{
    private readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<string>> commands = new();
    private readonly ActivityListener listener;

    public RoundTripCounter()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name != "Npgsql" || activity.Kind != ActivityKind.Client) return;
                var text = activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement") ?? activity.DisplayName;
                commands.GetOrAdd(activity.TraceId, _ => new()).Enqueue(Shorten(text?.ToString() ?? ""));
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public sealed record Counted(HttpResponseMessage Response, IReadOnlyList<string> Commands)
    {
        public int RoundTrips => Commands.Count;

        public override string ToString() => $"{RoundTrips} round trip(s):\n  " + string.Join("\n  ", Commands);
    }

    /// <summary>Sends the request under a trace of its own and returns the commands the service ran for it.</summary>
    public async Task<Counted> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        var trace = ActivityTraceId.CreateRandom();
        request.Headers.Remove("traceparent");
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return new Counted(response, commands.TryRemove(trace, out var seen) ? seen.ToList() : []);
    }

    /// <summary>
    /// Runs work that no request carries (a job's run, called in-process) under a trace of its own and returns the
    /// commands it sent: the activity is the ambient parent of every Npgsql command the work awaits.
    /// </summary>
    public async Task<IReadOnlyList<string>> RunAsync(Func<Task> work)
    {
        ActivityTraceId trace;
        using (var activity = new Activity("counted-work").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            trace = activity.TraceId;
            await work();
        }
        return commands.TryRemove(trace, out var seen) ? seen.ToList() : [];
    }

    private static string Shorten(string sql)
    {
        var oneLine = string.Join(' ', sql.Split((char[])['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 160 ? oneLine : oneLine[..160] + "…";
    }

    public void Dispose() => listener.Dispose();
}
