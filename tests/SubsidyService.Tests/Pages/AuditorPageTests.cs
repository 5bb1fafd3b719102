using System.IO.Compression;
using System.Net;
using System.Text;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Pages;

public sealed class AuditorPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_auditor_finds_a_claim_by_status_and_applicant_and_reads_its_whole_history()
    {
        var flows = await ApprovalFlows.StartAsync(fixture.App);
        await flows.SetBudgetLeavingAsync(50_000m);
        var name = "审计样本" + Guid.NewGuid().ToString("N")[..6];
        var approved = await flows.ApprovedClaimAsync(ApprovalFlows.Named(name));
        var other = await flows.VerifiedClaimAsync(ApprovalFlows.Named(name + "乙"));
        var auditor = await PageBrowser.SignInAsync(fixture.App, Roles.Auditor);

        var found = await auditor.HtmlAsync($"/Auditor?status=in_public_notice&applicant={Uri.EscapeDataString(name)}");
        found.Should().Contain($"/Auditor/Claims/{approved.Id()}").And.NotContain($"/Auditor/Claims/{other}");
        found.Should().Contain("符合条件的申请共 <strong>1</strong> 件");
        var both = await auditor.HtmlAsync($"/Auditor?applicant={Uri.EscapeDataString(name)}");
        both.Should().Contain($"/Auditor/Claims/{approved.Id()}").And.Contain($"/Auditor/Claims/{other}");
        (await auditor.HtmlAsync($"/Auditor?status=paid&applicant={Uri.EscapeDataString(name)}")).Should().Contain("没有符合条件的申请");
        (await auditor.HtmlAsync($"/Auditor?applicant={Uri.EscapeDataString(name)}&min=4000&max=4000&tier=natural_person"))
            .Should().Contain($"/Auditor/Claims/{approved.Id()}");
        (await auditor.HtmlAsync($"/Auditor?applicant={Uri.EscapeDataString(name)}&tier=legal_person")).Should().NotContain($"/Auditor/Claims/{approved.Id()}");
        (await auditor.HtmlAsync("/Auditor?applicant=%25")).Should().Contain("没有符合条件的申请", "a % typed is a character, not a wildcard");

        var bad = await auditor.HtmlAsync("/Auditor?from=2026-13-01&min=abc&tier=gold");
        bad.Should().Contain("data-field=\"from\"").And.Contain("data-field=\"min\"").And.Contain("data-field=\"tier\"");

        var details = await auditor.HtmlAsync($"/Auditor/Claims/{approved.Id()}");
        details.Should().Contain("st-in_public_notice").And.NotContain("?handler=", "the auditor's page has no action")
            .And.NotContain("name=\"Input.Version\"");
        details.Should().Contain("<dt>approval.letter.number</dt>").And.Contain("<dt>approval.reserved</dt><dd>4000.00</dd>");
        details.Should().Contain("创建草稿").And.Contain("开始审核").And.Contain("核实").And.Contain("批准");
        details.Should().Contain($"/Auditor/Claims/{approved.Id()}/Letter");
        details.Should().NotContain(EstimateIdOf(approved), "the ID number is masked for auditors");

        var letter = await auditor.Client.GetAsync($"/Auditor/Claims/{approved.Id()}/Letter");
        letter.StatusCode.Should().Be(HttpStatusCode.OK);
        letter.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
    }

    [Fact]
    public async Task The_exports_download_under_the_page_cookie_and_a_bad_date_is_named()
    {
        var flows = await ApprovalFlows.StartAsync(fixture.App);
        await flows.SetBudgetLeavingAsync(50_000m);
        var approved = await flows.ApprovedClaimAsync();
        var number = approved.GetProperty("letter").GetProperty("number").GetString()!;
        var auditor = await PageBrowser.SignInAsync(fixture.App, Roles.Auditor);

        var zip = await auditor.Client.GetAsync("/Auditor?handler=Letters");
        zip.StatusCode.Should().Be(HttpStatusCode.OK);
        zip.Content.Headers.ContentType!.MediaType.Should().Be("application/zip");
        using (var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync()))
        {
            archive.Entries.Select(e => e.FullName).Should().Contain("register.csv").And.Contain(n => n.StartsWith("letters/") && n.Contains(number));
        }

        var csv = await auditor.Client.GetAsync("/Auditor?handler=Events");
        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        text.Should().Contain(approved.Id().ToString()).And.Contain(",approve,");
        text.Should().Contain(",export_events,", "the export is recorded before its rows are read, so it lists itself");

        var bad = await auditor.Client.GetAsync("/Auditor?handler=Letters&letterFrom=2026-01-31&letterTo=2026-01-01");
        bad.StatusCode.Should().Be(HttpStatusCode.OK);
        (await PageBrowser.HtmlOf(bad)).Should().Contain("<div class=\"field-error\" data-field=\"letterTo\" id=\"err-letterTo\">截止日期不能早于起始日期。</div>");
        var badEvents = await auditor.Client.GetAsync("/Auditor?handler=Events&eventFrom=yesterday");
        (await PageBrowser.HtmlOf(badEvents)).Should().Contain("data-field=\"eventFrom\"");
    }

    private static string EstimateIdOf(System.Text.Json.JsonElement claim) => Policy.EstimateFacts.PersonId();
}
