using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Security;

/// <summary>Uploads refused for who sends them and how large they say they are before the body is read, and PDFs that act refused by name.</summary>
public sealed class UploadSecurityTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>", "OpenAction")]
    [InlineData("/Names << /J#61vaScript 3 0 R >>", "JavaScript")]
    [InlineData("/AA << /O << /S /Launch /F (cmd.exe) >> >>", "Launch")]
    [InlineData("/Names << /EmbeddedFiles 4 0 R >>", "EmbeddedFiles")]
    [InlineData("/AcroForm << /XFA 5 0 R >>", "XFA")]
    public async Task A_pdf_with_active_content_is_refused_naming_it(string catalogEntry, string named)
    {
        var (owner, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var draft = await ClaimApi.CreateAsync(owner);
        var pdf = Encoding.ASCII.GetBytes($"%PDF-1.7\n1 0 obj << /Type /Catalog {catalogEntry} >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        var response = await owner.PostAsync($"/api/v1/claims/{draft.Id()}/documents", DocumentTests.Form("judgment", pdf, "a.pdf"));
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "active_content");
        problem.GetProperty("detail").GetString().Should().Contain(named);
    }

    [Fact]
    public async Task An_open_action_hidden_in_a_compressed_object_stream_is_found_and_a_plain_pdf_passes()
    {
        var (owner, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var draft = await ClaimApi.CreateAsync(owner);
        var hidden = Deflate("2 0 << /Type /Catalog /OpenAction 3 0 R >>");
        var pdf = Encoding.ASCII.GetBytes($"%PDF-1.7\n1 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {hidden.Length} >>\nstream\n")
            .Concat(hidden).Concat(Encoding.ASCII.GetBytes("\nendstream\nendobj\ntrailer << /Root 2 0 R >>\n%%EOF\n")).ToArray();
        var refused = await owner.PostAsync($"/api/v1/claims/{draft.Id()}/documents", DocumentTests.Form("judgment", pdf, "a.pdf"));
        (await refused.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "active_content"))
            .GetProperty("detail").GetString().Should().Contain("OpenAction");

        (await owner.PostAsync($"/api/v1/claims/{draft.Id()}/documents", DocumentTests.Form("judgment", DocumentTests.Pdf, "b.pdf")))
            .StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_strangers_upload_and_an_oversized_one_are_refused_before_their_bodies_are_read()
    {
        var (owner, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (stranger, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var draft = await ClaimApi.CreateAsync(owner);

        var strangers = new CountingBody(30 * 1024 * 1024);
        var response = await stranger.PostAsync($"/api/v1/claims/{draft.Id()}/documents", strangers);
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        strangers.BytesRead.Should().BeLessThan(1024 * 1024, "nothing of a stranger's 30 MB is read");

        var oversized = new CountingBody(30 * 1024 * 1024);
        await (await owner.PostAsync($"/api/v1/claims/{draft.Id()}/documents", oversized)).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        oversized.BytesRead.Should().BeLessThan(1024 * 1024, "the declared length is enough to refuse");
    }

    private static byte[] Deflate(string text)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.Optimal)) z.Write(Encoding.ASCII.GetBytes(text));
        return output.ToArray();
    }

    /// <summary>A multipart body of the given size that counts how much of it the server pulled.</summary>
    private sealed class CountingBody : HttpContent
    {
        private readonly long _size;
        public long BytesRead { get; private set; }

        public CountingBody(long size)
        {
            _size = size;
            Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
            Headers.ContentLength = size;
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            Encoding.ASCII.GetBytes("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-").CopyTo(chunk, 0);
            for (long sent = 0; sent < _size; sent += chunk.Length)
            {
                var n = (int)Math.Min(chunk.Length, _size - sent);
                await stream.WriteAsync(chunk.AsMemory(0, n));
                BytesRead = sent + n;
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _size;
            return true;
        }
    }
}
