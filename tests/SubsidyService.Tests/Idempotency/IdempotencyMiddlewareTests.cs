using System.Text;
using System.Text.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SubsidyService.Operations.Idempotency;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Idempotency;

/// <summary>
/// The middleware around endpoints that fail, refuse or take their time, which the endpoints of
/// today cannot be made to do on demand. The store is the real one, on the fixture's database.
/// </summary>
public sealed class IdempotencyMiddlewareTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private int _runs;

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task Settled_answers_are_kept_and_the_endpoint_runs_once(int status)
    {
        var key = Keyed.NewKey();
        var middleware = Middleware(Answer(status, "first"));

        var first = await SendAsync(middleware, key);
        var second = await SendAsync(middleware, key);

        _runs.Should().Be(1);
        second.Response.StatusCode.Should().Be(status);
        Body(second).Should().Be("first");
        second.Response.Headers["Idempotent-Replayed"].ToString().Should().Be("true");
        first.Response.Headers.ContainsKey("Idempotent-Replayed").Should().BeFalse();
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(409)]
    [InlineData(429)]
    [InlineData(302)]
    public async Task Failures_and_not_now_answers_let_go_of_the_key(int status)
    {
        var key = Keyed.NewKey();
        var middleware = Middleware(Answer(status, "try again"));

        var first = await SendAsync(middleware, key);
        var second = await SendAsync(middleware, key);

        _runs.Should().Be(2, "a retry after a failure must be able to run again");
        Body(first).Should().Be("try again");
        second.Response.Headers.ContainsKey("Idempotent-Replayed").Should().BeFalse();
        (await Keyed.KeyRowsAsync(fixture.ConnectionString, key)).Should().Be(0);
    }

    [Fact]
    public async Task An_exception_lets_go_of_the_key_and_travels_on()
    {
        var key = Keyed.NewKey();
        var failing = Middleware(_ => { _runs++; throw new InvalidOperationException("boom"); });

        var act = () => SendAsync(failing, key);

        await act.Should().ThrowAsync<InvalidOperationException>();
        (await Keyed.KeyRowsAsync(fixture.ConnectionString, key)).Should().Be(0);
        var retry = await SendAsync(Middleware(Answer(201, "done")), key);
        Body(retry).Should().Be("done");
        _runs.Should().Be(2);
    }

    [Fact]
    public async Task A_repeat_waits_for_the_first_request_and_gets_its_answer()
    {
        var key = Keyed.NewKey();
        var release = new TaskCompletionSource();
        var slow = Middleware(async http => { await release.Task; await Answer(201, "slow answer")(http); });

        var first = SendAsync(slow, key);
        await WaitForRowAsync(key);
        var repeat = SendAsync(slow, key);
        await Task.Delay(300);
        repeat.IsCompleted.Should().BeFalse("the first request has not answered yet");
        release.SetResult();

        Body(await repeat).Should().Be("slow answer");
        (await repeat).Response.Headers["Idempotent-Replayed"].ToString().Should().Be("true");
        Body(await first).Should().Be("slow answer");
        _runs.Should().Be(1);
    }

    [Fact]
    public async Task A_repeat_that_waits_too_long_is_told_409_in_progress()
    {
        var key = Keyed.NewKey();
        var release = new TaskCompletionSource();
        var slow = Middleware(async http => { await release.Task; await Answer(201, "late")(http); }, waitLimit: TimeSpan.FromMilliseconds(300));

        var first = SendAsync(slow, key);
        await WaitForRowAsync(key);
        var repeat = await SendAsync(slow, key);
        release.SetResult();
        await first;

        repeat.Response.StatusCode.Should().Be(409);
        JsonDocument.Parse(Body(repeat)).RootElement.GetProperty("code").GetString().Should().Be("idempotency_in_progress");
        _runs.Should().Be(1);
    }

    [Fact]
    public async Task A_repeat_with_another_body_is_refused_without_waiting()
    {
        var key = Keyed.NewKey();
        var release = new TaskCompletionSource();
        var slow = Middleware(async http => { await release.Task; await Answer(201, "first")(http); });

        var first = SendAsync(slow, key, body: "{\"a\":1}");
        await WaitForRowAsync(key);
        var other = await SendAsync(slow, key, body: "{\"a\":2}");
        release.SetResult();
        await first;

        other.Response.StatusCode.Should().Be(422);
        JsonDocument.Parse(Body(other)).RootElement.GetProperty("code").GetString().Should().Be("idempotency_key_reused");
    }

    [Fact]
    public async Task A_retried_upload_counts_as_the_same_request_whatever_its_multipart_boundary()
    {
        var key = Keyed.NewKey();
        var middleware = Middleware(Answer(201, "uploaded"));

        var first = await SendAsync(middleware, key, await MultipartAsync("%PDF-1.7 judgment"));
        var retry = await SendAsync(middleware, key, await MultipartAsync("%PDF-1.7 judgment"));
        var otherFile = await SendAsync(middleware, key, await MultipartAsync("%PDF-1.7 another"));

        _runs.Should().Be(1);
        retry.Response.Headers["Idempotent-Replayed"].ToString().Should().Be("true");
        Body(retry).Should().Be(Body(first));
        otherFile.Response.StatusCode.Should().Be(422);
    }

    [Fact]
    public async Task An_empty_key_is_refused_naming_the_header()
    {
        // HttpClient drops an empty header before it reaches the server, so this case is tried here.
        var refused = await SendAsync(Middleware(Answer(201, "ran")), key: "");

        refused.Response.StatusCode.Should().Be(400);
        JsonDocument.Parse(Body(refused)).RootElement.GetProperty("errors").TryGetProperty("Idempotency-Key", out _).Should().BeTrue();
        _runs.Should().Be(0);
    }

    private IdempotencyMiddleware Middleware(RequestDelegate next, TimeSpan? waitLimit = null) => new(
        next, fixture.App.Service<IdempotencyStore>(), new SharedPolls(), TimeProvider.System,
        Options.Create(new IdempotencyOptions { WaitLimit = waitLimit ?? TimeSpan.FromSeconds(30) }),
        NullLogger<IdempotencyMiddleware>.Instance);

    private RequestDelegate Answer(int status, string body) => async http =>
    {
        Interlocked.Increment(ref _runs);
        http.Response.StatusCode = status;
        await http.Response.WriteAsync(body);
    };

    /// <summary>A body as HttpClient sends it, with a fresh random boundary each time; its content type comes with it.</summary>
    private static async Task<(byte[] Body, string ContentType)> MultipartAsync(string file)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("judgment"), "kind" },
            { new ByteArrayContent(Encoding.ASCII.GetBytes(file)), "file", "judgment.pdf" },
        };
        return (await form.ReadAsByteArrayAsync(), form.Headers.ContentType!.ToString());
    }

    private Task<HttpContext> SendAsync(IdempotencyMiddleware middleware, string key, string body = "{}") =>
        SendAsync(middleware, key, (Encoding.UTF8.GetBytes(body), "application/json"));

    private async Task<HttpContext> SendAsync(IdempotencyMiddleware middleware, string key, (byte[] Body, string ContentType) request)
    {
        var http = new DefaultHttpContext { RequestServices = fixture.App.Services };
        http.Request.Method = "POST";
        http.Request.Path = "/api/v1/anything";
        http.Request.ContentType = request.ContentType;
        http.Request.Headers[Keyed.Header] = key;
        http.Request.Body = new MemoryStream(request.Body);
        http.Response.Body = new MemoryStream();
        await middleware.InvokeAsync(http);
        return http;
    }

    private static string Body(HttpContext http) => Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray());

    private async Task WaitForRowAsync(string key)
    {
        for (var i = 0; i < 200 && await Keyed.KeyRowsAsync(fixture.ConnectionString, key) == 0; i++)
            await Task.Delay(25);
    }
}
