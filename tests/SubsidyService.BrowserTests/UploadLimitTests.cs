using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.Playwright;

namespace SubsidyService.BrowserTests;

/// <summary>
/// Uploads over the limit or of the wrong type: refused in the browser before anything is sent, and, when a
/// client sends a 50 MB body anyway, answered by the running service with a way back to the claim.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class UploadLimitTests(BrowserFixture fixture)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();

    private static async Task<string> DraftAsync(IPage page)
    {
        var caseNo = Random.Shared.Next(100_000, 999_999);
        await page.GotoAsync("/Applicant/Claims/New");
        await page.SelectOptionAsync("#applicantType", "natural_person");
        await page.FillAsync("#name", "张明");
        await page.FillAsync("#idNumber", "33010219800101123X");
        await page.SelectOptionAsync("#domicileInCounty", "true");
        await page.FillAsync("#caseNumber", $"（2024）浙02民初{caseNo}号");
        await page.FillAsync("#court", "宁波市中级人民法院");
        await page.SelectOptionAsync("#caseType", "trademark");
        await page.SelectOptionAsync("#outcome", "won");
        await page.CheckAsync("input[name='partyRole'][value='plaintiff']");
        await page.FillAsync("#judgmentEffectiveDate", "2024-05-20");
        await page.FillAsync("#agencyFee", "8,000元");
        await page.FillAsync("input[name='invoices[0].number']", $"2024{caseNo:0000000}");
        await page.FillAsync("input[name='invoices[0].amount']", "８０００");
        await page.FillAsync("#bankName", "中国工商银行某县支行");
        await page.FillAsync("#accountNumber", "6222021234567890");
        await page.ClickAsync("button:has-text('保存草稿')");
        await Assertions.Expect(page.Locator("#kind")).ToBeVisibleAsync();
        return new Uri(page.Url).AbsolutePath;
    }

    [Fact]
    public async Task The_browser_refuses_a_file_over_the_limit_or_of_another_type_before_sending_it()
    {
        var page = await fixture.SignedInAsync("applicant.demo");
        var claim = await DraftAsync(page);
        var posts = 0;
        page.Request += (_, r) => { if (r.Method == "POST") posts++; };

        await page.SetInputFilesAsync("#file", new FilePayload { Name = "判决书.pdf", MimeType = "application/pdf", Buffer = new byte[11 * 1024 * 1024] });
        await Assertions.Expect(page.Locator("#err-file-check")).ToContainTextAsync("单个文件不能超过 10 MB");
        await Assertions.Expect(page.Locator("#file")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.ClickAsync("button:has-text('上传')");
        await Assertions.Expect(page.Locator("#err-file-check")).ToContainTextAsync("所选文件 11.0 MB");

        await page.SetInputFilesAsync("#file", new FilePayload { Name = "说明.txt", MimeType = "text/plain", Buffer = "不是 PDF"u8.ToArray() });
        await page.ClickAsync("button:has-text('上传')");
        await Assertions.Expect(page.Locator("#err-file-check")).ToContainTextAsync("只接受 PDF、PNG 或 JPEG");
        posts.Should().Be(0, "nothing was sent");
        new Uri(page.Url).AbsolutePath.Should().Be(claim);

        await page.SetInputFilesAsync("#file", new FilePayload { Name = "判决书.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await Assertions.Expect(page.Locator("#err-file-check")).ToHaveCountAsync(0);
        await page.ClickAsync("button:has-text('上传')");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("已上传“判决书.pdf”");
    }

    [Fact]
    public async Task A_fifty_megabyte_body_sent_to_the_running_service_comes_back_to_the_claim_page()
    {
        var page = await fixture.SignedInAsync("applicant.demo");
        var claim = await DraftAsync(page);
        var token = TokenField().Match(await page.ContentAsync()).Groups[1].Value;
        token.Should().NotBeEmpty();

        // The browser's own cookies, sent by a client that skips the page's script, as a script or an old browser would.
        var cookies = new CookieContainer();
        foreach (var c in await page.Context.CookiesAsync())
            cookies.Add(fixture.Service.BaseUrl, new System.Net.Cookie(c.Name, c.Value, "/"));
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = fixture.Service.BaseUrl, Timeout = TimeSpan.FromMinutes(2),
        };
        http.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent("judgment"), "kind");
        var file = new ByteArrayContent(new byte[50 * 1024 * 1024]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "判决书.pdf");

        var post = await http.PostAsync(claim + "?handler=Upload", form);

        post.StatusCode.Should().Be(HttpStatusCode.SeeOther, await post.Content.ReadAsStringAsync());
        post.Headers.Location!.ToString().Should().Be(claim);
        var back = WebUtility.HtmlDecode(await http.GetStringAsync(claim));
        back.Should().Contain("文件过大：单个文件不能超过 10 MB").And.NotContain("请求无效");
        back.Should().MatchRegex("name=\"file\"[^>]*aria-invalid=\"true\"");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
