using FluentAssertions;
using Microsoft.Playwright;

namespace SubsidyService.BrowserTests;

/// <summary>
/// A person without a mouse: focus moves only with Tab, text is typed, a list's choice moves with the arrow keys,
/// a radio is chosen with Space and a button pressed with Enter. The page is read (which element has the focus,
/// what a field holds) but never clicked or filled directly.
/// </summary>
public sealed class KeyboardOnly(IPage page)
{
    private const int MaxTabs = 60;

    /// <summary>Presses Tab until the focus is on <paramref name="selector"/>; fails if it never gets there.</summary>
    public async Task TabToAsync(string selector)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector)) return;
            await page.Keyboard.PressAsync("Tab");
        }
        var at = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML?.slice(0, 160) ?? 'nothing'");
        throw new InvalidOperationException($"{selector} is not reachable with Tab (after {MaxTabs} presses the focus is on {at})");
    }

    public async Task TypeAsync(string selector, string text)
    {
        await TabToAsync(selector);
        await page.Keyboard.TypeAsync(text);
        (await Value()).Should().Be(text, "typing into {0} gives what was typed", selector);
    }

    /// <summary>Moves a focused list's choice with ArrowDown until it holds <paramref name="value"/>.</summary>
    public async Task ChooseAsync(string selector, string value)
    {
        await TabToAsync(selector);
        for (var i = 0; i < 20 && await Value() != value; i++) await page.Keyboard.PressAsync("ArrowDown");
        (await Value()).Should().Be(value, "the arrow keys choose {0} in {1}", value, selector);
    }

    /// <summary>
    /// A date field takes its parts typed in the order the browser's language shows them (年/月/日 in Chinese). The
    /// year part takes up to six digits, so the right arrow moves on to the month; month and day move on by themselves.
    /// </summary>
    public async Task TypeDateAsync(string selector, DateOnly date)
    {
        await TabToAsync(selector);
        await page.Keyboard.TypeAsync(date.ToString("yyyy"));
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.TypeAsync(date.ToString("MM"));
        await page.Keyboard.TypeAsync(date.ToString("dd"));
        (await Value()).Should().Be(date.ToString("yyyy-MM-dd"), "the date typed into {0}", selector);
    }

    public async Task CheckAsync(string selector)
    {
        await TabToAsync(selector);
        await page.Keyboard.PressAsync("Space");
        (await page.EvaluateAsync<bool>("() => document.activeElement.checked")).Should().BeTrue("Space checks {0}", selector);
    }

    public async Task PressAsync(string selector)
    {
        await TabToAsync(selector);
        await page.Keyboard.PressAsync("Enter");
    }

    private Task<string> Value() => page.EvaluateAsync<string>("() => document.activeElement.value");
}
