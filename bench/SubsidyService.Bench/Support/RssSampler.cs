namespace SubsidyService.Bench;

/// <summary>Samples a process's resident set size every 50 ms until disposed; keeps the peak.</summary>
public sealed class RssSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;

    public RssSampler(Func<long> read)
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var now = read();
                if (now > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, now);
                try { await Task.Delay(50, _stop.Token); }
                catch (OperationCanceledException) { }
            }
        });
    }

    public double PeakMegabytes => Interlocked.Read(ref _peak) / 1024.0 / 1024.0;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
