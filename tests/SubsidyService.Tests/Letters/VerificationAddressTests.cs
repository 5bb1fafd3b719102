using FluentAssertions;
using SubsidyService.Letters;

namespace SubsidyService.Tests.Letters;

public sealed class VerificationAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5091", "http://127.0.0.1:5091")]
    [InlineData("https://zscq.example.gov.cn;http://127.0.0.1:5080", "https://zscq.example.gov.cn")]
    [InlineData("http://+:80", "http://127.0.0.1:5080")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:5080")]
    [InlineData(null, "http://127.0.0.1:5080")]
    public void Without_a_public_address_the_QR_code_opens_where_the_service_listens(string? urls, string expected) =>
        LetterDrafting.ListeningUrl(urls).Should().Be(expected);

    [Fact]
    public void The_link_names_the_number_only() =>
        LetterNumbers.VerificationUrl("http://127.0.0.1:5091/", "县知补〔2026〕第0001号")
            .Should().Be("http://127.0.0.1:5091/Letters/Verify?number=%E5%8E%BF%E7%9F%A5%E8%A1%A5%E3%80%942026%E3%80%95%E7%AC%AC0001%E5%8F%B7");
}
