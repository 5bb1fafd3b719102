using FluentAssertions;
using SubsidyService.Notifications;
using SubsidyService.Notifications.Templates;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Notifications;

/// <summary>The templates in the repository's templates/email are checked here, so a wrong field fails the suite, not someone's message.</summary>
public sealed class EmailTemplateTests
{
    private static string Templates => Path.Combine(TestMachine.RepositoryRoot(), "templates");

    [Fact]
    public void Every_template_in_the_repository_names_only_fields_its_message_has()
    {
        var (templates, errors) = EmailTemplates.TryLoad(Templates);
        errors.Should().BeEmpty();
        templates.Should().NotBeNull();
    }

    [Fact]
    public void A_template_naming_a_field_that_does_not_exist_is_refused_with_the_file_line_and_field()
    {
        var dir = CopyOfTemplates();
        File.AppendAllText(Path.Combine(dir, "email", "paid.txt"), "到账银行：{{bankName}}\n{{#claims}}{{caseNumber}}{{/claims}}\n");
        var (_, errors) = EmailTemplates.TryLoad(dir);
        errors.Should().HaveCount(2);
        errors[0].Should().MatchRegex(@"^paid\.txt 第 \d+ 行：没有字段 \{\{bankName\}\}$");
        errors[1].Should().Contain("{{#claims}}");
        var start = () => EmailTemplates.Load(dir);
        start.Should().Throw<InvalidOperationException>().WithMessage("*bankName*");
    }

    [Fact]
    public async Task The_service_does_not_start_with_a_wrong_template()
    {
        var dir = CopyOfTemplates();
        File.WriteAllText(Path.Combine(dir, "email", "receipt.txt"), "Subject: {{claimNo}}\n\n正文\n");
        await using var app = new SubsidyApp(await TestPostgres.CreateMigratedDatabaseAsync(),
            settings: new Dictionary<string, string?> { ["Templates:Directory"] = dir });
        var start = () => app.Server;
        start.Should().Throw<InvalidOperationException>().WithMessage("*receipt.txt 第 1 行：没有字段 {{claimNo}}*");
    }

    [Fact]
    public void Sections_repeat_over_lists_and_show_for_true_and_non_empty_text()
    {
        var (text, error) = TemplateText.Parse("{{#defects}}\n· {{.}}\n{{/defects}}\n{{^defects}}无\n{{/defects}}{{#reason}}理由：{{reason}}{{/reason}}");
        error.Should().BeNull();
        text!.Check(typeof(SupplementMail)).Should().BeEmpty();
        text.Render(new SupplementMail("张明", "n", "c", "t", "请补齐", ["甲", "乙"])).Should().Be("· 甲\n· 乙\n理由：请补齐");
        text.Render(new SupplementMail("张明", "n", "c", "t", "", [])).Should().Be("无\n");
    }

    [Fact]
    public void Retries_back_off_exponentially_to_eight_tries_over_about_a_day()
    {
        var waits = Enumerable.Range(1, Backoff.MaxAttempts - 1).Select(n => Backoff.After(n)!.Value).ToList();
        waits.Zip(waits.Skip(1)).Should().OnlyContain(p => p.Second == p.First * 3);
        waits.Aggregate(TimeSpan.Zero, (a, b) => a + b).TotalHours.Should().BeInRange(23, 25);
        Backoff.After(Backoff.MaxAttempts).Should().BeNull();
    }

    private static string CopyOfTemplates()
    {
        var dir = Path.Combine(TestPostgres.RunRoot, "templates-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(dir, "email"));
        foreach (var file in Directory.GetFiles(Path.Combine(Templates, "email")))
            File.Copy(file, Path.Combine(dir, "email", Path.GetFileName(file)));
        return dir;
    }
}
