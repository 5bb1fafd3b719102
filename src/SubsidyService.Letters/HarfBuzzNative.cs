using System.Runtime.InteropServices;

namespace SubsidyService.Letters;

/// <summary>
/// The few HarfBuzz functions the subsetter needs. HarfBuzzSharp's managed API has no subsetting, but its native
/// library exports HarfBuzz's whole C API, hb_subset_* included.
/// </summary>
internal static class HarfBuzzNative
{
    private const string Library = "libHarfBuzzSharp";

    /// <summary>HB_SUBSET_FLAGS_NO_HINTING: hinting instructions only matter on low-resolution screens, and are bulky.</summary>
    public const uint SubsetFlagsNoHinting = 0x00000001u;

    [DllImport(Library, EntryPoint = "hb_blob_create_from_file_or_fail", ExactSpelling = true, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    public static extern IntPtr BlobCreateFromFileOrFail([MarshalAs(UnmanagedType.LPUTF8Str)] string fileName);

    [DllImport(Library, EntryPoint = "hb_blob_get_data", ExactSpelling = true)]
    public static extern IntPtr BlobGetData(IntPtr blob, out uint length);

    [DllImport(Library, EntryPoint = "hb_blob_destroy", ExactSpelling = true)]
    public static extern void BlobDestroy(IntPtr blob);

    [DllImport(Library, EntryPoint = "hb_face_create", ExactSpelling = true)]
    public static extern IntPtr FaceCreate(IntPtr blob, uint index);

    [DllImport(Library, EntryPoint = "hb_face_get_glyph_count", ExactSpelling = true)]
    public static extern uint FaceGetGlyphCount(IntPtr face);

    [DllImport(Library, EntryPoint = "hb_face_collect_unicodes", ExactSpelling = true)]
    public static extern void FaceCollectUnicodes(IntPtr face, IntPtr set);

    [DllImport(Library, EntryPoint = "hb_face_reference_blob", ExactSpelling = true)]
    public static extern IntPtr FaceReferenceBlob(IntPtr face);

    [DllImport(Library, EntryPoint = "hb_face_make_immutable", ExactSpelling = true)]
    public static extern void FaceMakeImmutable(IntPtr face);

    [DllImport(Library, EntryPoint = "hb_face_destroy", ExactSpelling = true)]
    public static extern void FaceDestroy(IntPtr face);

    [DllImport(Library, EntryPoint = "hb_set_create", ExactSpelling = true)]
    public static extern IntPtr SetCreate();

    [DllImport(Library, EntryPoint = "hb_set_add", ExactSpelling = true)]
    public static extern void SetAdd(IntPtr set, uint codepoint);

    [DllImport(Library, EntryPoint = "hb_set_next", ExactSpelling = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static extern bool SetNext(IntPtr set, ref uint codepoint);

    [DllImport(Library, EntryPoint = "hb_set_destroy", ExactSpelling = true)]
    public static extern void SetDestroy(IntPtr set);

    [DllImport(Library, EntryPoint = "hb_subset_preprocess", ExactSpelling = true)]
    public static extern IntPtr SubsetPreprocess(IntPtr face);

    [DllImport(Library, EntryPoint = "hb_subset_input_create_or_fail", ExactSpelling = true)]
    public static extern IntPtr SubsetInputCreateOrFail();

    [DllImport(Library, EntryPoint = "hb_subset_input_unicode_set", ExactSpelling = true)]
    public static extern IntPtr SubsetInputUnicodeSet(IntPtr input);

    /// <summary>HB_SUBSET_SETS_DROP_TABLE_TAG: the tables a subset leaves out.</summary>
    public const int SubsetSetsDropTableTag = 3;

    [DllImport(Library, EntryPoint = "hb_subset_input_set", ExactSpelling = true)]
    public static extern IntPtr SubsetInputSet(IntPtr input, int setType);

    /// <summary>HB_TAG: a table's four letters as one big-endian number.</summary>
    public static uint Tag(string name) => (uint)name[0] << 24 | (uint)name[1] << 16 | (uint)name[2] << 8 | name[3];

    [DllImport(Library, EntryPoint = "hb_subset_input_set_flags", ExactSpelling = true)]
    public static extern void SubsetInputSetFlags(IntPtr input, uint flags);

    [DllImport(Library, EntryPoint = "hb_subset_input_destroy", ExactSpelling = true)]
    public static extern void SubsetInputDestroy(IntPtr input);

    [DllImport(Library, EntryPoint = "hb_subset_or_fail", ExactSpelling = true)]
    public static extern IntPtr SubsetOrFail(IntPtr face, IntPtr input);
}
