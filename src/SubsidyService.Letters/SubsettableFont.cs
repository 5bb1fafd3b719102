using System.Runtime.InteropServices;

namespace SubsidyService.Letters;

/// <summary>
/// A font file kept open in HarfBuzz, preprocessed once for subsetting, from which each letter takes a small font
/// with only the characters it prints. Skia's PDF backend here would embed the whole file (the CJK font is 4 MB);
/// a subset is a few kilobytes. HarfBuzz objects are safe to read from several threads, so one instance serves
/// every letter.
/// </summary>
internal sealed class SubsettableFont : IDisposable
{
    /// <summary>
    /// Tables a letter's font does without. Letters map characters to glyphs through the character map alone and
    /// set text horizontally, so the OpenType layout tables (substitutions, positioning, kerning, maths) and the
    /// vertical metrics are never read; kept, they would also draw into the subset every glyph a substitution could
    /// reach (DejaVu's ligatures, the CJK font's vertical forms), and the PDF would embed and compress them all.
    /// </summary>
    private static readonly uint[] DroppedTables =
        [.. new[] { "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "vhea", "vmtx", "VORG", "gasp", "FFTM" }.Select(HarfBuzzNative.Tag)];

    private readonly IntPtr _face;
    private readonly HashSet<int> _coverage;

    private SubsettableFont(string path, IntPtr face, HashSet<int> coverage)
    {
        Path = path;
        _face = face;
        _coverage = coverage;
    }

    public string Path { get; }

    /// <summary>Whether the font has a glyph for the code point.</summary>
    public bool Covers(int codePoint) => _coverage.Contains(codePoint);

    public static SubsettableFont Open(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"字体文件不存在：{path}", path);

        var blob = HarfBuzzNative.BlobCreateFromFileOrFail(path);
        if (blob == IntPtr.Zero)
            throw new InvalidOperationException($"HarfBuzz 无法读取字体文件 {path}");
        var face = HarfBuzzNative.FaceCreate(blob, 0);
        HarfBuzzNative.BlobDestroy(blob); // the face holds its own reference
        try
        {
            if (HarfBuzzNative.FaceGetGlyphCount(face) == 0)
                throw new InvalidOperationException($"{path} 不是可用的 TrueType/OpenType 字体");

            var coverage = CollectUnicodes(face);
            var preprocessed = HarfBuzzNative.SubsetPreprocess(face);
            if (preprocessed == IntPtr.Zero)
                throw new InvalidOperationException($"HarfBuzz 无法预处理字体 {path}");
            HarfBuzzNative.FaceMakeImmutable(preprocessed);
            return new SubsettableFont(path, preprocessed, coverage);
        }
        finally
        {
            HarfBuzzNative.FaceDestroy(face);
        }
    }

    /// <summary>The font file reduced to the given code points (and the glyphs they need), as bytes.</summary>
    public byte[] Subset(IEnumerable<int> codePoints)
    {
        var input = HarfBuzzNative.SubsetInputCreateOrFail();
        if (input == IntPtr.Zero)
            throw new OutOfMemoryException("hb_subset_input_create_or_fail");
        try
        {
            var unicodes = HarfBuzzNative.SubsetInputUnicodeSet(input);
            foreach (var cp in codePoints)
                HarfBuzzNative.SetAdd(unicodes, (uint)cp);
            HarfBuzzNative.SubsetInputSetFlags(input, HarfBuzzNative.SubsetFlagsNoHinting);
            var dropped = HarfBuzzNative.SubsetInputSet(input, HarfBuzzNative.SubsetSetsDropTableTag);
            foreach (var tag in DroppedTables)
                HarfBuzzNative.SetAdd(dropped, tag);

            var subset = HarfBuzzNative.SubsetOrFail(_face, input);
            if (subset == IntPtr.Zero)
                throw new InvalidOperationException($"HarfBuzz 无法为 {Path} 生成子集");
            try
            {
                var blob = HarfBuzzNative.FaceReferenceBlob(subset);
                try
                {
                    var data = HarfBuzzNative.BlobGetData(blob, out var length);
                    var bytes = new byte[length];
                    Marshal.Copy(data, bytes, 0, (int)length);
                    return bytes;
                }
                finally
                {
                    HarfBuzzNative.BlobDestroy(blob);
                }
            }
            finally
            {
                HarfBuzzNative.FaceDestroy(subset);
            }
        }
        finally
        {
            HarfBuzzNative.SubsetInputDestroy(input);
        }
    }

    private static HashSet<int> CollectUnicodes(IntPtr face)
    {
        var set = HarfBuzzNative.SetCreate();
        try
        {
            HarfBuzzNative.FaceCollectUnicodes(face, set);
            var result = new HashSet<int>();
            var cp = uint.MaxValue; // HB_SET_VALUE_INVALID: start before the first element
            while (HarfBuzzNative.SetNext(set, ref cp))
                result.Add((int)cp);
            return result;
        }
        finally
        {
            HarfBuzzNative.SetDestroy(set);
        }
    }

    public void Dispose() => HarfBuzzNative.FaceDestroy(_face);
}
