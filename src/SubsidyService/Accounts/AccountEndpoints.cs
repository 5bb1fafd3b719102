using System.Globalization;
using System.Security.Claims;
using SubsidyService.Operations;
using SubsidyService.Kernel;

namespace SubsidyService.Accounts;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Accounts").AllowAnonymous();
        var signIn = auth.MapGroup("").RequireRateLimiting(AccountsExtensions.SignInRateLimit);

        signIn.MapPost("/register", async (HttpContext http, AccountService accounts) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<RegisterRequest>(http);
            if (problem is not null) return problem;
            if (body!.PrivacyNoticeAccepted == false)
                return Refusal.Validation("privacyNoticeAccepted", "须同意《个人信息处理告知》才能注册。");
            var result = await accounts.CreateAsync(body.Username, body.Password, body.Email, body.DisplayName, Roles.Applicant,
                privacyNoticeVersion: body.PrivacyNoticeAccepted == true ? PrivacyNotice.Version : null);
            if (!result.Succeeded) return result.Refusal!;
            var u = result.Value!;
            return Results.Created($"/api/v1/users/{u.Id}", new RegisteredUser(u.Id, u.Username, u.Email, u.DisplayName, u.Role));
        })
        .Accepts<RegisterRequest>("application/json")
        .RequireRateLimiting(AccountsExtensions.RegistrationRateLimit)
        .Produces<RegisteredUser>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .WithSummary("Register an applicant account");

        signIn.MapPost("/login", async (HttpContext http, AccountService accounts, TokenIssuer tokens) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<LoginRequest>(http);
            if (problem is not null) return problem;
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(body!.Username)) errors["username"] = ["请填写用户名。"];
            if (string.IsNullOrEmpty(body.Password)) errors["password"] = ["请填写密码。"];
            if (errors.Count > 0) return Refusal.Validation(errors);

            var result = await accounts.LoginAsync(body.Username!, body.Password!, ClientAddress.Of(http));
            if (result.Outcome == LoginOutcome.Throttled) http.Response.Headers.RetryAfter = RetrySeconds(result.RetryAfter!.Value).ToString(CultureInfo.InvariantCulture);
            return result.Outcome switch
            {
                LoginOutcome.Success => Results.Ok(await tokens.IssueAsync(result.User!)),
                LoginOutcome.Throttled => new Refusal(StatusCodes.Status429TooManyRequests, "login_throttled", "登录尝试过于频繁", ThrottledMessage(result.RetryAfter!.Value)),
                LoginOutcome.Disabled => Refusal.Unauthorized("account_disabled", DisabledMessage),
                _ => Refusal.Unauthorized("invalid_credentials", InvalidMessage),
            };
        })
        .Accepts<LoginRequest>("application/json")
        .Produces<LoginResponse>()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesValidationProblem()
        .WithSummary("Log in and get a bearer token");

        app.MapMeEndpoint();
        app.MapSessionEndpoints();
        app.MapAccountDeletionEndpoint();
    }

    public static void MapMeEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/auth/me", (ClaimsPrincipal user) => Results.Ok(new Me(
                Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!),
                user.Identity!.Name!,
                user.FindFirstValue(ClaimTypes.GivenName) ?? "",
                user.FindFirstValue(ClaimTypes.Role) ?? "")))
            .RequireAuthorization()
            .WithTags("Accounts")
            .Produces<Me>()
            .WithSummary("Who the bearer of this token is");

    public const string DisabledMessage = "该账户已停用，请联系系统管理员。";

    public const string InvalidMessage = "用户名或密码不正确。";

    private static int RetrySeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public static string ThrottledMessage(TimeSpan wait) =>
        $"该账户或本机的登录失败次数较多，为防止密码被猜测，请在 {RetrySeconds(wait)} 秒后再试。";
}
