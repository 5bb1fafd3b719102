using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SubsidyService.BrowserTests;

/// <summary>
/// One claim from an applicant's registration to its payment and audit, through the pages alone, as each person
/// meets them in their own browser: the applicant, the verifier, finance, the public, the admin and the auditor.
/// Every page on the way is checked by <see cref="PageChecks"/>, and each step's screenshot is kept
/// (<see cref="JourneyRecord.Folder"/>).
/// </summary>
[Collection(JourneyCollection.Name)]
public sealed partial class JourneyTests(JourneyFixture fixture, ITestOutputHelper output)
{
    private const string Password = "Journey#2026";
    private const string CaseNumber = "（2024）浙02民初8801号";
    private const string Amount = "4,000.00";

    [Fact]
    public async Task A_claim_goes_from_registration_to_payment_and_audit_through_the_pages_alone()
    {
        var run = new JourneyRecord(output);
        var username = "zhangming" + Guid.NewGuid().ToString("N")[..6];
        var email = username + "@example.test";

        // ── An applicant, first as a visitor ──
        var (applicant, ac) = await OpenAsync();
        await run.StepAsync("home", applicant, ac, () => applicant.GotoAsync("/"));
        await run.StepAsync("estimate", applicant, ac, async () =>
        {
            await applicant.GotoAsync("/Estimate");
            await FillFactsAsync(applicant);
            await Assertions.Expect(applicant.Locator("#estimate-result")).ToContainTextAsync("人民币肆仟元整");
        });
        await run.StepAsync("register", applicant, ac, async () =>
        {
            await applicant.GotoAsync("/Account/Register");
            await applicant.FillAsync("#Username", username);
            await applicant.FillAsync("#DisplayName", "张明");
            await applicant.FillAsync("#Email", email);
            await applicant.FillAsync("#Password", Password);
            await Assertions.Expect(applicant.Locator(".privacy-notice")).ToContainTextAsync("个人信息处理告知");
            await applicant.CheckAsync("#PrivacyConsent");
            await applicant.ClickAsync("button:has-text('注册')");
            await Assertions.Expect(applicant.Locator("h1")).ToHaveTextAsync("我的申请");
        });

        // The claim form, with the keyboard alone. While a field is half typed the live estimate answers 400 naming
        // it, and the form shows that beside the field: that is how the form checks as one types.
        ac.Allow(400, "/api/v1/estimate");
        await run.StepAsync("claim-form-keyboard-only", applicant, ac, async () =>
        {
            await applicant.GotoAsync("/Applicant/Claims/New");
            await FillClaimFormByKeyboardAsync(applicant);
            await Assertions.Expect(applicant.Locator("#kind")).ToBeVisibleAsync();
        });
        var claimPath = new Uri(applicant.Url).AbsolutePath;
        var id = claimPath[(claimPath.LastIndexOf('/') + 1)..];
        await run.StepAsync("upload-judgment", applicant, ac, () => UploadAsync(applicant, "judgment", "判决书.pdf"));
        await run.StepAsync("materials-checklist", applicant, ac, async () =>
        {
            // The checklist ticks what has arrived and the submit form warns of the rest (一次告知 starts here).
            await Assertions.Expect(applicant.Locator("#materials li.present[data-kind='judgment']")).ToBeVisibleAsync();
            await Assertions.Expect(applicant.Locator("#materials li.missing")).ToHaveCountAsync(4);
            await Assertions.Expect(applicant.Locator("#materials-warning")).ToContainTextAsync("代理费支付凭证");
        });
        await run.StepAsync("submit", applicant, ac, async () =>
        {
            // The undertaking is read and accepted with every submission: the button alone is not enough.
            await Assertions.Expect(applicant.Locator("#undertaking")).ToContainTextAsync("申请人承诺书");
            await applicant.CheckAsync("input[name=undertakingAccepted]");
            await applicant.ClickAsync("form:has(input[name=trigger][value=submit]) button");
            await Assertions.Expect(applicant.Locator("h1 .badge")).ToHaveTextAsync("已提交");
        });
        await run.StepAsync("forged-post-refused", applicant, ac, async () =>
        {
            // The applicant's own cookie, but no antiforgery token: what another site's hidden form would send.
            var version = await applicant.InputValueAsync("form:has(input[name=trigger][value=withdraw]) input[name=version]");
            var form = applicant.Context.APIRequest.CreateFormData();
            form.Set("trigger", "withdraw");
            form.Set("version", version);
            var forged = await applicant.Context.APIRequest.PostAsync($"{claimPath}?handler=Fire", new() { Form = form, MaxRedirects = 0 });
            forged.Status.Should().Be(400, "a post without the antiforgery token is refused");
            await applicant.ReloadAsync();
            await Assertions.Expect(applicant.Locator("h1 .badge")).ToHaveTextAsync("已提交");
        });

        // ── The verifier asks for a supplement ──
        var (verifier, vc) = await OpenAsync();
        await run.StepAsync("verifier-queue", verifier, vc, async () =>
        {
            await BrowserFixture.SignInAsync(verifier, "verifier.demo");
            await verifier.GotoAsync("/Verifier");
            await Assertions.Expect(verifier.Locator($"a[href='/Verifier/Claims/{id}']").First).ToBeVisibleAsync();
        });
        await run.StepAsync("verifier-start-review", verifier, vc, async () =>
        {
            await verifier.ClickAsync($"a[href='/Verifier/Claims/{id}'] >> nth=0");
            await verifier.ClickAsync("button:has-text('开始审核')");
            await Assertions.Expect(verifier.Locator("h1 .badge")).ToHaveTextAsync("审核中");
        });
        await run.StepAsync("verifier-asks-supplement", verifier, vc, async () =>
        {
            // Not verifiable while materials are missing; the supplement form has every missing kind ticked already.
            await Assertions.Expect(verifier.Locator("#verify-blocked")).ToContainTextAsync("代理合同");
            await Assertions.Expect(verifier.Locator("button:has-text('确认核实')")).ToHaveCountAsync(0);
            await Assertions.Expect(verifier.Locator("input[name='Input.Defects']:checked")).ToHaveCountAsync(4);
            await verifier.CheckAsync("input[name='Input.Defects'][value='缺少维权代理合同']");
            await verifier.FillAsync("#supplementReason", "请补充与代理机构签订的维权代理合同。");
            await verifier.ClickAsync("button:has-text('发出补正要求')");
            await Assertions.Expect(verifier.Locator("h1 .badge")).ToHaveTextAsync("待补正");
        });

        // ── The applicant supplements and submits again ──
        await run.StepAsync("applicant-sees-supplement", applicant, ac, async () =>
        {
            await applicant.GotoAsync(claimPath);
            await Assertions.Expect(applicant.Locator(".supplement")).ToContainTextAsync("请补充与代理机构签订的维权代理合同。");
        });
        await run.StepAsync("upload-contract", applicant, ac, () => UploadAsync(applicant, "agency_contract", "代理合同.pdf"));
        await run.StepAsync("upload-the-rest", applicant, ac, async () =>
        {
            await UploadAsync(applicant, "invoice", "代理费发票.pdf");
            await UploadAsync(applicant, "payment_proof", "转账凭证.pdf");
            await UploadAsync(applicant, "id_proof", "身份证.pdf");
            await Assertions.Expect(applicant.Locator("#materials li.missing")).ToHaveCountAsync(0);
            await Assertions.Expect(applicant.Locator("#materials-warning")).ToHaveCountAsync(0);
        });
        await run.StepAsync("resubmit", applicant, ac, async () =>
        {
            // The undertaking is read and accepted with every submission: the button alone is not enough.
            await Assertions.Expect(applicant.Locator("#undertaking")).ToContainTextAsync("申请人承诺书");
            await applicant.CheckAsync("input[name=undertakingAccepted]");
            await applicant.ClickAsync("form:has(input[name=trigger][value=submit]) button");
            await Assertions.Expect(applicant.Locator("h1 .badge")).ToHaveTextAsync("已提交");
        });

        // ── The verifier verifies ──
        await run.StepAsync("verifier-verifies", verifier, vc, async () =>
        {
            await verifier.GotoAsync($"/Verifier/Claims/{id}");
            await verifier.ClickAsync("button:has-text('开始审核')");
            await Assertions.Expect(verifier.Locator("#feeBase")).ToBeVisibleAsync();
            await verifier.ClickAsync("button:has-text('确认核实')");
            await Assertions.Expect(verifier.Locator("h1 .badge")).ToHaveTextAsync("已核实");
        });

        // ── Finance approves, and the budget moves ──
        var (finance, fc) = await OpenAsync();
        decimal reservedBefore = 0, remainingBefore = 0;
        await run.StepAsync("finance-budget-before", finance, fc, async () =>
        {
            await BrowserFixture.SignInAsync(finance, "finance.demo");
            await finance.GotoAsync("/Finance/Budget");
            reservedBefore = Money(await finance.InnerTextAsync(".budget-figures .reserved dd"));
            remainingBefore = Money(await finance.InnerTextAsync(".budget-figures .remaining dd"));
        });
        string letterNumber = "";
        await run.StepAsync("finance-approves", finance, fc, async () =>
        {
            await finance.GotoAsync("/Finance");
            await finance.ClickAsync($"a[href='/Finance/Claims/{id}'] >> nth=0");
            await finance.ClickAsync("button:has-text('批准并签发通知书')");
            await Assertions.Expect(finance.Locator("h1 .badge")).ToHaveTextAsync("公示中");
            letterNumber = (await finance.InnerTextAsync(".letter-number")).Trim();
        });
        await run.StepAsync("finance-budget-after", finance, fc, async () =>
        {
            await finance.GotoAsync("/Finance/Budget");
            Money(await finance.InnerTextAsync(".budget-figures .reserved dd")).Should().Be(reservedBefore + 4000m);
            Money(await finance.InnerTextAsync(".budget-figures .remaining dd")).Should().Be(remainingBefore - 4000m);
            await Assertions.Expect(finance.Locator("#entries-reserved")).ToContainTextAsync(CaseNumber);
        });

        // ── The public notice ──
        var (visitor, pc) = await OpenAsync();
        await run.StepAsync("public-notice", visitor, pc, async () =>
        {
            await visitor.GotoAsync("/Notice");
            var row = visitor.Locator("table.notice-list tr", new() { HasText = CaseNumber });
            await Assertions.Expect(row).ToContainTextAsync(Amount);
            await Assertions.Expect(row).ToContainTextAsync("张*");
            // Dates in Chinese form: 2026年12月1日.
            await Assertions.Expect(row).ToContainTextAsync(new Regex(@"\d{4}年\d{1,2}月\d{1,2}日"));
        });

        // ── Someone objects during the notice: the verifier records it, finance answers it ──
        // A caller who read the notice's contact line objects by telephone; the verifier records what was said on the
        // claim's page, and finance, having checked, answers the caller and dismisses the objection, so the claim
        // leaves its notice when the period ends (an open objection would hold it there).
        await run.StepAsync("public-notice-contact", visitor, pc, async () =>
            await Assertions.Expect(visitor.Locator(".objection-contact")).ToContainTextAsync(ServiceProcess.ObjectionContact));
        const string objection = "来电反映：该案二审已改判，申请人并未胜诉。";
        await run.StepAsync("verifier-records-objection", verifier, vc, async () =>
        {
            await verifier.GotoAsync($"/Verifier/Claims/{id}");
            await Assertions.Expect(verifier.Locator("h1 .badge")).ToHaveTextAsync("公示中");
            await verifier.FillAsync("#objection-record #Objector", "李四");
            await verifier.FillAsync("#objection-record #Contact", "13912345678");
            await verifier.FillAsync("#objection-record #Content", objection);
            await verifier.ClickAsync("#objection-record button:has-text('登记异议')");
            await Assertions.Expect(verifier.Locator("[role=status]")).ToContainTextAsync("已登记异议");
            var recorded = verifier.Locator("#objections .objection", new() { HasText = objection });
            await Assertions.Expect(recorded).ToContainTextAsync("李四");
            await Assertions.Expect(recorded.Locator("button:has-text('答复并驳回异议')")).ToBeVisibleAsync();
        });
        const string reply = "经核实，二审判决维持原判，申请人胜诉，异议不成立。";
        await run.StepAsync("finance-answers-objection", finance, fc, async () =>
        {
            await finance.GotoAsync($"/Finance/Claims/{id}");
            var open = finance.Locator("#objections .objection", new() { HasText = objection });
            await open.Locator("textarea[name=Reply]").FillAsync(reply);
            await open.Locator("button:has-text('答复并驳回异议')").ClickAsync();
            await Assertions.Expect(finance.Locator("[role=status]")).ToContainTextAsync("已答复并驳回异议");
            var answered = finance.Locator("#objections .objection", new() { HasText = objection });
            await Assertions.Expect(answered.Locator(".outcome")).ToContainTextAsync("已答复驳回：" + reply);
            await Assertions.Expect(finance.Locator("h1 .badge")).ToHaveTextAsync("公示中");
        });

        // ── The notice period passes ──
        // The issue asks for "notice days 0", but with 0 the approval skips the notice altogether (API.md: approve
        // goes straight to ready_for_payout), and the claim could never appear on the notice page above. So the
        // policy's own period stands (5 working days) and the time really passes: the service (and its
        // PostgreSQL) is started again 14 days later (libfaketime), which is more than 5 working days from any
        // day of the week. Everyone's session has expired by then, as it would have; the admin then runs the
        // notice sweep at once from the job dashboard rather than waiting for its ten-minute schedule.
        await fixture.Service.RestartAsync(TimeSpan.FromDays(14));
        var (admin, adc) = await OpenAsync();
        await run.StepAsync("admin-runs-notice-sweep", admin, adc, async () =>
        {
            await BrowserFixture.SignInAsync(admin, "admin.demo");
            // From the admin page's link to the dashboard, which is in Chinese with Chinese dates.
            await admin.GotoAsync("/Admin");
            await Assertions.Expect(admin.Locator("#jobs")).ToContainTextAsync("公示期满处理");
            await admin.ClickAsync("#jobs a[href='/jobs']");
            await Assertions.Expect(admin.Locator("#footer [data-moment-local]")).ToContainTextAsync(new Regex(@"^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}$"));
            await admin.GotoAsync("/jobs/recurring");
            await Assertions.Expect(admin.Locator("body")).ToContainTextAsync("公示期满处理（每 10 分钟）");
            await admin.CheckAsync("input.js-jobs-list-checkbox[value='public-notice-sweep']");
            await admin.ClickAsync("button.js-jobs-list-command[data-url$='/recurring/trigger']");
            await Assertions.Expect(admin.Locator("input.js-jobs-list-checkbox[value='public-notice-sweep']")).Not.ToBeCheckedAsync();
        }, ours: false);
        await run.StepAsync("notice-passed", finance, fc, async () =>
        {
            await BrowserFixture.SignInAsync(finance, "finance.demo");
            await ReloadUntilAsync(finance, $"/Finance/Claims/{id}", "h1 .badge", "待拨付");
        });
        await run.StepAsync("public-notice-after", visitor, pc, async () =>
        {
            await visitor.GotoAsync("/Notice");
            await Assertions.Expect(visitor.Locator("main")).Not.ToContainTextAsync(CaseNumber);
        });

        // ── Finance pays: a batch, its file to the bank, the bank's results back ──
        string reference = "";
        await run.StepAsync("payout-batch", finance, fc, async () =>
        {
            await finance.GotoAsync("/Finance/Payouts");
            // The first click only shows what would be paid; the batch runs on the confirmation.
            await finance.ClickAsync("button:has-text('立即执行拨付批次')");
            await Assertions.Expect(finance.Locator("#preview-count")).ToHaveTextAsync("1");
            await Assertions.Expect(finance.Locator("#preview-total")).ToHaveTextAsync("4,000.00 元");
            var polls = 0;
            finance.Request += (_, r) => { if (r.Url.Contains("handler=Progress")) polls++; };
            await finance.ClickAsync("button:has-text('确认拨付 1 件')");
            // The details page asks for the batch's progress (no meta refresh) and shows the file once written,
            // waiting for the bank: never 已完成 before the bank has answered.
            (await finance.Locator("meta[http-equiv=refresh]").CountAsync()).Should().Be(0);
            await Assertions.Expect(finance.Locator("#batch-status")).ToHaveTextAsync("文件已生成，待银行回单", new() { Timeout = 60_000 });
            await Assertions.Expect(finance.Locator("#batch-count")).ToHaveTextAsync("1");
            await Assertions.Expect(finance.Locator("[role=progressbar]")).ToHaveAttributeAsync("aria-valuenow", "100");
            await Assertions.Expect(finance.Locator("h1")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^拨付批次 \d{4}-\d{2}-\d{2} 第\d+批$"));
            await Assertions.Expect(finance.Locator("#batch-payments tbody tr")).ToHaveCountAsync(1);
            await Assertions.Expect(finance.Locator("#batch-payments tbody td[data-label=账号]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\w{3}\*+\w{4}$"), new() { Timeout = 5_000 });
            // Polled at least once unless the job had finished before the page was first drawn.
            (polls > 0 || await finance.Locator("#batch-progress-region[data-progress-url='']").CountAsync() == 1).Should().BeTrue();
        });
        await run.StepAsync("payout-file", finance, fc, async () =>
        {
            var download = await finance.RunAndWaitForDownloadAsync(() => finance.ClickAsync("a:has-text('下载 CSV')"));
            var lines = (await File.ReadAllTextAsync(await download.PathAsync())).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines[0].Trim().Should().Be("claimId,payeeName,bankName,accountNumber,amount,reference");
            lines.Should().HaveCount(2);
            var fields = lines[1].Trim().Split(',');
            fields[0].Should().Be(id);
            fields[4].Should().Be("4000.00");
            reference = fields[5];
        });
        await run.StepAsync("bank-results", finance, fc, async () =>
        {
            // Money leaves with two people: a second finance user imports the results of the batch finance.demo ran.
            var batchUrl = finance.Url;
            await finance.Context.ClearCookiesAsync();
            await BrowserFixture.SignInAsync(finance, "finance2.demo");
            await finance.GotoAsync(batchUrl);
            await finance.SetInputFilesAsync("#file", new FilePayload
            {
                Name = "回单.csv", MimeType = "text/csv",
                Buffer = Encoding.UTF8.GetBytes($"reference,result,amount,message\n{reference},paid,4000.00,\n"),
            });
            await finance.ClickAsync("button:has-text('导入')");
            await Assertions.Expect(finance.Locator("#results-summary")).ToContainTextAsync("支付成功 1 笔");
            await Assertions.Expect(finance.Locator("#batch-status")).ToHaveTextAsync("已回单");
        });

        // ── The applicant is paid, reads the messages, downloads the letter and checks it ──
        await run.StepAsync("applicant-paid", applicant, ac, async () =>
        {
            await BrowserFixture.SignInAsync(applicant, username, Password);
            await applicant.GotoAsync(claimPath);
            await Assertions.Expect(applicant.Locator("h1 .badge")).ToHaveTextAsync("已拨付");
        });
        await run.StepAsync("applicant-inbox", applicant, ac, async () =>
        {
            var subjects = (await applicant.Locator(".inbox summary strong").AllInnerTextsAsync()).Select(s => s.Trim()).ToList();
            // submitted, supplement asked, submitted again, verified, approved, ready for payout, paid: at least these
            subjects.Should().HaveCountGreaterThanOrEqualTo(5);
            await applicant.ClickAsync(".inbox summary >> nth=0");
            await Assertions.Expect(applicant.Locator(".inbox details[open] .message-body")).ToBeVisibleAsync();
            var mailed = await fixture.Mail.SubjectsToAsync(email, subjects.Count, TimeSpan.FromSeconds(30));
            mailed.Should().Contain(subjects, "every message in the inbox was also sent by mail");
        });
        string verifyUrl = "";
        await run.StepAsync("applicant-letter", applicant, ac, async () =>
        {
            var download = await applicant.RunAndWaitForDownloadAsync(() => applicant.ClickAsync("a:has-text('下载决定书（PDF）')"));
            var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
            Encoding.ASCII.GetString(pdf, 0, 5).Should().Be("%PDF-");
            await File.WriteAllBytesAsync(Path.Combine(JourneyRecord.Folder, "letter.pdf"), pdf);
            Run("pdftotext", "-enc", "UTF-8", Path.Combine(JourneyRecord.Folder, "letter.pdf"), "-").Should().Contain(letterNumber);
            verifyUrl = QrCodeOf(Path.Combine(JourneyRecord.Folder, "letter.pdf"));
            verifyUrl.Should().StartWith(fixture.Service.BaseUrl.ToString().TrimEnd('/'));
        });
        await run.StepAsync("letter-qr-verify-page", applicant, ac, async () =>
        {
            await applicant.GotoAsync(verifyUrl);
            await Assertions.Expect(applicant.Locator(".verdict")).ToContainTextAsync("真实有效");
            await Assertions.Expect(applicant.Locator(".verdict")).ToContainTextAsync(letterNumber);
        });

        // ── Another applicant cannot reach this claim by editing the address ──
        var (other, oc) = await OpenAsync();
        await run.StepAsync("other-applicant-refused", other, oc, async () =>
        {
            await BrowserFixture.SignInAsync(other, "applicant.demo");
            foreach (var path in new[] { $"{claimPath}/Letter", $"{claimPath}/Edit", claimPath })
            {
                oc.Expect(404, path);
                var response = await other.GotoAsync(path);
                response!.Status.Should().Be(404, "{0} belongs to another applicant", path);
                await Assertions.Expect(other.Locator("body")).Not.ToContainTextAsync(CaseNumber);
            }
        });

        // ── The auditor exports the letters and verifies the history ──
        var (auditor, auc) = await OpenAsync();
        await run.StepAsync("auditor-exports-letters", auditor, auc, async () =>
        {
            await BrowserFixture.SignInAsync(auditor, "auditor.demo");
            await auditor.GotoAsync("/Auditor");
            var download = await auditor.RunAndWaitForDownloadAsync(() => auditor.ClickAsync("button:has-text('下载决定书 ZIP')"));
            using var zip = ZipFile.OpenRead(await download.PathAsync());
            zip.Entries.Should().Contain(e => e.Name.EndsWith(".pdf", StringComparison.Ordinal));
            using var register = new StreamReader(zip.GetEntry("register.csv")!.Open());
            (await register.ReadToEndAsync()).Should().Contain(letterNumber).And.Contain(id);
        });
        await run.StepAsync("auditor-verifies-history", auditor, auc, async () =>
        {
            await auditor.ClickAsync("button:has-text('核验办理记录')");
            await Assertions.Expect(auditor.Locator("#chain-result")).ToContainTextAsync("核验通过");
        });

        run.AssertEveryPagePassed();
    }

    /// <summary>A person's own browser (context) and the checks that watch it; confirmations are accepted.</summary>
    private async Task<(IPage, PageChecks)> OpenAsync()
    {
        var page = await fixture.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        return (page, PageChecks.Watch(page));
    }

    private static async Task FillFactsAsync(IPage page)
    {
        await page.SelectOptionAsync("#applicantType", "natural_person");
        await page.FillAsync("#name", "张明");
        await page.FillAsync("#idNumber", "33010219800101123X");
        await page.SelectOptionAsync("#domicileInCounty", "true");
        await page.FillAsync("#caseNumber", CaseNumber);
        await page.FillAsync("#court", "宁波市中级人民法院");
        await page.SelectOptionAsync("#caseType", "patent_infringement");
        await page.SelectOptionAsync("#outcome", "won");
        await page.FillAsync("#judgmentEffectiveDate", "2024-05-20");
        await page.FillAsync("#agencyFee", "8000.00");
        await page.FillAsync("input[name='invoices[0].number']", "24332000000012348801");
        await page.FillAsync("input[name='invoices[0].amount']", "8000.00");
    }

    private static async Task FillClaimFormByKeyboardAsync(IPage page)
    {
        var keys = new KeyboardOnly(page);
        await keys.ChooseAsync("#applicantType", "natural_person");
        await keys.TypeAsync("#name", "张明");
        await keys.TypeAsync("#idNumber", "33010219800101123X");
        await keys.ChooseAsync("#domicileInCounty", "true");
        await keys.TypeAsync("#caseNumber", CaseNumber);
        await keys.TypeAsync("#court", "宁波市中级人民法院");
        await keys.ChooseAsync("#caseType", "patent_infringement");
        await keys.ChooseAsync("#outcome", "won");
        await keys.TypeDateAsync("#judgmentEffectiveDate", new DateOnly(2024, 5, 20));
        await keys.CheckAsync("input[name='partyRole'][value='plaintiff']");
        await keys.TypeAsync("#agencyFee", "8000.00");
        await keys.TypeAsync("input[name='invoices[0].number']", "24332000000012348801");
        await keys.TypeAsync("input[name='invoices[0].amount']", "8000.00");
        await keys.TypeAsync("#bankName", "中国工商银行某县支行");
        await keys.TypeAsync("#patentNumbers-0", "ZL202010123456.2");
        await keys.TypeAsync("#opposingParties-0", "某某电器有限公司");
        await keys.TypeAsync("#accountNumber", "6222021234567890");
        await Assertions.Expect(page.Locator("#estimate-panel")).ToContainTextAsync(Amount);
        await keys.PressAsync("#claim-form .form-actions button[type=submit]");
    }

    private static async Task UploadAsync(IPage page, string kind, string fileName)
    {
        await page.SelectOptionAsync("#kind", kind);
        await page.SetInputFilesAsync("#file", new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = TestPdf.Make(kind) });
        await page.ClickAsync("button:has-text('上传')");
        await Assertions.Expect(page.Locator(".document .file-name", new() { HasText = fileName })).ToBeVisibleAsync();
    }


    /// <summary>A job runs apart from the page: load the page again, as a person would, until it shows the change.</summary>
    private static async Task ReloadUntilAsync(IPage page, string path, string selector, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await page.GotoAsync(path);
            if ((await page.InnerTextAsync(selector)).Contains(text, StringComparison.Ordinal)) return;
            if (DateTime.UtcNow > deadline) break;
            await page.WaitForTimeoutAsync(1000);
        }
        await Assertions.Expect(page.Locator(selector)).ToContainTextAsync(text);
    }

    private static decimal Money(string text) =>
        decimal.Parse(MoneyPattern().Match(text).Value.Replace(",", ""), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"-?[\d,]+\.\d{2}")]
    private static partial Regex MoneyPattern();

    /// <summary>What the letter's QR code holds, read as a phone would: its last page (the seal's) rendered, then scanned (zbar).</summary>
    private static string QrCodeOf(string pdfPath)
    {
        var pages = Run("pdfinfo", pdfPath).Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))["Pages:".Length..].Trim();
        var prefix = Path.Combine(JourneyRecord.Folder, "letter-last-page");
        Run("pdftoppm", "-png", "-r", "150", "-f", pages, "-l", pages, "-singlefile", pdfPath, prefix);
        return Run("zbarimg", "-q", "--raw", "-Sqrcode.enable", prefix + ".png").Trim();
    }

    private static string Run(string program, params string[] arguments)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} exited {process.ExitCode}: {stderr.Result}");
        return stdout;
    }
}
