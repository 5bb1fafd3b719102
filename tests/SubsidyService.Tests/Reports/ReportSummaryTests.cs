using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Pages;

namespace SubsidyService.Tests.Reports;

/// <summary>The summary and the export over <see cref="ReportScenario"/>'s claims, figures counted by hand.</summary>
public sealed class ReportSummaryTests(ReportScenario s) : IClassFixture<ReportScenario>
{
    private const string Year = "?from=2026-01-01&to=2026-12-31";

    private async Task<HttpClient> Client(string role) => await s.As(await s.App.CreateUserAsync(role));

    private async Task<JsonElement> SummaryAsync(string role = Roles.Finance, string query = Year)
    {
        var response = await (await Client(role)).GetAsync("/api/v1/reports/summary" + query);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await ClaimApi.JsonAsync(response);
    }

    private static Dictionary<string, (long Count, string Amount, long Approved, string ApprovedAmount, long Paid, string PaidAmount)> Groups(JsonElement groups) =>
        groups.EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!, g => (g.GetProperty("count").GetInt64(),
            g.GetProperty("amount").GetString()!, g.GetProperty("approvedCount").GetInt64(), g.GetProperty("approvedAmount").GetString()!,
            g.GetProperty("paidCount").GetInt64(), g.GetProperty("paidAmount").GetString()!));

    [Fact]
    public async Task The_summary_counts_and_sums_the_periods_claims_by_each_breakdown()
    {
        var r = await SummaryAsync();
        r.GetProperty("from").GetString().Should().Be("2026-01-01");
        var total = r.GetProperty("total");
        (total.GetProperty("count").GetInt64(), total.GetProperty("amount").GetString()).Should().Be((4L, "22000.00"), "the draft and the 2025 claim are not in 2026");
        (total.GetProperty("approvedCount").GetInt64(), total.GetProperty("approvedAmount").GetString()).Should().Be((3L, "18000.00"));
        (total.GetProperty("paidCount").GetInt64(), total.GetProperty("paidAmount").GetString()).Should().Be((2L, "14000.00"));
        r.GetProperty("recovered").GetProperty("amount").GetString().Should().Be("1000.00");
        r.GetProperty("recovered").GetProperty("count").GetInt64().Should().Be(1);

        Groups(r.GetProperty("byStatus")).Should().BeEquivalentTo(new Dictionary<string, (long, string, long, string, long, string)>
        {
            ["paid"] = (2, "14000.00", 2, "14000.00", 2, "14000.00"),
            ["ready_for_payout"] = (1, "4000.00", 1, "4000.00", 0, "0.00"),
            ["rejected"] = (1, "4000.00", 0, "0.00", 0, "0.00"),
        });
        Groups(r.GetProperty("byTier")).Should().BeEquivalentTo(new Dictionary<string, (long, string, long, string, long, string)>
        {
            ["legal_person"] = (1, "10000.00", 1, "10000.00", 1, "10000.00"),
            ["natural_person"] = (3, "12000.00", 2, "8000.00", 1, "4000.00"),
        });
        Groups(r.GetProperty("byApplicantType")).Keys.Should().BeEquivalentTo("enterprise", "natural_person");
        Groups(r.GetProperty("byApplicantType"))["enterprise"].Amount.Should().Be("10000.00");
        Groups(r.GetProperty("byCaseType")).Should().ContainSingle().Which.Key.Should().Be("patent_infringement");
        Groups(r.GetProperty("byMonth")).ToDictionary(g => g.Key, g => (g.Value.Count, g.Value.Amount)).Should().BeEquivalentTo(
            new Dictionary<string, (long, string)> { ["2026-03"] = (1, "4000.00"), ["2026-04"] = (2, "14000.00"), ["2026-05"] = (1, "4000.00") });
        r.GetProperty("byStatus").EnumerateArray().Single(g => g.GetProperty("key").GetString() == "paid").GetProperty("label").GetString().Should().Be("已拨付");

        // A month alone: only B and C.
        var april = (await SummaryAsync(Roles.Auditor, "?from=2026-04-01&to=2026-04-30")).GetProperty("total");
        (april.GetProperty("count").GetInt64(), april.GetProperty("amount").GetString()).Should().Be((2L, "14000.00"));
    }

    [Fact]
    public async Task Processing_times_are_working_days_of_the_calendar_median_and_90th_percentile()
    {
        var times = (await SummaryAsync()).GetProperty("processingDays").EnumerateArray()
            .ToDictionary(t => t.GetProperty("stage").GetString()!, t => (t.GetProperty("count").GetInt64(), t.GetProperty("median").GetDouble(), t.GetProperty("p90").GetDouble()));
        // Submitted → verified: A 2, B 4 (Qingming off), C 1 → 1, 2, 4: median 2, p90 = 2 + 0.8 × 2.
        times["submittedToVerified"].Should().Be((3L, 2.0, 3.6));
        // Verified → approved: A 3, B 1, C 8 (Labour Day off) → 1, 3, 8: median 3, p90 = 3 + 0.8 × 5.
        times["verifiedToApproved"].Should().Be((3L, 3.0, 7.0));
        // Approved → paid: A 2, B 1.
        times["approvedToPaid"].Should().Be((2L, 1.5, 1.9));
        times["submittedToPaid"].Should().Be((2L, 6.5, 6.9));
    }

    [Fact]
    public async Task The_budget_year_shows_approvals_and_payments_month_by_month()
    {
        var budget = (await SummaryAsync(Roles.Auditor)).GetProperty("budget");
        budget.GetProperty("year").GetInt32().Should().Be(2026);
        budget.GetProperty("amount").GetString().Should().Be("100000.00");
        var months = budget.GetProperty("months").EnumerateArray().ToList();
        months.Should().HaveCount(12);
        string Of(int month, string field) => months[month - 1].GetProperty(field).GetString()!;
        (Of(3, "approved"), Of(3, "paid")).Should().Be(("4000.00", "4000.00"));
        (Of(4, "approved"), Of(4, "paid")).Should().Be(("10000.00", "10000.00"));
        (Of(5, "approved"), Of(5, "paid")).Should().Be(("4000.00", "0.00"));
        (Of(12, "approvedToDate"), Of(12, "paidToDate")).Should().Be(("18000.00", "14000.00"));
    }

    [Fact]
    public async Task The_summary_as_a_workbook_has_a_sheet_per_breakdown_with_numbers()
    {
        var response = await (await Client(Roles.Finance)).GetAsync("/api/v1/reports/summary" + Year + "&format=xlsx");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var workbook = Read(zip, "xl/workbook.xml");
        workbook.Should().Contain("按状态").And.Contain("按补助档次").And.Contain("按提交月份").And.Contain("办理用时").And.Contain("2026年预算执行");
        // The first sheet, 合计: the total amount as a number cell.
        var first = Cells(zip, zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).OrderBy(e => e.FullName).First().FullName);
        first.Should().Contain(("n", "22000.00"));
        first.Should().Contain(("n", "1000.00"), "the recovered amount");
    }

    [Fact]
    public async Task The_csv_export_masks_identity_and_account_numbers_and_escapes_formulas()
    {
        var response = await (await Client(Roles.Auditor)).GetAsync("/api/v1/reports/export" + Year + "&format=csv");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var csv = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(5, "a header and the four claims submitted in 2026");
        lines[0].Should().StartWith("claimId,status,applicantType,applicantName,idNumber");
        csv.Should().NotContain(s.PersonId).And.NotContain(s.CompanyCode).And.NotContain("6222 0212 3456 7890");
        csv.Should().Contain(s.PersonId[..3] + "***********" + s.PersonId[^4..]);
        csv.Should().Contain("\"'=HYPERLINK(\"\"http://x\"\")银行\"", "a leading = is made text");
        csv.Should().Contain(",paid,4000.00,").And.Contain(",paid,10000.00,");
    }

    [Fact]
    public async Task The_xlsx_export_opens_with_one_line_per_claim_and_is_recorded()
    {
        var response = await (await Client(Roles.Auditor)).GetAsync("/api/v1/reports/export" + Year);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var cells = Cells(zip, "xl/worksheets/sheet1.xml");
        cells.Should().Contain(("n", "10000.00"), "amounts are numbers");
        cells.Select(c => c.Value).Should().NotContain(v => v.Contains(s.PersonId) || v.Contains(s.CompanyCode));
        cells.Count(c => c.Value == "rejected").Should().Be(1);
        cells.Count(c => c.Value == "ready_for_payout").Should().Be(1);
        await using var conn = await TestPostgres.OpenAsync(s.App.ConnectionString);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_events WHERE trigger = 'export_report' AND claim_id IS NULL AND data->>'format' = 'xlsx'"))
            .Should().BeGreaterThan(0, "the export is in the chained log");
    }

    [Fact]
    public async Task The_page_shows_the_tables_and_the_chart_data_to_finance_and_auditors()
    {
        foreach (var role in new[] { Roles.Finance, Roles.Auditor })
        {
            var browser = await PageBrowser.SignInAsync(s.App, role);
            var html = await browser.HtmlAsync("/Reports?from=2026-01-01&to=2026-12-31");
            html.Should().Contain("统计报表").And.Contain("id=\"chart-months\"").And.Contain("/lib/echarts/echarts.min.js").And.Contain("/js/reports.js");
            html.Should().Contain("<caption>").And.Contain("scope=\"col\"").And.Contain("22,000.00");
            html.Should().Contain("id=\"report-data\"").And.Contain("type=\"application/json\"").And.Contain("\"2026-04\"");
            html.Should().NotContain("<script>", "no inline script: the content security policy allows scripts from the service only");
            var refused = await browser.HtmlAsync("/Reports?from=2026-13-01");
            refused.Should().Contain("起始日期须为 YYYY-MM-DD").And.NotContain("id=\"report-data\"");
        }
    }

    [Fact]
    public async Task Only_finance_and_auditors_read_the_summary_only_auditors_export_and_bad_periods_are_400()
    {
        foreach (var role in new[] { Roles.Applicant, Roles.Verifier, Roles.Admin })
            (await (await Client(role)).GetAsync("/api/v1/reports/summary")).StatusCode.Should().Be(HttpStatusCode.Forbidden, role);
        foreach (var role in new[] { Roles.Applicant, Roles.Verifier, Roles.Finance, Roles.Admin })
            (await (await Client(role)).GetAsync("/api/v1/reports/export")).StatusCode.Should().Be(HttpStatusCode.Forbidden, role);
        using var anonymous = s.App.CreateClient();
        (await anonymous.GetAsync("/api/v1/reports/summary")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/v1/reports/export")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var finance = await Client(Roles.Finance);
        var auditor = await Client(Roles.Auditor);
        await (await finance.GetAsync("/api/v1/reports/summary?from=2026-13-01")).ShouldBeValidationProblemNamingAsync("from");
        await (await finance.GetAsync("/api/v1/reports/summary?from=2026-05-01&to=2026-04-30")).ShouldBeValidationProblemNamingAsync("to");
        await (await finance.GetAsync("/api/v1/reports/summary?from=2000-01-01&to=2026-01-01")).ShouldBeValidationProblemNamingAsync("to");
        await (await finance.GetAsync("/api/v1/reports/summary?format=pdf")).ShouldBeValidationProblemNamingAsync("format");
        await (await finance.GetAsync("/api/v1/reports/summary?from=0001-01-01&to=0001-12-31")).ShouldBeValidationProblemNamingAsync("from", "to");
        await (await auditor.GetAsync("/api/v1/reports/export?from=9999-12-31")).ShouldBeValidationProblemNamingAsync("from");
        await (await auditor.GetAsync("/api/v1/reports/export?to=yesterday")).ShouldBeValidationProblemNamingAsync("to");
        await (await auditor.GetAsync("/api/v1/reports/export?format=json")).ShouldBeValidationProblemNamingAsync("format");
        var problem = await ClaimApi.JsonAsync(await finance.GetAsync("/api/v1/reports/summary?from=2026-05-01&to=2026-04-30"));
        problem.GetProperty("errors").GetProperty("to")[0].GetString().Should().Contain("截止日期");

        // Left out, the period is the current year (the clock reads 2026).
        var current = await SummaryAsync(Roles.Finance, "");
        (current.GetProperty("from").GetString(), current.GetProperty("to").GetString()).Should().Be(("2026-01-01", "2026-12-31"));
        current.GetProperty("total").GetProperty("count").GetInt64().Should().Be(4);
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>Each cell of a sheet as (type, text): "n" for a number, "s" for an inline string.</summary>
    private static List<(string Type, string Value)> Cells(ZipArchive zip, string sheet)
    {
        var cells = new List<(string, string)>();
        using var reader = XmlReader.Create(zip.GetEntry(sheet)!.Open());
        while (reader.ReadToFollowing("c", "http://schemas.openxmlformats.org/spreadsheetml/2006/main"))
        {
            var type = reader.GetAttribute("t") == "inlineStr" ? "s" : "n";
            using var cell = reader.ReadSubtree();
            var text = new StringBuilder();
            while (cell.Read()) if (cell.NodeType == XmlNodeType.Text) text.Append(cell.Value);
            cells.Add((type, text.ToString()));
        }
        return cells;
    }
}
