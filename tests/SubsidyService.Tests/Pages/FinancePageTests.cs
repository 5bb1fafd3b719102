using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Pages;

public sealed class FinancePageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Bulk_approval_approves_each_claim_on_its_own_and_reports_the_one_the_budget_cannot_cover()
    {
        var flows = await ApprovalFlows.StartAsync(fixture.App);
        var first = await flows.VerifiedClaimAsync();
        var second = await flows.VerifiedClaimAsync();
        await flows.SetBudgetLeavingAsync(5000m); // room for one claim of 4,000.00, not two
        var finance = await PageBrowser.SignInAsync(fixture.App, Roles.Finance);

        var queue = await finance.HtmlAsync("/Finance");
        queue.Should().Contain($"/Finance/Claims/{first}").And.Contain($"/Finance/Claims/{second}");
        // The running remaining: 5,000 − 4,000 after the first, short after the second (other claims may be queued before them).
        queue.Should().Contain("依次批准后预算剩余");
        var picks = new[] { first, second }.Select(id => KeyValuePair.Create("Selected", Pick(queue, id))).ToList();

        // The first post approves nothing: it shows the count, the total and the budget after them.
        var preview = await finance.PostAsync("/Finance", "/Finance?handler=Approve", picks);
        preview.StatusCode.Should().Be(HttpStatusCode.OK);
        var confirm = await PageBrowser.HtmlOf(preview);
        confirm.Should().Contain("id=\"approve-confirm\"").And.Contain("<strong id=\"confirm-count\">2</strong>")
            .And.Contain("<strong id=\"confirm-total\">8,000.00 元</strong>").And.Contain("批准后剩余").And.Contain("（不足");
        (await ClaimApi.GetAsync(flows.Finance, first)).Status().Should().Be("verified", "the confirmation page approves nothing");
        (await ClaimApi.GetAsync(flows.Finance, second)).Status().Should().Be("verified");

        var post = await finance.PostAsync("/Finance", "/Finance?handler=ApproveConfirmed", ConfirmFields(confirm));

        post.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await PageBrowser.HtmlOf(post);
        html.Should().Contain("已批准 1 件，未批准 1 件");
        ResultRow(html, first).Should().Contain("✔ 已批准").And.MatchRegex("补助核准通知书 <strong>[^<]+〔\\d{4}〕第\\d{4}号</strong>");
        ResultRow(html, second).Should().Contain("✘ 未批准").And.Contain("insufficient_budget").And.Contain("不足以批准本申请的 4000.00 元");

        (await ClaimApi.GetAsync(flows.Finance, first)).Status().Should().Be("in_public_notice");
        (await ClaimApi.GetAsync(flows.Finance, second)).Status().Should().Be("verified", "a refused claim stays in the queue");
        var after = await finance.HtmlAsync("/Finance");
        after.Should().NotContain($"value=\"{first}:").And.Contain($"value=\"{second}:");
        after.Should().MatchRegex("<span class=\"count\">[1-9]\\d*</span>\\s*<span>公示中</span>");
    }

    [Fact]
    public async Task A_stale_queue_and_an_empty_selection_are_refused_without_approving()
    {
        var flows = await ApprovalFlows.StartAsync(fixture.App);
        var id = await flows.VerifiedClaimAsync();
        await flows.SetBudgetLeavingAsync(100_000m);
        var finance = await PageBrowser.SignInAsync(fixture.App, Roles.Finance);
        var queue = await finance.HtmlAsync("/Finance");

        var none = await finance.PostAsync("/Finance", "/Finance?handler=Approve", new Dictionary<string, string>());
        (await PageBrowser.HtmlOf(none)).Should().Contain("data-field=\"selected\"").And.Contain("请先勾选要批准的申请");

        // Someone returns the claim for review and it is verified again: the version on the page is stale.
        var claim = await ClaimApi.MustFireAsync(flows.Finance, await ClaimApi.GetAsync(flows.Finance, id), "return_for_review", reason: "请复核发票");
        await ClaimApi.MustFireAsync(flows.Verifier, claim, "verify", data: new { majorImpact = false });

        var stale = await finance.PostAsync("/Finance", "/Finance?handler=Approve", [KeyValuePair.Create("Selected", Pick(queue, id))]);
        var html = await PageBrowser.HtmlOf(stale);
        html.Should().Contain("id=\"approve-confirm\"").And.Contain("已被他人更新，将不予批准").And.Contain("<strong id=\"confirm-count\">0</strong>")
            .And.NotContain("确认批准 ", "nothing is left to confirm");
        // Confirming anyway (the old page's fields) still approves nothing: each claim keeps its own version check.
        var forced = await PageBrowser.HtmlOf(await finance.PostAsync("/Finance", "/Finance?handler=ApproveConfirmed", ConfirmFields(html)));
        ResultRow(forced, id).Should().Contain("✘ 未批准").And.Contain("version_conflict").And.Contain("该申请已被他人更新");
        (await ClaimApi.GetAsync(flows.Finance, id)).Status().Should().Be("verified");
    }

    [Fact]
    public async Task A_bulk_approval_confirmed_after_its_claims_changed_approves_none_and_shows_them_again()
    {
        var flows = await ApprovalFlows.StartAsync(fixture.App);
        var kept = await flows.VerifiedClaimAsync();
        var changed = await flows.VerifiedClaimAsync();
        await flows.SetBudgetLeavingAsync(100_000m);
        var finance = await PageBrowser.SignInAsync(fixture.App, Roles.Finance);
        var queue = await finance.HtmlAsync("/Finance");
        var confirm = await PageBrowser.HtmlOf(await finance.PostAsync("/Finance", "/Finance?handler=Approve",
            new[] { kept, changed }.Select(id => KeyValuePair.Create("Selected", Pick(queue, id))).ToList()));
        confirm.Should().Contain("<strong id=\"confirm-count\">2</strong>");

        // Between the confirmation page and the click, another clerk returns one claim and it is verified again.
        var claim = await ClaimApi.MustFireAsync(flows.Finance, await ClaimApi.GetAsync(flows.Finance, changed), "return_for_review", reason: "请复核发票");
        await ClaimApi.MustFireAsync(flows.Verifier, claim, "verify", data: new { majorImpact = false });

        var refused = await finance.PostAsync("/Finance", "/Finance?handler=ApproveConfirmed", ConfirmFields(confirm));
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await PageBrowser.HtmlOf(refused);
        html.Should().Contain("未批准任何申请").And.Contain("id=\"approve-confirm\"").And.Contain("已被他人更新，将不予批准")
            .And.Contain("<strong id=\"confirm-count\">1</strong>", "the page is drawn again as the claims are now");
        (await ClaimApi.GetAsync(flows.Finance, kept)).Status().Should().Be("verified", "a changed set approves none, not the rest");
        (await ClaimApi.GetAsync(flows.Finance, changed)).Status().Should().Be("verified");

        // A forged or missing fingerprint is refused the same way.
        var forged = ConfirmFields(confirm).Where(f => f.Key != "Fingerprint").Append(KeyValuePair.Create("Fingerprint", new string('0', 64))).ToList();
        (await PageBrowser.HtmlOf(await finance.PostAsync("/Finance", "/Finance?handler=ApproveConfirmed", forged))).Should().Contain("未批准任何申请");
        (await ClaimApi.GetAsync(flows.Finance, kept)).Status().Should().Be("verified");
    }

    /// <summary>The hidden fields of the confirmation page's form: the picks and the fingerprint of what it showed.</summary>
    private static List<KeyValuePair<string, string>> ConfirmFields(string confirmPage)
    {
        var form = Regex.Match(confirmPage, "<form[^>]*handler=ApproveConfirmed[^>]*>[\\s\\S]*?</form>").Value;
        form.Should().NotBeEmpty("the confirmation page has the confirm form");
        return Regex.Matches(form, "<input type=\"hidden\" name=\"(Selected|Fingerprint)\" value=\"([^\"]*)\"")
            .Select(m => KeyValuePair.Create(m.Groups[1].Value, m.Groups[2].Value)).ToList();
    }

    [Fact]
    public async Task The_budget_page_shows_the_figures_and_the_claims_behind_them_after_an_approval()
    {
        var flows = await ApprovalFlows.StartAsync(fixture.App);
        await flows.SetBudgetLeavingAsync(50_000m);
        var approved = await flows.ApprovedClaimAsync();
        var finance = await PageBrowser.SignInAsync(fixture.App, Roles.Finance);

        var budget = await fixture.App.Service<SubsidyService.Budgets.BudgetStore>().FindAsync(flows.Year);
        var html = await finance.HtmlAsync("/Finance/Budget");
        html.Should().Contain($"{flows.Year} 年度补助预算");
        html.Should().Contain($"<dt>已占用（已批准未拨付）</dt><dd>{Money(budget!.Reserved)}</dd>");
        html.Should().Contain($"<dt>剩余可批</dt><dd>{Money(budget.Remaining)}</dd>");
        html.Should().Contain("<svg class=\"budget-bar\"").And.Contain("class=\"seg-reserved\"");
        var reserved = Regex.Match(html, "id=\"entries-reserved\"[\\s\\S]*?</table>").Value;
        reserved.Should().Contain($"/Finance/Claims/{approved.Id()}").And.Contain("4,000.00 元");

        // Setting the amount below what is reserved is refused under the field, and nothing changes.
        var tooLow = await finance.PostAsync("/Finance/Budget", "/Finance/Budget", new() { ["year"] = flows.Year.ToString(), ["Amount"] = "1.00" });
        tooLow.StatusCode.Should().Be(HttpStatusCode.OK);
        (await PageBrowser.HtmlOf(tooLow)).Should().MatchRegex("<div class=\"field-error\" data-field=\"amount\" id=\"err-amount\">预算不能低于已占用的金额");
        var bad = await finance.PostAsync("/Finance/Budget", "/Finance/Budget", new() { ["year"] = flows.Year.ToString(), ["Amount"] = "很多" });
        (await PageBrowser.HtmlOf(bad)).Should().Contain("data-field=\"amount\"").And.Contain("value=\"很多\"");

        var raised = budget.Amount + 1000m;
        var set = await finance.PostAsync("/Finance/Budget", "/Finance/Budget",
            new() { ["year"] = flows.Year.ToString(), ["Amount"] = raised.ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture) });
        (await finance.FollowAsync(set)).Should().Contain($"已将 {flows.Year} 年度补助预算设为 {Money(raised)}").And.Contain($"<dt>预算总额</dt><dd>{Money(raised)}</dd>");

        (await finance.HtmlAsync($"/Finance/Budget?year={flows.Year + 5}")).Should().Contain($"尚未设置 {flows.Year + 5} 年度补助预算");
        (await finance.HtmlAsync("/Finance/Budget?year=1900")).Should().Contain("data-field=\"year\"");
    }

    [Fact]
    public async Task A_claim_is_approved_from_its_page_its_letter_downloaded_and_an_objection_needs_a_reason()
    {
        var flows = await ApprovalFlows.StartAsync(fixture.App);
        await flows.SetBudgetLeavingAsync(50_000m);
        var id = await flows.VerifiedClaimAsync();
        var finance = await PageBrowser.SignInAsync(fixture.App, Roles.Finance);
        var page = $"/Finance/Claims/{id}";

        var html = await finance.HtmlAsync(page);
        html.Should().Contain("批准并签发通知书").And.Contain("退回审核人").And.Contain("驳回申请");
        html.Should().Contain("年度预算剩余").And.MatchRegex("公示期</dt>\\s*<dd>\\d+ 个工作日，至 \\d{4}年\\d{1,2}月\\d{1,2}日");

        var noReason = await Act(finance, page, "Return", html, []);
        (await PageBrowser.HtmlOf(noReason)).Should().MatchRegex("id=\"returnReason\"[\\s\\S]*?data-field=\"reason\"");

        var approved = await finance.FollowAsync(await Act(finance, page, "Approve", html, []));
        approved.Should().Contain("st-in_public_notice").And.MatchRegex("已批准，补助核准通知书编号 [^；]+；公示期至 \\d{4}年\\d{1,2}月\\d{1,2}日");
        var number = Regex.Match(approved, "class=\"letter-number\">([^<]+)<").Groups[1].Value;
        number.Should().NotBeEmpty();
        approved.Should().Contain("公示异议").And.NotContain("批准并签发通知书");

        var letter = await finance.Client.GetAsync($"{page}/Letter");
        letter.StatusCode.Should().Be(HttpStatusCode.OK);
        letter.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        (await letter.Content.ReadAsByteArrayAsync()).Take(5).Should().Equal("%PDF-"u8.ToArray());

        var objection = await Act(finance, page, "Object", approved, []);
        (await PageBrowser.HtmlOf(objection)).Should().MatchRegex("id=\"objectReason\"[\\s\\S]*?data-field=\"reason\"");
        var objected = await finance.FollowAsync(await Act(finance, page, "Object", approved, new() { ["Input.Reason"] = "收到书面异议：发票存疑" }));
        objected.Should().Contain("st-under_review").And.Contain("已撤销").And.Contain(number);
    }

    [Fact]
    public async Task A_verifier_may_object_during_the_notice_from_the_review_page()
    {
        var flows = await ApprovalFlows.StartAsync(fixture.App);
        await flows.SetBudgetLeavingAsync(50_000m);
        var approved = await flows.ApprovedClaimAsync();
        var verifier = await PageBrowser.SignInAsync(fixture.App, Roles.Verifier);
        var page = $"/Verifier/Claims/{approved.Id()}";

        var html = await verifier.HtmlAsync(page);
        html.Should().Contain("登记异议并退回审核").And.Contain(approved.GetProperty("letter").GetProperty("number").GetString()!);
        var objected = await verifier.FollowAsync(await Act(verifier, page, "Object", html, new() { ["Input.Reason"] = "公示期内有人举报重复申请" }));
        objected.Should().Contain("st-under_review").And.Contain("公示期内有人举报重复申请");
        var after = await ClaimApi.GetAsync(flows.Finance, approved.Id());
        after.Status().Should().Be("under_review");
        (after.TryGetProperty("letter", out var letter) ? letter.ValueKind : System.Text.Json.JsonValueKind.Null)
            .Should().Be(System.Text.Json.JsonValueKind.Null, "the objection revokes the letter");
    }

    [Fact]
    public async Task The_status_lists_show_claims_in_notice_with_their_letter()
    {
        var flows = await ApprovalFlows.StartAsync(fixture.App);
        await flows.SetBudgetLeavingAsync(50_000m);
        var approved = await flows.ApprovedClaimAsync();
        var finance = await PageBrowser.SignInAsync(fixture.App, Roles.Finance);

        var list = await finance.HtmlAsync("/Finance/Claims?status=in_public_notice");
        list.Should().Contain($"/Finance/Claims/{approved.Id()}").And.Contain(approved.GetProperty("letter").GetProperty("number").GetString()!);
        (await finance.HtmlAsync("/Finance/Claims?status=paid")).Should().NotContain($"/Finance/Claims/{approved.Id()}");
        (await finance.HtmlAsync("/Finance/Claims?status=nonsense")).Should().Contain("data-field=\"status\"");
    }

    private static string Pick(string queue, Guid id)
    {
        var match = Regex.Match(queue, $"name=\"Selected\" value=\"({id}:\\d+)\"");
        match.Success.Should().BeTrue($"claim {id} should be in the queue with a checkbox");
        return match.Groups[1].Value;
    }

    private static string ResultRow(string html, Guid id) => Regex.Match(html, $"<tr class=\"[a-z]+\" data-claim=\"{id}\">[\\s\\S]*?</tr>").Value;

    private static string Money(decimal amount) => amount.ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture) + " 元";

    private static Task<HttpResponseMessage> Act(PageBrowser who, string page, string handler, string drawnFrom, Dictionary<string, string> fields)
    {
        fields["Input.Version"] = PageBrowser.VersionOn(drawnFrom).ToString();
        return who.PostAsync(page, $"{page}?handler={handler}", fields);
    }
}
