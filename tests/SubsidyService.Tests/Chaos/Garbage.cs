using System.Text;

namespace SubsidyService.Tests.Chaos;

/// <summary>
/// Malformed input from a seeded generator: every value is refused by construction (broken syntax, wrong types,
/// bytes that are not UTF-8, sizes past every limit), never merely unusual, so a request built from it must
/// never be accepted, and so must never write a row.
/// </summary>
public sealed class Garbage(int seed)
{
    private readonly Random _random = new(seed);

    public int Next(int max) => _random.Next(max);
    public int Next(int min, int max) => _random.Next(min, max);
    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Field names the API uses, so that wrongly typed values reach the fields and not just the parser.</summary>
    private static readonly string[] Fields =
    [
        "username", "password", "email", "displayName", "currentPassword", "newPassword", "trigger", "expectedVersion", "reason",
        "reasonCode", "data", "applicantType", "name", "idNumber", "domicileInCounty", "caseNumber", "court", "caseType", "outcome",
        "judgmentEffectiveDate", "foreignRelated", "majorImpact", "agencyFee", "invoices", "otherFunding", "bankAccount", "id",
        "effectiveFrom", "effectiveTo", "rate", "caps", "kind", "amount",
    ];

    /// <summary>A body that no endpoint can accept, with the content type to send it as.</summary>
    public (byte[] Body, string ContentType, string What) Body(string declaredType)
    {
        switch (_random.Next(9))
        {
            case 0:
                var json = WrongTypes();
                return (Encoding.UTF8.GetBytes(json[.._random.Next(1, json.Length - 1)]), declaredType, "truncated JSON");
            case 1:
                return (RandomBytes(_random.Next(1, 2048)), declaredType, "random bytes");
            case 2:
                return (Encoding.UTF8.GetBytes(Pick(["[]", "[1,2,3]", "123", "\"text\"", "null", "true", "1e400", "{}{}", ""])), declaredType, "wrong root");
            case 3:
                return (Encoding.UTF8.GetBytes(WrongTypes()), declaredType, "every field wrongly typed");
            case 4:
                return (Encoding.UTF8.GetBytes(WrongTypes()), Pick(["text/plain", "application/xml", "application/x-www-form-urlencoded", "image/png"]), "wrong content type");
            case 5:
                var depth = 5_000;
                return (Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)), declaredType, "nested 5,000 deep");
            case 6:
                return (Encoding.UTF8.GetBytes($"{{\"{Pick(Fields)}\":\"{new string('字', 400_000)}\",\"{Pick(Fields)}\":{{}}}}"), declaredType, "a 1.2 MB string");
            case 7:
                // A string field whose bytes are not UTF-8 (a lone continuation byte and an overlong form).
                var bytes = new List<byte>(Encoding.UTF8.GetBytes($"{{\"{Pick(Fields)}\":\"a"));
                bytes.AddRange([0x80, 0xC0, 0xAF, 0xFF]);
                bytes.AddRange(Encoding.UTF8.GetBytes("\"}"));
                return (bytes.ToArray(), declaredType, "invalid UTF-8");
            default:
                return (Encoding.UTF8.GetBytes("{\"" + Pick(Fields) + "\":" + Pick(["NaN", "-", "0x10", "'x'", "[1,", "{\"a\"}", "\u0000"]) + "}"), declaredType, "bad token");
        }
    }

    /// <summary>An object whose every field holds a value of a type no field takes together with the others (arrays of objects, numbers out of range).</summary>
    public string WrongTypes()
    {
        var fields = Fields.OrderBy(_ => _random.Next()).Take(_random.Next(3, Fields.Length));
        return "{" + string.Join(",", fields.Select(f => $"\"{f}\":{WrongValue()}")) + "}";
    }

    private string WrongValue() => _random.Next(6) switch
    {
        0 => "[{\"x\":[[]]}]",
        1 => "1e309",
        2 => "-99999999999999999999999999999",
        3 => "{\"$ref\":{}}",
        4 => "[null,[true,{}]]",
        _ => "{\"a\":[1,{\"b\":[]}]}",
    };

    /// <summary>A form or query value: never a valid number, date, code, e-mail address or id.</summary>
    public string Text() => _random.Next(7) switch
    {
        0 => "",
        1 => new string('字', _random.Next(300, 5_000)),
        2 => "<script>alert(1)</script>'\";--",
        3 => "\u0000\u0001\u200B\uFEFF",
        4 => "../../etc/passwd%00",
        5 => "-1e309",
        _ => "x" + Convert.ToBase64String(RandomBytes(_random.Next(1, 64))),
    };

    /// <summary>
    /// A path segment where an id goes: no real id (a fresh GUID names nothing), or no id at all. No NUL: the in-memory
    /// test server refuses to decode one before the service sees it (Kestrel answers 400 itself).
    /// </summary>
    public string Segment() => _random.Next(5) switch
    {
        0 => Guid.NewGuid().ToString(),
        1 => "%25%FF",
        2 => Uri.EscapeDataString(new string('9', 300)),
        3 => "..%2F..%2Fadmin",
        _ => Uri.EscapeDataString(Text().Replace("\u0000", "")),
    };

    public byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        bytes[0] = (byte)'X'; // never the first bytes of a PDF, PNG, JPEG or .xlsx
        return bytes;
    }
}
