using FluentAssertions;
using Microsoft.Playwright;

namespace SubsidyService.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class EstimatePageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_estimate_follows_the_typing_without_a_page_load()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Estimate");
        var loads = 0;
        page.Load += (_, _) => loads++;

        await page.SelectOptionAsync("#applicantType", "natural_person");
        await page.SelectOptionAsync("#domicileInCounty", "true");
        await page.SelectOptionAsync("#caseType", "patent_infringement");
        await page.SelectOptionAsync("#outcome", "won");
        await page.FillAsync("#name", "张明");
        await page.FillAsync("#idNumber", "11010519491231002X");
        await page.FillAsync("#caseNumber", "（2024）浙02民初123号");
        await page.FillAsync("#court", "宁波市中级人民法院");
        await page.FillAsync("#judgmentEffectiveDate", "2024-05-20");
        await page.FillAsync("#agencyFee", "12000.00");
        await page.FillAsync("input[name='invoices[0].number']", "12345678");
        await page.FillAsync("input[name='invoices[0].code']", "3302231130");
        await page.FillAsync("input[name='invoices[0].amount']", "12000.00");

        var result = page.Locator("#estimate-result");
        await Assertions.Expect(result).ToContainTextAsync("5000.00", new() { Timeout = 10_000 });
        await Assertions.Expect(result).ToContainTextAsync("人民币伍仟元整");
        await Assertions.Expect(result).ToContainTextAsync("50%");
        await Assertions.Expect(result).ToContainTextAsync("对自然人补助不超过5000元");

        await page.FillAsync("#agencyFee", "8000.00");
        await page.FillAsync("input[name='invoices[0].amount']", "8000.00");
        await Assertions.Expect(result).ToContainTextAsync("人民币肆仟元整", new() { Timeout = 10_000 });
        loads.Should().Be(0, "the estimate is fetched by the page's script, not by posting the form");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("estimate"), FullPage = true });
    }

    [Fact]
    public async Task A_bad_id_number_is_shown_beside_its_field_while_typing()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Estimate");
        await page.SelectOptionAsync("#applicantType", "natural_person");
        await page.FillAsync("#idNumber", "110105194912310021");
        await page.PressAsync("#idNumber", "Tab");
        await page.FillAsync("#agencyFee", "8000.00");
        await Assertions.Expect(page.Locator(".field-error[data-field=idNumber]")).ToContainTextAsync("身份证", new() { Timeout = 10_000 });
    }
}
