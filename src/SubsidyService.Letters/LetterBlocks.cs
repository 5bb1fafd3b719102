namespace SubsidyService.Letters;

/// <summary>The parts of a letter in print order, with their wording filled in; the typesetter lays them out.</summary>
internal abstract record LetterBlock;

/// <summary>发文机关标志 in red, the 发文字号 and the red rule under them.</summary>
internal sealed record HeaderBlock(string Authority, string Number) : LetterBlock;

internal sealed record TitleBlock(string Text) : LetterBlock;

internal enum ParagraphKind
{
    /// <summary>主送: flush left.</summary>
    Salutation,

    /// <summary>正文: first line indented two characters.</summary>
    Body,

    /// <summary>A small heading above a list.</summary>
    Heading,

    /// <summary>A numbered item in smaller type, the lines after the first hanging under its text.</summary>
    ListItem,
}

internal sealed record ParagraphBlock(string Text, ParagraphKind Kind) : LetterBlock;

internal sealed record TableBlock(IReadOnlyList<TableRow> Rows) : LetterBlock;

internal sealed record TableRow(string Label, string Value);

/// <summary>署名 and 成文日期 at the right, the QR code with its caption at the left.</summary>
internal sealed record SignatureBlock(string Authority, string Date, string QrPayload, string QrCaption) : LetterBlock;
