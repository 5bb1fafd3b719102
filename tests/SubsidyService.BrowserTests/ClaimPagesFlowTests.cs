using FluentAssertions;
using Microsoft.Playwright;

namespace SubsidyService.BrowserTests;

/// <summary>A claim taken from draft to verified (and another to rejected) through the pages alone, as the demo accounts.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ClaimPagesFlowTests(BrowserFixture fixture)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();

    /// <summary>A patent of the claim's own (check character per POLICY.md), so that two claims are never one dispute.</summary>
    internal static string PatentFor(int caseNo)
    {
        var digits = $"2020{caseNo % 100_000_000:00000000}";
        var sum = digits.Select((c, i) => (c - '0') * (2 + i % 8)).Sum() % 11;
        return $"ZL{digits}.{(sum == 10 ? 'X' : (char)('0' + sum))}";
    }

    private static async Task<string> CreateAndSubmitAsync(IPage page, int caseNo, string invoice)
    {
        await page.GotoAsync("/Applicant/Claims/New");
        await page.SelectOptionAsync("#applicantType", "natural_person");
        await page.FillAsync("#name", "张明");
        await page.FillAsync("#idNumber", "33010219800101123X");
        await page.SelectOptionAsync("#domicileInCounty", "true");
        await page.FillAsync("#caseNumber", $"（2024）浙02民初{caseNo}号");
        await page.FillAsync("#court", "宁波市中级人民法院");
        await page.SelectOptionAsync("#caseType", "patent_infringement");
        await page.SelectOptionAsync("#outcome", "won");
        await page.CheckAsync("input[name='partyRole'][value='plaintiff']");
        await page.FillAsync("#judgmentEffectiveDate", "2024-05-20");
        await page.FillAsync("#agencyFee", "8000.00");
        await page.FillAsync("input[name='invoices[0].number']", invoice);
        await page.FillAsync("input[name='invoices[0].amount']", "8000.00");
        await page.FillAsync("#bankName", "中国工商银行某县支行");
        await page.FillAsync("#patentNumbers-0", PatentFor(caseNo));
        await page.FillAsync("#opposingParties-0", "某某电器有限公司");
        await page.FillAsync("#accountNumber", "6222021234567890");
        await Assertions.Expect(page.Locator("#estimate-panel")).ToContainTextAsync("4,000.00", new() { Timeout = 10_000 });
        await SubmitAsync(page, "保存草稿");
        // The upload form is on the saved claim's page only.
        await Assertions.Expect(page.Locator("#kind")).ToBeVisibleAsync();
        var claimUrl = page.Url;

        // Every kind of material the policy requires before verification, each ticked on the checklist as it arrives.
        foreach (var kind in new[] { "judgment", "agency_contract", "invoice", "payment_proof", "id_proof" })
        {
            await page.SelectOptionAsync("#kind", kind);
            await page.SetInputFilesAsync("#file", new FilePayload { Name = $"{kind}.pdf", MimeType = "application/pdf", Buffer = Pdf });
            await SubmitAsync(page, "上传");
            await Assertions.Expect(page.Locator($"#materials li.present[data-kind='{kind}']")).ToBeVisibleAsync();
        }
        await Assertions.Expect(page.Locator("#materials-warning")).ToHaveCountAsync(0);

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.CheckAsync("input[name=undertakingAccepted]");
        await NavigateAsync(page, "form:has(input[name=trigger][value=submit]) button");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("已提交");
        return claimUrl[claimUrl.LastIndexOf('/')..];
    }

    // Each click posts a form and the claim page loads again. Every next step first waits (with the
    // assertions' retries) for something only the new page shows, never for timing.
    private static Task SubmitAsync(IPage page, string button) => page.ClickAsync($"button:has-text('{button}')");

    private static Task NavigateAsync(IPage page, string selector) => page.ClickAsync(selector);


    [Fact]
    public async Task An_applicant_and_a_verifier_take_a_claim_to_verified_through_the_pages()
    {
        var applicant = await fixture.SignedInAsync("applicant.demo");
        var id = await CreateAndSubmitAsync(applicant, 7001, "20240520001");
        await applicant.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("applicant-submitted"), FullPage = true });

        var verifier = await fixture.SignedInAsync("verifier.demo");
        await verifier.GotoAsync("/Verifier");
        await Assertions.Expect(verifier.Locator($"a[href='/Verifier/Claims{id}']").First).ToBeVisibleAsync();
        await NavigateAsync(verifier, $"a[href='/Verifier/Claims{id}'] >> nth=0");
        await Assertions.Expect(verifier.Locator("button:has-text('开始审核')")).ToBeVisibleAsync();
        // Each action posts the form and loads the claim page again: wait for that load before the next step.
        await SubmitAsync(verifier, "开始审核");
        await Assertions.Expect(verifier.Locator("#feeBase")).ToBeVisibleAsync();

        await verifier.FillAsync("#feeBase", "6000.00");
        await SubmitAsync(verifier, "重新计算");
        try
        {
            await Assertions.Expect(verifier.Locator("body")).ToContainTextAsync("3,000.00");
        }
        catch (PlaywrightException)
        {
            await verifier.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("failure-preview"), FullPage = true });
            throw;
        }
        await SubmitAsync(verifier, "确认核实");
        await Assertions.Expect(verifier.Locator("body")).ToContainTextAsync("已核实");
        await verifier.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("verifier-verified"), FullPage = true });

        await applicant.GotoAsync($"/Applicant/Claims{id}");
        await Assertions.Expect(applicant.Locator("body")).ToContainTextAsync("已核实");
        (await applicant.Locator("body").InnerTextAsync()).Should().Contain("3,000.00");
    }

    [Fact]
    public async Task A_verifier_rejects_a_claim_with_a_reason_code_through_the_pages()
    {
        var applicant = await fixture.SignedInAsync("applicant.demo");
        var id = await CreateAndSubmitAsync(applicant, 7002, "20240520002");

        var verifier = await fixture.SignedInAsync("verifier.demo");
        verifier.Dialog += (_, dialog) => dialog.AcceptAsync();
        await verifier.GotoAsync($"/Verifier/Claims{id}");
        await verifier.SelectOptionAsync("#reasonCode", "evidence_insufficient");
        await verifier.FillAsync("#rejectReason", "判决书与案号不符");
        await SubmitAsync(verifier, "驳回申请");
        await Assertions.Expect(verifier.Locator("body")).ToContainTextAsync("已驳回");
        await Assertions.Expect(verifier.Locator("body")).ToContainTextAsync("判决书与案号不符");
    }
}
