using FluentAssertions;
using SubsidyService.Operations;

namespace SubsidyService.Tests.Foundation;

/// <summary>The one parser of date ranges typed into queries and forms, each refusal on its own.</summary>
public sealed class DateRangeTests
{
    [Fact]
    public void Both_ends_are_optional_and_inclusive()
    {
        var range = DateRange.Parse("2026-01-01", " 2026-01-31 ").Value!;
        range.Should().Be(new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)));
        DateRange.Parse(null, "").Value.Should().Be(new DateRange(null, null));
    }

    [Fact]
    public void A_bad_start_is_named_under_the_forms_own_field()
    {
        var errors = new Dictionary<string, string[]>();
        DateRange.Parse("2026/01/01", null, "letterFrom", "letterTo", errors);
        errors.Should().ContainSingle().Which.Key.Should().Be("letterFrom");
    }

    [Fact]
    public void A_bad_end_is_named_under_the_forms_own_field()
    {
        var errors = new Dictionary<string, string[]>();
        DateRange.Parse(null, "2026-02-30", "letterFrom", "letterTo", errors);
        errors.Should().ContainSingle().Which.Key.Should().Be("letterTo");
    }

    [Fact]
    public void An_end_before_the_start_is_named_at_the_end() =>
        DateRange.Parse("2026-02-01", "2026-01-31").Refusal!.Errors.Should().ContainKey("to")
            .WhoseValue.Should().Equal("截止日期不能早于起始日期。");
}
