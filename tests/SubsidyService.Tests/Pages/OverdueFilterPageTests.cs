using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Pages;

/// <summary>
/// The verifiers' "只看已超期" box: it narrows the list to claims past their review's due date, and the links the
/// list hands on (column sorting, the CSV export) keep it, as they keep the status and the search.
/// </summary>
public sealed class OverdueFilterPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Only_overdue_shows_the_overdue_claim_alone_and_sorting_and_export_keep_the_filter()
    {
        var applicant = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var lateFields = ClaimFormFields.Valid();
        var late = await PageFlows.SubmittedClaimAsync(applicant, lateFields);
        var onTimeFields = ClaimFormFields.Valid();
        var onTime = await PageFlows.SubmittedClaimAsync(applicant, onTimeFields);
        // As if the review had been due a month ago: the due date is what makes a claim overdue.
        await using (var conn = await TestPostgres.OpenAsync(fixture.ConnectionString))
            await conn.ExecuteAsync("UPDATE claims SET review_due_on = review_due_on - 60 WHERE id = @late", new { late });
        var verifier = await PageBrowser.SignInAsync(fixture.App, Roles.Verifier);

        var all = await verifier.HtmlAsync("/Verifier");
        all.Should().Contain($"/Verifier/Claims/{late}").And.Contain($"/Verifier/Claims/{onTime}");
        Checkbox(all).Should().NotContain("checked", "the box starts unticked");
        FilterForm(all).Should().Contain("name=\"status\"").And.Contain("name=\"q\"").And.Contain("name=\"overdue\"",
            "the box is sent with the other filters");

        var overdue = await verifier.HtmlAsync("/Verifier?status=submitted%2Cunder_review&overdue=true");
        overdue.Should().Contain($"/Verifier/Claims/{late}").And.NotContain($"/Verifier/Claims/{onTime}");
        Checkbox(overdue).Should().Contain("checked=\"checked\"", "the page says which filter it shows");
        overdue.Should().Contain("已超期的申请共 <strong>1</strong> 件");
        overdue.Should().MatchRegex("<a class=\"sort\" href=\"/Verifier\\?[^\"]*overdue=true[^\"]*sort=case\"", "sorting keeps the filter");

        var csvLink = WebUtility(Regex.Match(overdue, "href=\"([^\"]*handler=Csv[^\"]*)\"").Groups[1].Value);
        csvLink.Should().Contain("overdue=true");
        var csv = Encoding.UTF8.GetString(await verifier.Client.GetByteArrayAsync(csvLink));
        csv.Should().Contain(lateFields["caseNumber"]).And.NotContain(onTimeFields["caseNumber"]);

        var sorted = await verifier.HtmlAsync("/Verifier?overdue=true&sort=-case");
        sorted.Should().Contain($"/Verifier/Claims/{late}").And.NotContain($"/Verifier/Claims/{onTime}");
        FilterForm(sorted).Should().Contain("name=\"sort\" value=\"-case\"", "filtering again keeps the sort");

        var searched = await verifier.HtmlAsync($"/Verifier?q={Uri.EscapeDataString(lateFields["caseNumber"])}&overdue=true");
        searched.Should().Contain($"/Verifier/Claims/{late}");
        FilterForm(searched).Should().Contain(lateFields["caseNumber"]).And.Contain("checked=\"checked\"");
    }

    private static string FilterForm(string html) => Regex.Match(html, "<form method=\"get\" class=\"filters\">[\\s\\S]*?</form>").Value;

    private static string Checkbox(string html) => Regex.Match(html, "<input type=\"checkbox\" id=\"overdue\"[^>]*>").Value;

    private static string WebUtility(string href) => System.Net.WebUtility.HtmlDecode(href);
}
