using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using SubsidyService.Claims;
using SubsidyService.Operations;
using SubsidyService.Pages.Claims;
using SubsidyService.Registers;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Verifier;

/// <summary>Importing an other-level funding register; a refused file lists its bad rows by line number.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = RegisterEndpoints.MaxFileBytes + 64 * 1024)]
[RequestSizeLimit(RegisterEndpoints.MaxFileBytes + 64 * 1024)]
public sealed partial class RegistersModel(RegisterImport import) : ServicePageModel
{
    public ImportResult? Result { get; private set; }

    /// <summary>The <c>rows[N]</c> errors in line order; the file's own errors stay under the file field.</summary>
    public IEnumerable<(int Line, string[] Problems)> RowErrors => Errors
        .Select(e => (Match: RowKey().Match(e.Key), e.Value))
        .Where(e => e.Match.Success)
        .Select(e => (int.Parse(e.Match.Groups[1].Value), e.Value))
        .OrderBy(e => e.Item1);

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            Show(Refusal.Validation("file", "请选择名录文件（CSV 或 .xlsx）。"));
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        var imported = await import.ImportAsync(Actor.From(User), Path.GetFileName(file.FileName), buffer.ToArray());
        if (imported.Succeeded) Result = imported.Value;
        else
        {
            Show(imported.Refusal!);
            // "Nothing was imported" is in the title; a clerk must not think the good rows went in.
            if (RowErrors.Any()) ShowProblem($"{imported.Refusal!.Title}：{imported.Refusal.Detail}");
        }
        return Page();
    }

    [GeneratedRegex(@"^rows\[(\d+)\]$")]
    private static partial Regex RowKey();
}
