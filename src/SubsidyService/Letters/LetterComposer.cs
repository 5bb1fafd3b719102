namespace SubsidyService.Letters;

/// <summary>Turns a numbered draft into the letter's PDF.</summary>
public sealed class LetterComposer
{
    public byte[] Render(LetterDraft draft, string number) =>
        System.Text.Encoding.UTF8.GetBytes($"%PDF-1.4\n% PLACEHOLDER {draft.Kind} {number} {draft.ClaimId} {draft.Evaluation.Amount}\n%%EOF\n");
}
