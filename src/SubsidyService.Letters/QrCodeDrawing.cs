using QRCoder;
using SkiaSharp;

namespace SubsidyService.Letters;

/// <summary>
/// A QR code drawn as vector rectangles, one per horizontal run of dark modules: sharp at any print resolution
/// and a few kilobytes in the PDF, where an embedded bitmap would be blurred or large.
/// </summary>
internal static class QrCodeDrawing
{
    /// <summary>The module matrix, quiet zone included (4 modules each side): true is dark.</summary>
    public static bool[][] Modules(string payload)
    {
        // Level M: survives a stain or a stamp over a corner, and keeps a 100-character URL at version 6.
        using var data = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return data.ModuleMatrix.Select(row => Enumerable.Range(0, row.Length).Select(i => row[i]).ToArray()).ToArray();
    }

    /// <summary>Draws the code with its quiet zone filling the square at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public static void Draw(SKCanvas canvas, bool[][] modules, float x, float y, float size, SKColor color)
    {
        using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill, IsAntialias = false };
        // Drawn in module units under a transform, so the PDF holds small integers rather than long decimals.
        canvas.Save();
        canvas.Translate(x, y);
        canvas.Scale(size / modules.Length);
        for (var row = 0; row < modules.Length; row++)
        {
            var cells = modules[row];
            for (var col = 0; col < cells.Length;)
            {
                if (!cells[col]) { col++; continue; }
                var start = col;
                while (col < cells.Length && cells[col]) col++;
                canvas.DrawRect(start, row, col - start, 1, paint);
            }
        }
        canvas.Restore();
    }
}
