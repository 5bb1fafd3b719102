using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Policy;

namespace SubsidyService.Tests.Claims;

public sealed class ScreeningTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static List<object> Invoice(string number) => [EstimateFacts.Invoice(number: number)];

    private static StringContent RegisterCsv(params string[] lines) => new(
        "source,level,recipientName,recipientId,caseNumber,amount,awardedOn,programme\n" + string.Join("\n", lines) + "\n",
        Encoding.UTF8, "text/csv");

    [Theory]
    [InlineData("（{0}）浙02民初{1}号")]
    [InlineData("〔{0}〕浙 02 民初 {1} 号")]
    [InlineData("({0})浙02民初{1}号")]
    [InlineData("【{0}】浙０２民初{1}号")]
    [InlineData(" [{0}] 浙02民初{1}号\t")]
    public async Task Variants_of_one_case_number_are_refused_as_a_duplicate_claim(string variant)
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var n = Random.Shared.Next(10_000, 99_999);
        await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant, b => b["caseNumber"] = $"(2023)浙02民初{n}号"), "submit");
        var second = await ClaimApi.CreateAsync(applicant, b => b["caseNumber"] = string.Format(variant, 2023, n));

        var refused = await ClaimApi.FireAsync(applicant, second, "submit");

        await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "duplicate_claim");
        var after = await ClaimApi.GetAsync(applicant, second.Id());
        after.Status().Should().Be("draft", "a refused submission changes nothing");
        after.GetProperty("version").GetInt32().Should().Be(second.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_withdrawn_claim_does_not_block_a_new_one_for_the_case()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var first = await ClaimApi.CreateAsync(applicant);
        await ClaimApi.MustFireAsync(applicant, first, "withdraw");
        var second = await ClaimApi.CreateAsync(applicant, b => b["caseNumber"] = first.GetProperty("facts").GetProperty("caseNumber").GetString());
        (await ClaimApi.MustFireAsync(applicant, second, "submit")).Status().Should().Be("submitted");
    }

    [Fact]
    public async Task An_invoice_on_another_live_claim_is_refused_whatever_its_formatting()
    {
        var (alice, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (bob, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var invoice = ClaimApi.Unique().Invoice;
        await ClaimApi.MustFireAsync(alice, await ClaimApi.CreateAsync(alice, b => b["invoices"] = Invoice(invoice)), "submit");
        var fullWidth = new string(invoice.Select(c => (char)(c - '0' + '０')).ToArray());
        var second = await ClaimApi.CreateAsync(bob, b => b["invoices"] = Invoice(fullWidth));

        var problem = await (await ClaimApi.FireAsync(bob, second, "submit")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "invoice_reused");
        problem.GetProperty("detail").GetString().Should().Contain(invoice);
    }

    [Fact]
    public async Task Co_plaintiffs_are_flagged_both_ways_and_verify_waits_for_a_person()
    {
        var (alice, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (bob, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var first = await ClaimApi.MustFireAsync(alice, await ClaimApi.CreateAsync(alice), "submit");
        var caseNumber = first.GetProperty("facts").GetProperty("caseNumber").GetString();

        var second = await ClaimApi.CreateAsync(bob, b => { b["caseNumber"] = caseNumber; b["idNumber"] = EstimateFacts.PersonId("33010219900101123"); });
        second = await ClaimApi.MustFireAsync(bob, second, "submit");

        second.GetProperty("screening").EnumerateArray().Select(f => f.GetProperty("code").GetString()).Should().Equal("shared_case");
        var firstNow = await ClaimApi.GetAsync(verifier, first.Id());
        var flag = firstNow.GetProperty("screening").EnumerateArray().Single();
        flag.GetProperty("code").GetString().Should().Be("shared_case");
        flag.GetProperty("matchedClaimId").GetGuid().Should().Be(second.Id());

        second = await ClaimApi.MustFireAsync(verifier, await ClaimApi.GetAsync(verifier, second.Id()), "start_review");
        second.Triggers().Should().NotContain("verify");
        await (await ClaimApi.FireAsync(verifier, second, "verify")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "trigger_not_permitted");

        await (await ClaimApi.FireAsync(verifier, second, "resolve_screening", data: new { code = "shared_case", decision = "dismiss" }))
            .ShouldBeValidationProblemNamingAsync("reason");
        second = await ClaimApi.MustFireAsync(verifier, second, "resolve_screening", reason: "两人为共同原告，各自承担代理费",
            data: new { code = "shared_case", decision = "dismiss" });
        second.GetProperty("screening")[0].GetProperty("resolution").GetString().Should().Be("dismiss");
        (await ClaimApi.MustFireAsync(verifier, second, "verify")).Status().Should().Be("verified");
    }

    [Fact]
    public async Task A_register_import_flags_a_live_claim_and_sends_a_verified_one_back_to_review()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var underReview = await ClaimApi.MustFireAsync(verifier, await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit"), "start_review");
        var verified = await ClaimApi.MustFireAsync(verifier,
            await ClaimApi.MustFireAsync(verifier, await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit"), "start_review"), "verify");
        var draft = await ClaimApi.CreateAsync(applicant);
        string Case(JsonElement c) => c.GetProperty("facts").GetProperty("caseNumber").GetString()!.Replace("（", "〔").Replace("）", "〕");

        var response = await verifier.PostAsync("/api/v1/registers/external-funding", RegisterCsv(
            $"省知识产权局,省级,张明,,{Case(underReview)},3000.00,2024-08-01,维权援助",
            $"市市场监管局,市级,张明,,{Case(verified)},2000.00,2024-09-01,",
            $"市市场监管局,市级,张明,,{Case(draft)},2000.00,,",
            "市市场监管局,市级,李四,,(2019)京01民初1号,500.00,2019-01-01,"));

        var result = await ClaimApi.JsonAsync(response);
        response.StatusCode.Should().Be(HttpStatusCode.OK, result.ToString());
        result.GetProperty("imported").GetInt32().Should().Be(4);
        result.GetProperty("matchedClaims").GetInt32().Should().Be(2, "drafts are screened when they are submitted");

        var flagged = await ClaimApi.GetAsync(verifier, underReview.Id());
        flagged.GetProperty("screening").EnumerateArray().Single().GetProperty("code").GetString().Should().Be("external_funding_match");
        flagged.Triggers().Should().NotContain("verify");
        var back = await ClaimApi.GetAsync(verifier, verified.Id());
        back.Status().Should().Be("under_review");
        back.GetProperty("history").EnumerateArray().Last().GetProperty("trigger").GetString().Should().Be("screening_flag_raised");

        var again = await verifier.PostAsync("/api/v1/registers/external-funding", RegisterCsv(
            $"省知识产权局,省级,张明,,{Case(underReview)},3000.00,2024-08-01,维权援助"));
        var repeat = await ClaimApi.JsonAsync(again);
        repeat.GetProperty("alreadyKnown").GetInt32().Should().Be(1, "a re-published row is not a new funding record");
        repeat.GetProperty("matchedClaims").GetInt32().Should().Be(0, "the same match is flagged once");
    }

    [Fact]
    public async Task Confirming_a_register_match_rejects_the_claim_as_duplicate_funding()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var claim = await ClaimApi.MustFireAsync(verifier, await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit"), "start_review");
        await verifier.PostAsync("/api/v1/registers/external-funding",
            RegisterCsv($"省知识产权局,省级,张明,,{claim.GetProperty("facts").GetProperty("caseNumber").GetString()},3000.00,2024-08-01,维权援助"));
        claim = await ClaimApi.GetAsync(verifier, claim.Id());

        claim = await ClaimApi.MustFireAsync(verifier, claim, "resolve_screening", reason: "省级已资助同一案件",
            data: new { code = "external_funding_match", decision = "confirm" });

        claim.Status().Should().Be("rejected");
        claim.GetProperty("estimate").GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).Should().Contain("duplicate_funding");
        claim.GetProperty("history").EnumerateArray().TakeLast(2).Select(h => h.GetProperty("trigger").GetString()).Should().Equal("resolve_screening", "reject");
    }

    [Fact]
    public async Task One_bad_register_row_imports_nothing_and_every_bad_row_is_named()
    {
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var response = await verifier.PostAsync("/api/v1/registers/external-funding", RegisterCsv(
            "省知识产权局,省级,张明,,(2024)浙02民初1号,3000.00,2024-08-01,",
            "省知识产权局,省级,,,(2024)浙02民初2号,3000.001,2024-08-01,",
            "省知识产权局,省级,王五,,(2024)浙02民初3号,3000.00,2024-13-01,"));

        var problem = await response.ShouldBeValidationProblemNamingAsync("rows[3]", "rows[4]");
        problem.GetProperty("errors").GetProperty("rows[3]").EnumerateArray().Select(e => e.GetString()).Should()
            .Contain("“受助人”不能为空").And.Contain(e => e!.StartsWith("“金额”："));
        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM funding_register_rows WHERE case_number = '(2024)浙02民初1号'")).Should().Be(0);
    }

    [Fact]
    public async Task A_register_with_chinese_headers_in_any_order_imports_and_its_errors_name_the_chinese_column()
    {
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

        var imported = await verifier.PostAsync("/api/v1/registers/external-funding",
            Csv("案号,受助人,资助来源,级别,金额（元）\r\n(2024)浙02民初771号,张明,省知识产权局,省级,3000.00\r\n"));
        imported.StatusCode.Should().Be(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        (await ClaimApi.JsonAsync(imported)).GetProperty("imported").GetInt32().Should().Be(1);
        await using (var conn = await TestPostgres.OpenAsync(fixture.ConnectionString))
            (await conn.QuerySingleAsync<(string, string, decimal)>(
                "SELECT source, recipient_name, amount FROM funding_register_rows WHERE case_number = '(2024)浙02民初771号'"))
                .Should().Be(("省知识产权局", "张明", 3000.00m), "each cell is read from its own column whatever the order");

        var missing = await verifier.PostAsync("/api/v1/registers/external-funding", Csv("资助来源,级别,受助人,案号\r\n省知识产权局,省级,张明,(2024)浙02民初772号\r\n"));
        var problem = await missing.ShouldBeValidationProblemNamingAsync("header");
        problem.GetProperty("errors").GetProperty("header")[0].GetString().Should().Be("缺少“金额”列（也可用英文列名 amount）。");
        var unknown = await verifier.PostAsync("/api/v1/registers/external-funding", Csv("资助来源,级别,受助人,案号,金额,备注栏\r\n省知识产权局,省级,张明,(2024)浙02民初773号,1.00,x\r\n"));
        (await unknown.ShouldBeValidationProblemNamingAsync("header")).GetProperty("errors").GetProperty("header")[0].GetString()
            .Should().StartWith("无法识别的列“备注栏”");

        var blank = await verifier.PostAsync("/api/v1/registers/external-funding", Csv("资助来源,级别,受助人,案号,金额\r\n,省级,张明,(2024)浙02民初774号,3000.00\r\n"));
        var errors = (await blank.ShouldBeValidationProblemNamingAsync("rows[2]")).GetProperty("errors").GetProperty("rows[2]");
        errors.EnumerateArray().Select(e => e.GetString()).Should().Equal("“资助来源”不能为空");
        errors.ToString().Should().NotContain("source");
    }

    [Fact]
    public async Task A_register_with_a_bom_and_crlf_lines_imports()
    {
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            "source,level,recipientName,recipientId,caseNumber,amount,awardedOn,programme\r\n\"国家知识产权局, 保护司\",国家级,\"某某\"\"公司\"\"\",,(2022)京73民初9号,12000.00,2022-05-05,\r\n")).ToArray();
        var response = await verifier.PostAsync("/api/v1/registers/external-funding", new ByteArrayContent(bytes) { Headers = { { "Content-Type", "text/csv" } } });
        (await ClaimApi.JsonAsync(response)).GetProperty("imported").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task A_register_in_xlsx_imports_and_flags()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var claim = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");
        var xlsx = Xlsx.Build(
            ["source", "level", "recipientName", "recipientId", "caseNumber", "amount", "awardedOn", "programme"],
            ["省知识产权局", "省级", "张明", "", claim.GetProperty("facts").GetProperty("caseNumber").GetString()!, "3000.00", "2024-08-01", "维权援助"]);
        var form = new MultipartFormDataContent { { new ByteArrayContent(xlsx), "file", "register.xlsx" } };

        var result = await ClaimApi.JsonAsync(await verifier.PostAsync("/api/v1/registers/external-funding", form));

        result.GetProperty("imported").GetInt32().Should().Be(1, result.ToString());
        result.GetProperty("matchedClaims").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task A_large_register_imports_whole_and_rows_keep_their_values()
    {
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var lines = Enumerable.Range(1, 5000).Select(i => $"国家知识产权局,国家级,企业{i},,(2021)京73民初{i}号,{i}.50,{(i % 2 == 0 ? "2021-06-30" : "")},{(i % 3 == 0 ? "专项" : "")}").ToArray();
        var result = await ClaimApi.JsonAsync(await verifier.PostAsync("/api/v1/registers/external-funding", RegisterCsv(lines)));
        result.GetProperty("imported").GetInt32().Should().Be(5000, result.ToString());

        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        var row = await conn.QuerySingleAsync<(string Recipient, decimal Amount, DateTime? AwardedOn, string? Programme, int Line)>(
            "SELECT recipient_name, amount, awarded_on, programme, line_number FROM funding_register_rows WHERE case_number = '(2021)京73民初4242号'");
        row.Should().Be(("企业4242", 4242.50m, new DateTime(2021, 6, 30), "专项", 4243));
    }

    [Fact]
    public async Task Only_verifiers_import_registers()
    {
        foreach (var role in new[] { Roles.Applicant, Roles.Finance, Roles.Auditor, Roles.Admin })
        {
            var (client, _) = await fixture.App.ClientAsAsync(role);
            await (await client.PostAsync("/api/v1/registers/external-funding", RegisterCsv("a,b,c,,(2024)浙02民初1号,1.00,,")))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        }
    }
}
