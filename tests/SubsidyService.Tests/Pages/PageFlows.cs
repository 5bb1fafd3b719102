using System.Net;
using FluentAssertions;

namespace SubsidyService.Tests.Pages;

/// <summary>The steps several tests share, each done through the pages as a person would.</summary>
public static class PageFlows
{
    public static async Task<Guid> CreateClaimAsync(PageBrowser applicant, Dictionary<string, string>? fields = null)
    {
        var post = await applicant.PostAsync("/Applicant/Claims/New", "/Applicant/Claims/New", fields ?? ClaimFormFields.Valid());
        post.StatusCode.Should().Be(HttpStatusCode.Redirect, await PageBrowser.HtmlOf(post));
        var location = post.Headers.Location!.ToString();
        location.Should().StartWith("/Applicant/Claims/");
        return Guid.Parse(location["/Applicant/Claims/".Length..]);
    }

    public static async Task<string> UploadPdfAsync(PageBrowser applicant, Guid id, string fileName = "判决书.pdf", string kind = "judgment")
    {
        var page = $"/Applicant/Claims/{id}";
        var post = await applicant.PostFileAsync(page, page + "?handler=Upload", new() { ["kind"] = kind },
            fileName, ClaimFormFields.Pdf, "application/pdf");
        return await applicant.FollowAsync(post);
    }

    /// <summary>One file of each kind the policy requires before verification, uploaded through the page; the page after the last.</summary>
    public static async Task<string> UploadRequiredAsync(PageBrowser applicant, Guid id)
    {
        var html = "";
        foreach (var kind in Claims.ClaimApi.RequiredKinds)
            html = await UploadPdfAsync(applicant, id, $"{SubsidyService.Claims.Documents.DocumentRow.Kinds[kind]}.pdf", kind);
        return html;
    }

    public static Task<HttpResponseMessage> FireAsync(PageBrowser who, string page, string trigger, int version,
        Dictionary<string, string>? fields = null, string handler = "Fire")
    {
        var form = fields ?? [];
        form["trigger"] = trigger;
        form["version"] = version.ToString();
        // A submission accepts the undertaking, as the applicant ticks it on the page, unless the test says otherwise.
        if (trigger == "submit") form.TryAdd("undertakingAccepted", "true");
        return who.PostAsync(page, $"{page}?handler={handler}", form);
    }

    /// <summary>A claim created, evidenced (every required kind) and submitted by the applicant.</summary>
    public static async Task<Guid> SubmittedClaimAsync(PageBrowser applicant, Dictionary<string, string>? fields = null)
    {
        var id = await CreateClaimAsync(applicant, fields);
        var html = await UploadRequiredAsync(applicant, id);
        var page = $"/Applicant/Claims/{id}";
        await applicant.FollowAsync(await FireAsync(applicant, page, "submit", PageBrowser.VersionOn(html)));
        return id;
    }
}
