using System.Text.Json;
using FluentAssertions;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Foundation;

public sealed class OpenApiContractTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    /// <summary>
    /// The operations the OpenAPI document describes, kept as a golden file: an endpoint added, removed or
    /// renamed shows up here for review against API.md.
    /// </summary>
    [Fact]
    public async Task The_openapi_document_lists_the_operations_of_the_contract()
    {
        var doc = JsonDocument.Parse(await fixture.App.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var operations = doc.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant(),-6} {p.Name}"))
            .Order(StringComparer.Ordinal);
        Snapshot.Match(string.Join("\n", operations) + "\n", "openapi-operations.txt");
    }

    /// <summary>
    /// The claim facts as the document describes them (API.md: partyRole?, relatedCaseNumbers?, invoice code?),
    /// kept as a golden file: a field added or renamed in the request records shows up here.
    /// </summary>
    [Fact]
    public async Task The_openapi_document_describes_the_claim_facts_of_the_contract()
    {
        var doc = JsonDocument.Parse(await fixture.App.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var lines = new[] { "ClaimFactsInput", "InvoiceInput", "OtherFundingInput" }.Select(name =>
            $"{name}: " + string.Join(", ", schemas.GetProperty(name).GetProperty("properties").EnumerateObject().Select(p => p.Name)));
        Snapshot.Match(string.Join("\n", lines) + "\n", "openapi-claim-facts.txt");
    }

    [Fact]
    public void A_mismatch_writes_the_received_file_beside_the_expected_one_and_fails()
    {
        var name = $"selftest-{Guid.NewGuid():N}.txt";
        var act = () => Snapshot.Match("something new\n", name);
        act.Should().Throw<Xunit.Sdk.XunitException>().WithMessage("*no expected file yet*");
        var dir = Path.Combine(AppContext.BaseDirectory[..AppContext.BaseDirectory.IndexOf("/bin/", StringComparison.Ordinal)], "Snapshots");
        var received = Path.Combine(dir, Path.GetFileNameWithoutExtension(name) + ".received.txt");
        File.ReadAllText(received).Should().Be("something new\n");
        File.Delete(received);
    }
}
