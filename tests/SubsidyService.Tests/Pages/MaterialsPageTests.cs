using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Pages;

/// <summary>一次告知 on the pages: the applicant's checklist and warning, the verifier's supplement form ticking what is missing.</summary>
public sealed partial class MaterialsPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_applicant_sees_the_required_kinds_ticked_as_files_arrive_and_a_warning_before_submitting()
    {
        var applicant = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var id = await PageFlows.CreateClaimAsync(applicant);
        var empty = await applicant.HtmlAsync($"/Applicant/Claims/{id}");
        Missing(empty).Should().Equal("judgment", "agency_contract", "invoice", "payment_proof", "id_proof");
        empty.Should().Contain("id=\"materials-warning\"").And.Contain("必需材料（0/5）");

        var one = await PageFlows.UploadPdfAsync(applicant, id);
        Present(one).Should().Equal("judgment");
        Missing(one).Should().Equal("agency_contract", "invoice", "payment_proof", "id_proof");
        one.Should().Contain("必需材料（1/5）").And.Contain("data-confirm=\"尚未上传：代理合同、代理费发票、代理费支付凭证、身份证明");

        var all = await PageFlows.UploadRequiredAsync(applicant, id);
        Missing(all).Should().BeEmpty();
        all.Should().Contain("必需材料（5/5）").And.NotContain("id=\"materials-warning\"");
    }

    [Fact]
    public async Task The_verifier_cannot_verify_and_the_supplement_form_ticks_every_missing_kind()
    {
        var applicant = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var id = await PageFlows.CreateClaimAsync(applicant);
        var html = await PageFlows.UploadPdfAsync(applicant, id);
        html = await PageFlows.UploadPdfAsync(applicant, id, "发票.pdf", "invoice");
        (await PageFlows.FireAsync(applicant, $"/Applicant/Claims/{id}", "submit", PageBrowser.VersionOn(html)))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var verifier = await PageBrowser.SignInAsync(fixture.App, Roles.Verifier);
        var page = $"/Verifier/Claims/{id}";
        var drawn = await verifier.HtmlAsync(page);
        var reviewing = await verifier.FollowAsync(await verifier.PostAsync(page, $"{page}?handler=Fire",
            new() { ["trigger"] = "start_review", ["Input.Version"] = PageBrowser.VersionOn(drawn).ToString() }));

        reviewing.Should().Contain("id=\"verify-blocked\"").And.NotContain("确认核实");
        Ticked(reviewing).Should().BeEquivalentTo("缺少维权代理合同", "缺少代理费支付凭证（银行转账记录等）", "缺少申请人身份证明或营业执照");

        var sent = await verifier.FollowAsync(await verifier.PostAsync(page, $"{page}?handler=Supplement", new()
        {
            ["Input.Version"] = PageBrowser.VersionOn(reviewing).ToString(),
            ["Input.Defects"] = "缺少维权代理合同",
            ["Input.Reason"] = "请一次补齐所缺材料",
        }));
        sent.Should().Contain("st-supplement_requested");
    }

    private static List<string> Present(string html) => Kinds(html, "present");

    private static List<string> Missing(string html) => Kinds(html, "missing");

    private static List<string> Kinds(string html, string state) =>
        ChecklistItem().Matches(html).Where(m => m.Groups[1].Value == state).Select(m => m.Groups[2].Value).ToList();

    private static List<string> Ticked(string html) =>
        TickedDefect().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [GeneratedRegex("<li class=\"(present|missing)\" data-kind=\"([a-z_]+)\">")]
    private static partial Regex ChecklistItem();

    [GeneratedRegex("name=\"Input.Defects\" value=\"([^\"]+)\" checked=\"checked\"")]
    private static partial Regex TickedDefect();
}
