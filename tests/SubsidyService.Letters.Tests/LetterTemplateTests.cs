using FluentAssertions;

namespace SubsidyService.Letters.Tests;

/// <summary>Templates are checked whole when they are loaded, so a mistake stops start-up, not a letter.</summary>
public sealed class LetterTemplateTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("letter-templates-");

    private string LettersDirectory => Path.Combine(_root.FullName, LetterTemplates.Subdirectory);

    public LetterTemplateTests()
    {
        Directory.CreateDirectory(LettersDirectory);
        foreach (var file in Directory.GetFiles(Path.Combine(LetterRendererFixture.TemplatesDirectory, LetterTemplates.Subdirectory)))
            File.Copy(file, Path.Combine(LettersDirectory, Path.GetFileName(file)));
    }

    public void Dispose() => _root.Delete(recursive: true);

    private void Edit(string file, string from, string to)
    {
        var path = Path.Combine(LettersDirectory, file);
        var text = File.ReadAllText(path);
        text.Should().Contain(from);
        File.WriteAllText(path, text.Replace(from, to));
    }

    [Fact]
    public void The_shipped_templates_load_and_match_the_repository()
    {
        var act = () => LetterTemplates.Load(LetterRendererFixture.TemplatesDirectory);
        act.Should().NotThrow();

        // The build copies templates/ beside the tests; the copy must be the repository's own.
        var repository = RepositoryTemplates();
        foreach (var file in Directory.GetFiles(LettersDirectory))
            File.ReadAllText(file).Should().Be(File.ReadAllText(Path.Combine(repository, Path.GetFileName(file))));
    }

    [Fact]
    public void A_template_naming_an_unknown_placeholder_is_refused_at_load()
    {
        Edit("approval.txt", "{applicantName}", "{applicantNmae}");

        var act = () => LetterTemplates.Load(_root.FullName);

        var problem = act.Should().Throw<LetterTemplateException>().Which.Problems.Should().ContainSingle().Subject;
        problem.Should().Contain("approval.txt:").And.Contain("{applicantNmae}").And.Contain("未知的占位符");
    }

    [Fact]
    public void A_placeholder_of_another_letter_or_section_is_unknown_too()
    {
        Edit("rejection.txt", "{reasonWording}", "{amount}");
        Edit("approval.txt", "{caseNumbers}一案", "{caseNumbers}{step}一案");

        var act = () => LetterTemplates.Load(_root.FullName);

        var problems = act.Should().Throw<LetterTemplateException>().Which.Problems;
        problems.Should().HaveCount(2);
        problems.Should().Contain(p => p.Contains("rejection.txt") && p.Contains("{amount}"));
        problems.Should().Contain(p => p.Contains("approval.txt") && p.Contains("{step}") && p.Contains("[opening]"));
    }

    [Theory]
    [InlineData("[closing]", "[closings]", "未知的段落 [closings]")]
    [InlineData("[qr-caption]\n扫码核验本通知书", "", "缺少段落 [qr-caption]")]
    [InlineData("{addressee}：", "{addressee：", "没有对应的 }")]
    [InlineData("申请人|{applicantName}", "申请人 {applicantName}", "恰好一个 |")]
    public void Malformed_templates_are_refused_with_the_file_and_what_is_wrong(string from, string to, string expected)
    {
        Edit("approval.txt", from, to);

        var act = () => LetterTemplates.Load(_root.FullName);

        var problems = act.Should().Throw<LetterTemplateException>().Which.Problems;
        problems.Should().Contain(p => p.Contains(expected));
        problems.Should().OnlyContain(p => p.Contains("approval.txt"));
    }

    [Fact]
    public void A_missing_template_file_is_named()
    {
        File.Delete(Path.Combine(LettersDirectory, "rejection.txt"));

        var act = () => LetterTemplates.Load(_root.FullName);

        act.Should().Throw<LetterTemplateException>().WithMessage("*rejection.txt*Templates:Directory*");
    }

    [Fact]
    public void Edited_wording_is_printed_without_recompiling()
    {
        Edit("rejection.txt", "特此告知。", "特此告知，{{请妥善保管}}。");

        using var renderer = LetterRenderer.Create(_root.FullName);
        var text = Poppler.Text(renderer.Render(LetterSamples.Rejection()));

        text.Should().Contain("特此告知，{请妥善保管}。");
    }

    [Fact]
    public void A_line_whose_placeholders_are_all_empty_is_left_out()
    {
        var line = TemplateLine.Parse("关联案号|{relatedCaseNumbers}", 1, out _)!;
        line.Fill(new Dictionary<string, string> { ["relatedCaseNumbers"] = "" }).Should().BeNull();
        line.Fill(new Dictionary<string, string> { ["relatedCaseNumbers"] = "(2026)浙民终1号" }).Should().Be("关联案号|(2026)浙民终1号");
        TemplateLine.Parse("特此通知。", 1, out _)!.Fill(new Dictionary<string, string>()).Should().Be("特此通知。");
    }

    private static string RepositoryTemplates()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "SubsidyService.sln"))) return Path.Combine(d.FullName, "templates", LetterTemplates.Subdirectory);
        throw new InvalidOperationException("SubsidyService.sln not found");
    }
}
