using System.Text;
using FluentAssertions;
using SubsidyService.Domain.Screening;

namespace SubsidyService.Domain.Tests.Screening;

/// <summary>Canonical form over many random case numbers rewritten the ways people type them.</summary>
public class CaseNumberPropertyTests
{
    private const int Cases = 10_000;
    private const string Provinces = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川贵云陕甘青蒙桂藏宁新";
    private static readonly string[] Types = ["民初", "民终", "知民初", "知民终", "刑初", "行初", "民申", "执"];
    private static readonly (char Open, char Close)[] Brackets =
        [('(', ')'), ('（', '）'), ('〔', '〕'), ('［', '］'), ('【', '】'), ('[', ']'), ('〈', '〉'), ('﹝', '﹞')];
    private static readonly string[] Spaces = [" ", "\u3000", "\t", "\n", "\u00A0", "  "];

    private static string RandomCaseNumber(Random r) =>
        $"({r.Next(1990, 2031)}){Provinces[r.Next(Provinces.Length)]}{r.Next(0, 10000):00}{Types[r.Next(Types.Length)]}" +
        $"{r.Next(1, 100000)}{(r.Next(4) == 0 ? "ab" : "")}号";

    /// <summary>Full-width digits and letters, another bracket style, whitespace sprinkled anywhere.</summary>
    private static string Retype(Random r, string s)
    {
        var (open, close) = Brackets[r.Next(Brackets.Length)];
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            if (r.Next(5) == 0)
                sb.Append(Spaces[r.Next(Spaces.Length)]);
            sb.Append(c switch
            {
                '(' => open,
                ')' => close,
                _ when char.IsAsciiLetterOrDigit(c) && r.Next(2) == 0 => (char)(c + 0xFEE0),
                _ when char.IsAsciiLetterLower(c) && r.Next(2) == 0 => char.ToUpperInvariant(c),
                _ => c,
            });
        }

        if (r.Next(3) == 0)
            sb.Append(Spaces[r.Next(Spaces.Length)]);
        return sb.ToString();
    }

    [Fact]
    public void Canonical_is_idempotent_and_invariant_under_width_brackets_and_whitespace()
    {
        var r = new Random(2023_02);
        for (var i = 0; i < Cases; i++)
        {
            var original = RandomCaseNumber(r);
            var canonical = CaseNumber.Canonical(original);
            var retyped = Retype(r, original);

            CaseNumber.Canonical(canonical).Should().Be(canonical);
            CaseNumber.Canonical(retyped).Should().Be(canonical, $"“{retyped}” is “{original}” retyped");
            canonical.Should().NotContainAny(" ", "\u3000", "（", "〔", "［");
            CaseNumber.TryParse(retyped).Should().Be(CaseNumber.TryParse(original));
        }
    }

    /// <summary>
    /// One case's family: each spelling may put 第 before the serial, pad the serial with zeros, and be retyped
    /// with other widths, brackets and spaces. Every member has the family's one canonical form, which is a fixed point.
    /// </summary>
    [Fact]
    public void Every_spelling_in_a_family_of_one_case_number_has_one_canonical_form()
    {
        var r = new Random(2025_7781);
        for (var i = 0; i < Cases / 10; i++)
        {
            var year = r.Next(1990, 2031);
            var court = $"{Provinces[r.Next(Provinces.Length)]}{r.Next(0, 10000):00}";
            var type = Types[r.Next(Types.Length)];
            var serial = r.Next(1, 100000);
            var expected = $"({year}){court}{type}{serial}号";
            for (var j = 0; j < 8; j++)
            {
                var spelling = $"({year}){court}{type}{(r.Next(2) == 0 ? "第" : "")}{new string('0', r.Next(0, 4))}{serial}号";
                var retyped = Retype(r, spelling);
                CaseNumber.Canonical(retyped).Should().Be(expected, $"“{retyped}” spells {expected}");
                CaseNumber.Canonical(expected).Should().Be(expected);
                CaseNumber.IsCanonical(expected).Should().BeTrue();
            }
        }
    }

    [Fact]
    public void Canonical_is_idempotent_on_arbitrary_text()
    {
        var r = new Random(7);
        for (var i = 0; i < Cases; i++)
        {
            var chars = Enumerable.Range(0, r.Next(0, 20)).Select(_ => (char)r.Next(0x20, 0x3100))
                .Where(c => !char.IsSurrogate(c)).ToArray();
            var canonical = CaseNumber.Canonical(new string(chars));
            CaseNumber.Canonical(canonical).Should().Be(canonical, $"for U+{string.Join(" U+", chars.Select(c => ((int)c).ToString("X4")))}");
        }
    }

    /// <summary>POLICY.md's rule written out plainly, without the shortcut for text that is canonical already.</summary>
    private static string Reference(string s)
    {
        static string Once(string t) => new(t.Normalize(System.Text.NormalizationForm.FormKC)
            .Where(c => !char.IsWhiteSpace(c) && c is not ('\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF'))
            .Select(c => "(（〔［【[〈﹝⦅｟〖〘".Contains(c) ? '(' : ")）〕］】]〉﹞⦆｠〗〙".Contains(c) ? ')' : c is >= 'a' and <= 'z' ? char.ToUpperInvariant(c) : c)
            .ToArray());
        return Once(Once(s));
    }

    [Fact]
    public void The_shortcut_for_canonical_text_gives_what_the_full_rule_gives()
    {
        var r = new Random(11);
        var canonicalSeen = 0;
        for (var i = 0; i < Cases; i++)
        {
            // Half the inputs are canonical already, so that the shortcut is taken often.
            var raw = new string(Enumerable.Range(0, r.Next(0, 20)).Select(_ => (char)r.Next(0x20, 0x3100))
                .Where(c => !char.IsSurrogate(c)).ToArray());
            var text = i % 2 == 0 ? Reference(raw) : raw;
            if (CaseNumber.IsCanonical(text)) canonicalSeen++;
            CaseNumber.Canonical(text).Should().Be(Reference(text), $"for U+{string.Join(" U+", text.Select(c => ((int)c).ToString("X4")))}");
            CaseNumber.IsCanonical(CaseNumber.Canonical(text)).Should().BeTrue();
        }
        canonicalSeen.Should().BeGreaterThan(Cases / 3);
        CaseNumber.IsCanonical("（2023）浙02民初123号").Should().BeFalse();
        CaseNumber.IsCanonical("(2023)浙02民初 123号").Should().BeFalse();
        CaseNumber.IsCanonical("(2023)浙02民初123号").Should().BeTrue();
    }
}
