using Microsoft.Playwright;

namespace SubsidyService.BrowserTests;

/// <summary>
/// What every page the journey visits must do, checked on each without the test naming it: a title, a label for
/// every field, alt text for every image, no console or script error, no request answered 4xx/5xx that the test
/// did not provoke on purpose, no horizontal scroll at 375 px (a phone) or 1280 px (a desktop) wide, and every
/// control reachable with the Tab key, with focus never held in one place (no keyboard trap).
/// </summary>
public sealed partial class PageChecks
{
    public const int Narrow = 375;
    public const int Wide = 1280;
    private const int Height = 900;

    private static readonly HashSet<string> Walked = [];
    private readonly List<string> _problems = [];
    private readonly List<(int Status, string PathPart)> _expected = [];
    private readonly List<(int Status, string PathPart)> _allowed = [];

    private PageChecks(IPage page)
    {
        page.Console += (_, m) =>
        {
            // A 4xx/5xx also shows as "Failed to load resource"; the responses are judged below, each against
            // what the test expected, so the console's copy of them is not counted twice.
            if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                Add($"console error on {page.Url}: {m.Text}");
        };
        page.PageError += (_, error) => Add($"script error on {page.Url}: {error}");
        page.Response += (_, r) =>
        {
            if (r.Status < 400) return;
            var path = new Uri(r.Url).PathAndQuery;
            lock (_expected)
            {
                var i = _expected.FindIndex(e => e.Status == r.Status && path.Contains(e.PathPart, StringComparison.Ordinal));
                if (i >= 0) { _expected.RemoveAt(i); return; }
                if (_allowed.Any(e => e.Status == r.Status && path.Contains(e.PathPart, StringComparison.Ordinal))) return;
            }
            Add($"{r.Request.Method} {path} answered {r.Status}");
        };
    }

    public static PageChecks Watch(IPage page) => new(page);

    /// <summary>An answer the test provokes on purpose (a forged post, another's claim): allowed once.</summary>
    public void Expect(int status, string pathPart)
    {
        lock (_expected) _expected.Add((status, pathPart));
    }

    /// <summary>An answer that is part of how a page works (the live estimate's 400 naming a field not yet valid): allowed from now on.</summary>
    public void Allow(int status, string pathPart)
    {
        lock (_expected) _allowed.Add((status, pathPart));
    }

    private void Add(string problem)
    {
        lock (_problems) _problems.Add(problem);
    }

    /// <summary>Errors and unexpected answers seen since the last call; the list is emptied.</summary>
    public IReadOnlyList<string> TakeRuntimeProblems()
    {
        lock (_problems)
        {
            var taken = _problems.ToList();
            _problems.Clear();
            return taken;
        }
    }

    /// <summary>Checks the page as it stands; <paramref name="structure"/> false for a page the project does not write (the job dashboard).</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(IPage page, bool structure = true)
    {
        var problems = new List<string>();
        if (structure)
        {
            problems.AddRange(await page.EvaluateAsync<string[]>(StructureScript));
            foreach (var width in new[] { Narrow, Wide })
            {
                await page.SetViewportSizeAsync(width, Height);
                var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                if (widths[0] > widths[1])
                    problems.Add($"scrolls sideways at {width} px: {widths[0]} px wide ({await WidestAsync(page)})");
            }
            // The Tab walk is the slow check: a page shown again with the same controls (the claim page after
            // each step) is not walked again.
            var controls = await page.EvaluateAsync<string>(
                "() => [...document.querySelectorAll('a[href], button, input, select, textarea, summary')].map(e => e.tagName + (e.name || e.textContent.trim().slice(0, 12))).join('|')");
            bool firstWalk;
            lock (Walked) firstWalk = Walked.Add(GuidPattern().Replace(new Uri(page.Url).AbsolutePath, "{id}") + "\n" + GuidPattern().Replace(controls, "{id}"));
            if (firstWalk) problems.AddRange(await KeyboardProblemsAsync(page));
        }
        // A late script error or failed fetch is caught by waiting for the page to settle first.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 10_000 });
        problems.AddRange(TakeRuntimeProblems());
        return problems;
    }

    /// <summary>Which elements stick out past the right edge, to say where the sideways scroll comes from.</summary>
    internal static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>("""
        () => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
            .filter(el => !el.parentElement || el.parentElement.getBoundingClientRect().right <= window.innerWidth + 1)
            .slice(0, 5)
            .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '')
                 + ' right=' + Math.round(el.getBoundingClientRect().right))
            .join(', ')
        """);

    private const string StructureScript = """
        () => {
          const problems = [];
          const title = document.title.trim();
          if (!title || title.startsWith('·')) problems.push(`no title of its own: "${document.title}"`);
          const named = el => {
            if (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`)) return true;
            if (el.closest('label')) return true;
            if ((el.getAttribute('aria-label') || '').trim()) return true;
            const by = el.getAttribute('aria-labelledby');
            return !!by && by.split(/\s+/).some(id => (document.getElementById(id)?.textContent || '').trim());
          };
          for (const el of document.querySelectorAll('input, select, textarea')) {
            if (['hidden', 'submit', 'button', 'reset', 'image'].includes((el.getAttribute('type') || '').toLowerCase())) continue;
            if (!named(el)) problems.push('field without a label: ' + el.outerHTML.slice(0, 160));
          }
          for (const img of document.querySelectorAll('img, input[type=image]'))
            if (!img.hasAttribute('alt')) problems.push('image without alt text: ' + img.outerHTML.slice(0, 160));
          for (const svg of document.querySelectorAll('[role=img]'))
            if (!(svg.getAttribute('aria-label') || '').trim() && !svg.getAttribute('aria-labelledby'))
              problems.push('image without a text alternative: ' + svg.outerHTML.slice(0, 160));
          return problems;
        }
        """;

    /// <summary>
    /// Presses Tab through the whole page twice over, recording where focus lands: every control must be reached
    /// (one radio per group, as browsers do), and focus must keep moving. An embedded document (a PDF preview) is
    /// not counted itself, since what happens inside it is the browser's viewer, but everything after it must be
    /// reached: a viewer that kept the focus would be a trap.
    /// </summary>
    private static async Task<IReadOnlyList<string>> KeyboardProblemsAsync(IPage page)
    {
        var count = await page.EvaluateAsync<int>("""
            () => {
              const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
              const seenGroups = new Set();
              window.__tabTargets = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
                .filter(el => el.tabIndex >= 0 && !el.disabled && el.type !== 'hidden' && visible(el) && !el.closest('[inert]'))
                .filter(el => {
                  if (el.type !== 'radio') return true;
                  if (seenGroups.has(el.name)) return false;
                  seenGroups.add(el.name);
                  return true;
                });
              window.__tabReached = new Set();
              window.__tabStops = [];
              window.__tabListener = e => {
                const target = e.composedPath()[0];
                const hit = window.__tabTargets.find(t => t === target || (t.type === 'radio' && target.type === 'radio' && t.name === target.name));
                if (hit) window.__tabReached.add(hit);
                window.__tabStops.push(target);
              };
              document.addEventListener('focusin', window.__tabListener, true);
              document.activeElement?.blur?.();
              return window.__tabTargets.length;
            }
            """);
        for (var i = 0; i < count * 2 + 6; i++) await page.Keyboard.PressAsync("Tab");
        var result = await page.EvaluateAsync<string[]>("""
            () => {
              document.removeEventListener('focusin', window.__tabListener, true);
              const problems = window.__tabTargets.filter(t => !window.__tabReached.has(t))
                .slice(0, 10).map(t => 'not reachable with Tab: ' + t.outerHTML.slice(0, 160));
              // Where focus stopped moving says whether something held it (a keyboard trap).
              if (problems.length > 0)
                problems.push('focus ended on: ' + (document.activeElement?.outerHTML || 'nothing').slice(0, 160));
              document.activeElement?.blur?.();
              return problems;
            }
            """);
        return result;
    }

    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial System.Text.RegularExpressions.Regex GuidPattern();
}
