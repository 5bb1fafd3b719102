using FluentAssertions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SubsidyService.BrowserTests;

/// <summary>
/// Every page of every role (<see cref="SiteTour"/>), not only the journey's: none scrolls sideways on a phone
/// (375 px), and none has a critical or serious WCAG 2.2 AA violation (axe-core) at 1280 or 375 px. Hangfire's
/// dashboard (/jobs) is reported, not failed: the project does not write its markup.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPageTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task No_page_of_any_role_scrolls_sideways_on_a_phone()
    {
        var tour = await SiteTour.OfAsync(fixture);
        var problems = new List<string>();
        await WalkAsync(tour, PageChecks.Narrow, problems, async (stop, page) =>
        {
            var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
            if (widths[0] <= widths[1]) return;
            var finding = $"{stop.Role} {stop.Path}: {widths[0]} px wide at {widths[1]} px ({await PageChecks.WidestAsync(page)})";
            if (stop.Ours) problems.Add(finding);
            else output.WriteLine("reported, not failed: " + finding);
        });

        // The claim form with five invoices, added as an applicant adds them, on the form's own page.
        var form = await PhonePageAsync("applicant.demo");
        await form.GotoAsync("/Applicant/Claims/New");
        for (var i = 0; i < 4; i++) await form.ClickAsync("button[data-add=invoices]");
        await Assertions.Expect(form.Locator("table[data-rows=invoices] tbody tr")).ToHaveCountAsync(5);
        var formWidth = await form.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        if (formWidth[0] > formWidth[1]) problems.Add($"the claim form with five invoices: {formWidth[0]} px wide ({await PageChecks.WidestAsync(form)})");

        output.WriteLine($"{tour.Stops.Count} pages looked at, at {PageChecks.Narrow} px");
        problems.Should().BeEmpty("no page may scroll sideways on a phone");
    }

    [Fact]
    public async Task No_page_of_any_role_has_a_critical_or_serious_accessibility_violation_at_either_width()
    {
        Axe.EnsureInstalled();
        var tour = await SiteTour.OfAsync(fixture);
        var problems = new List<string>();
        foreach (var width in new[] { PageChecks.Wide, PageChecks.Narrow })
        {
            await WalkAsync(tour, width, problems, async (stop, page) =>
            {
                // The payout batch page reloads itself every 2 s while its batch runs; replacing that by polling
                // belongs to the money screens' rework (issue 22 item 6). Only that rule is left out, on that page only.
                var disabled = stop.IsPayoutBatch ? new[] { "meta-refresh" } : [];
                var violations = await RunAxeAsync(page, disabled);
                foreach (var v in violations)
                {
                    var finding = $"{width} px {stop.Role} {stop.Path}: {v}";
                    if (stop.Ours && v.Serious) problems.Add(finding);
                    else output.WriteLine("reported, not failed: " + finding);
                }
            });
        }
        output.WriteLine($"{tour.Stops.Count} pages checked at {PageChecks.Wide} and {PageChecks.Narrow} px");
        problems.Should().BeEmpty("the service's own pages must have no critical or serious WCAG 2.2 AA violation");
    }

    private static readonly string[] Statuses =
    [
        "draft", "submitted", "under_review", "supplement_requested", "verified", "in_public_notice",
        "ready_for_payout", "in_payout", "paid", "payout_failed", "rejected", "withdrawn",
    ];

    [Fact]
    public async Task Every_status_badge_reads_at_4_5_to_1_and_none_is_struck_through()
    {
        var page = await PageAtAsync(PageChecks.Wide);
        await page.GotoAsync("/Notice");
        // Each status's badge as the pages write it (ClaimText.Badge), its contrast computed from the colours the
        // browser resolved (WCAG 2.x relative luminance), not read off the stylesheet by eye.
        var measured = await page.EvaluateAsync<string[][]>("""
            statuses => {
              const channel = c => { c /= 255; return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
              const rgb = s => s.match(/[\d.]+/g).slice(0, 3).map(Number);
              const luminance = s => { const [r, g, b] = rgb(s).map(channel); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
              return statuses.map(status => {
                const badge = document.createElement('span');
                badge.className = 'badge st-' + status;
                badge.textContent = status;
                document.querySelector('main').appendChild(badge);
                const style = getComputedStyle(badge);
                const [a, b] = [luminance(style.color), luminance(style.backgroundColor)];
                const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                const alpha = style.backgroundColor.startsWith('rgba') ? style.backgroundColor : 'opaque';
                const decoration = style.textDecoration;
                badge.remove(); // the computed style is live: read everything before this
                return [status, ratio.toFixed(2), decoration, alpha];
              });
            }
            """, Statuses);
        foreach (var m in measured) output.WriteLine(string.Join(" ", m));
        measured.Should().OnlyContain(m => m[3] == "opaque", "a badge's contrast is measured against its own background");
        measured.Where(m => double.Parse(m[1], System.Globalization.CultureInfo.InvariantCulture) < 4.5).Select(m => $"{m[0]} {m[1]}:1")
            .Should().BeEmpty("every status badge must read at 4.5:1 or more");
        measured.Should().OnlyContain(m => m[2].Length > 0, "the browser reports each badge's text decoration");
        measured.Where(m => m[2].Contains("line-through", StringComparison.Ordinal) || m[2].Contains("underline", StringComparison.Ordinal))
            .Select(m => $"{m[0]}: {m[2]}").Should().BeEmpty("no status is struck through or underlined");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_claim_form_shows_invoices_as_labelled_cards_and_the_menu_folds_behind_a_button()
    {
        var tour = await SiteTour.OfAsync(fixture);
        var page = await PhonePageAsync("applicant.demo");
        await page.GotoAsync($"/Applicant/Claims/{tour.DraftWithFiveInvoices}/Edit");
        var rows = page.Locator("table[data-rows=invoices] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(5);

        // Cards: each invoice a block as wide as the form, its fields one under another, each with its label shown.
        var cards = await rows.EvaluateAllAsync<double[][]>(
            "rows => rows.map(r => [r.getBoundingClientRect().width, r.closest('fieldset').getBoundingClientRect().width, getComputedStyle(r).display === 'block' ? 1 : 0])");
        cards.Should().OnlyContain(c => c[2] == 1 && c[0] >= c[1] - 2, "each invoice is a card as wide as its section");
        foreach (var label in new[] { "发票号码", "发票代码", "发票金额", "开票日期" })
        {
            var shown = page.Locator("table[data-rows=invoices] .cell-label", new() { HasText = label });
            await Assertions.Expect(shown).ToHaveCountAsync(5);
            foreach (var one in await shown.AllAsync()) await Assertions.Expect(one).ToBeVisibleAsync();
        }
        var inputs = await page.Locator("table[data-rows=invoices] input").EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().width)");
        inputs.Should().OnlyContain(w => w >= 250, "an invoice's field is wide enough to type into on a phone");
        await page.ScreenshotAsync(new() { Path = Shot("applicant-claim-form-five-invoices-375"), FullPage = true });

        // On a wide screen the same rows are a table again, the labels for screen readers only.
        await page.SetViewportSizeAsync(PageChecks.Wide, 900);
        await Assertions.Expect(page.Locator("table[data-rows=invoices] thead")).ToBeVisibleAsync();
        (await page.Locator("table[data-rows=invoices] .cell-label").First.BoundingBoxAsync())!.Width.Should().BeLessThan(2);
        await page.SetViewportSizeAsync(PageChecks.Narrow, 900);

        // The menu: a real button saying whether the navigation is open and which element it opens.
        var menu = page.Locator("button.menu-button");
        var nav = page.Locator("#site-nav");
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-controls", "site-nav");
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(nav).ToBeHiddenAsync();
        await menu.ClickAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(nav.Locator("a", new() { HasText = "补助公示" })).ToBeVisibleAsync();
        (await WrappedNavItemsAsync(page)).Should().BeEmpty("no navigation item breaks inside its words on a phone");
        await page.ScreenshotAsync(new() { Path = Shot("applicant-menu-open-375") });
        await nav.Locator("a").First.FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(menu).ToBeFocusedAsync();

        // A claim page's own links (打印, 返回…) sit under its title on a phone, each on one line.
        var verifier = await PhonePageAsync("verifier.demo");
        await verifier.GotoAsync(tour.Stops.First(s => s.Path.StartsWith("/Verifier/Claims/", StringComparison.Ordinal)).Path);
        (await verifier.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.page-head a')].filter(el => {
              const range = document.createRange();
              range.selectNodeContents(el);
              return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size > 1;
            }).map(el => el.textContent.trim())
            """)).Should().BeEmpty("a page's own links never break inside their words on a phone");

        // Wider than a phone the navigation is open, no button, and still no item breaks (the longest: finance's).
        var finance = await PhonePageAsync("finance.demo");
        foreach (var width in new[] { 720, 900, 1024, PageChecks.Wide })
        {
            await finance.SetViewportSizeAsync(width, 900);
            await finance.GotoAsync("/Finance");
            await Assertions.Expect(finance.Locator("button.menu-button")).ToBeHiddenAsync();
            await Assertions.Expect(finance.Locator("#site-nav a", new() { HasText = "拨付批次" })).ToBeVisibleAsync();
            (await WrappedNavItemsAsync(finance)).Should().BeEmpty("no navigation item breaks inside its words at {0} px", width);
            (await finance.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth")).Should().BeLessThanOrEqualTo(width);
        }
    }

    /// <summary>Navigation items whose text takes more than one line (a range over the text has one box per line).</summary>
    private static Task<string[]> WrappedNavItemsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('#site-nav a, #site-nav .who, #site-nav button')].filter(el => {
          const range = document.createRange();
          range.selectNodeContents(el);
          const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
          return lines.size > 1;
        }).map(el => el.textContent.trim())
        """);

    /// <summary>Screenshots of the key pages of each role at both widths, for a person to look at.</summary>
    [Fact]
    public async Task Key_pages_are_photographed_at_both_widths()
    {
        var tour = await SiteTour.OfAsync(fixture);
        var verifierClaim = tour.Stops.First(s => s.Role == "verifier" && s.Path.StartsWith("/Verifier/Claims/", StringComparison.Ordinal)).Path;
        var applicantClaim = tour.Stops.First(s => s.Role == "applicant" && s.Path.StartsWith("/Applicant/Claims/", StringComparison.Ordinal)
                                                    && !s.Path.EndsWith("/Edit", StringComparison.Ordinal) && !s.Path.EndsWith("/New", StringComparison.Ordinal)).Path;
        var pages = new (string User, string Name, string Path)[]
        {
            ("applicant.demo", "applicant-claim-form", $"/Applicant/Claims/{tour.DraftWithFiveInvoices}/Edit"),
            ("applicant.demo", "applicant-home", "/Applicant"),
            ("applicant.demo", "applicant-claim", applicantClaim),
            ("verifier.demo", "verifier-claim", verifierClaim),
            ("verifier.demo", "verifier-registers", "/Verifier/Registers"),
            ("finance.demo", "finance-payouts", "/Finance/Payouts"),
            ("finance.demo", "finance-home", "/Finance"),
            ("auditor.demo", "auditor-home", "/Auditor"),
            ("admin.demo", "admin-policies", "/Admin/Policies"),
        };
        foreach (var width in new[] { PageChecks.Wide, PageChecks.Narrow })
        {
            foreach (var person in pages.GroupBy(p => p.User))
            {
                var page = await BrowserFixture.SignInAsync(await PageAtAsync(width), person.Key);
                foreach (var (_, name, path) in person)
                {
                    await page.GotoAsync(path);
                    var file = Shot($"{name}-{width}");
                    await page.ScreenshotAsync(new() { Path = file, FullPage = true });
                    File.Exists(file).Should().BeTrue();
                }
                await page.Context.CloseAsync();
            }
        }
    }

    /// <summary>Beside the journey's, where a person looks at the pages after a run.</summary>
    private static string Shot(string name) => BrowserFixture.ScreenshotPath("tour-" + name);

    /// <summary>A page reloading itself (the running payout batch) can take the document away mid-run: run again on the new one.</summary>
    private static async Task<IReadOnlyList<Axe.Violation>> RunAxeAsync(IPage page, string[] disabled)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Axe.RunAsync(page, disabled);
            }
            catch (PlaywrightException e) when (attempt < 5 && e.Message.Contains("context was destroyed", StringComparison.OrdinalIgnoreCase))
            {
                await page.WaitForLoadStateAsync(LoadState.Load);
            }
        }
    }

    /// <summary>Visits every stop, one signed-in browser per person, at <paramref name="width"/>; every page must answer 2xx.</summary>
    private async Task WalkAsync(SiteTour tour, int width, List<string> failures, Func<SiteTour.Stop, IPage, Task> look)
    {
        foreach (var person in tour.Stops.GroupBy(s => s.Username))
        {
            var page = await PageAtAsync(width);
            if (person.Key is { } user) await BrowserFixture.SignInAsync(page, user);
            foreach (var stop in person)
            {
                var response = await page.GotoAsync(stop.Path);
                if (response is null || response.Status >= 400)
                {
                    failures.Add($"{stop.Role} {stop.Path} answered {response?.Status}: every page of the tour must open for its role");
                    continue;
                }
                await look(stop, page);
            }
            await page.Context.CloseAsync();
        }
    }

    private async Task<IPage> PageAtAsync(int width)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Service.BaseUrl.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            // The service's Content-Security-Policy allows no inline script; axe is injected as one.
            BypassCSP = true,
            // Not IsMobile: a mobile viewport zooms out to fit a page that is too wide, hiding the very overflow looked for.
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    private async Task<IPage> PhonePageAsync(string username) => await BrowserFixture.SignInAsync(await PageAtAsync(PageChecks.Narrow), username);
}
