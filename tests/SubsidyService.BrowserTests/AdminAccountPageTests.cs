using Microsoft.Playwright;

namespace SubsidyService.BrowserTests;

/// <summary>
/// A person reads the service guide and registers with the personal-information consent; the administrator resets
/// their password on the account page; their next sign-in leads to the change-password page and nowhere else.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminAccountPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_reset_password_is_shown_once_to_the_admin_and_its_owner_sets_a_new_one_at_sign_in()
    {
        var username = "reset." + Guid.NewGuid().ToString("N")[..8];
        var applicant = await fixture.NewPageAsync();
        await applicant.GotoAsync("/");
        await Assertions.Expect(applicant.Locator("#service-guide")).ToContainTextAsync("不收费");
        await Assertions.Expect(applicant.Locator("#service-guide")).ToContainTextAsync("审核时限");
        await applicant.ClickAsync("#service-guide a[href='/Guide/Basis']");
        await Assertions.Expect(applicant.Locator("#item13")).ToContainTextAsync("按照维权代理费的50%给予补助");
        await applicant.SetViewportSizeAsync(375, 800);
        await applicant.GotoAsync("/");
        await applicant.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("service-guide-375") });
        await applicant.SetViewportSizeAsync(1280, 900);

        await applicant.GotoAsync("/Account/Register");
        await applicant.FillAsync("#Username", username);
        await applicant.FillAsync("#DisplayName", "王重置");
        await applicant.FillAsync("#Email", username + "@test.example");
        await applicant.FillAsync("#Password", "First-Passw0rd-2026");
        await applicant.CheckAsync("#PrivacyConsent");
        await applicant.ClickAsync("button:has-text('注册')");
        await Assertions.Expect(applicant.Locator("h1")).ToHaveTextAsync("我的申请");

        var admin = await fixture.SignedInAsync("admin.demo");
        await admin.GotoAsync("/Admin?q=" + username);
        await admin.ClickAsync($"a:has-text('{username}')");
        await Assertions.Expect(admin.Locator("h1")).ToContainTextAsync(username);
        admin.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await admin.ClickAsync("button:has-text('重置密码')");
        var oneTime = (await admin.Locator("#one-time-password .otp").TextContentAsync())!.Trim();
        await admin.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("admin-account-reset"), FullPage = true });
        await admin.SetViewportSizeAsync(375, 800);
        await admin.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("admin-account-reset-375") });

        await applicant.GotoAsync("/Applicant");
        await Assertions.Expect(applicant).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        var owner = await BrowserFixture.SignInAsync(await fixture.NewPageAsync(), username, oneTime);
        await Assertions.Expect(owner).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Password$"));
        await Assertions.Expect(owner.Locator("#password-change-required")).ToBeVisibleAsync();
        await owner.GotoAsync("/Applicant/Claims/New");
        await Assertions.Expect(owner).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Password$"));

        await owner.FillAsync("#CurrentPassword", oneTime);
        await owner.FillAsync("#NewPassword", "Second-Passw0rd-2026");
        await owner.FillAsync("#ConfirmPassword", "Second-Passw0rd-2026");
        await owner.ClickAsync("main button:has-text('修改密码')");
        await Assertions.Expect(owner.Locator(".success")).ToContainTextAsync("密码已修改");
        await owner.GotoAsync("/Applicant");
        await Assertions.Expect(owner.Locator("h1")).ToHaveTextAsync("我的申请");
    }
}
