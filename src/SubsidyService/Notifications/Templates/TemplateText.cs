using System.Collections;
using System.Reflection;
using System.Text;

namespace SubsidyService.Notifications.Templates;

/// <summary>
/// The wording of a message: plain text with <c>{{field}}</c>, sections <c>{{#field}}…{{/field}}</c> (repeated
/// for each item of a list, shown once for true or a non-empty text) and <c>{{^field}}…{{/field}}</c> (shown for
/// false, an empty list or an empty text). Inside a list of texts, <c>{{.}}</c> is the item. Fields are the
/// model's properties in camelCase. <see cref="Check"/> names every field the model does not have, so a
/// wrong template stops start-up and the tests rather than someone's message.
/// </summary>
public sealed class TemplateText
{
    private abstract record Node;
    private sealed record Literal(string Text) : Node;
    private sealed record Field(string Name, int Line) : Node;
    private sealed record Section(string Name, bool Inverted, IReadOnlyList<Node> Body, int Line) : Node;

    private readonly IReadOnlyList<Node> _nodes;

    private TemplateText(IReadOnlyList<Node> nodes) => _nodes = nodes;

    /// <summary>Parses the text; syntax errors (an unclosed section) are returned, not thrown.</summary>
    public static (TemplateText? Template, string? Error) Parse(string text, int firstLine = 1)
    {
        var stack = new Stack<(string Name, bool Inverted, List<Node> Nodes, int Line)>();
        var current = new List<Node>();
        var pos = 0;
        while (pos < text.Length)
        {
            var open = text.IndexOf("{{", pos, StringComparison.Ordinal);
            if (open < 0)
            {
                current.Add(new Literal(text[pos..]));
                break;
            }
            if (open > pos) current.Add(new Literal(text[pos..open]));
            var line = firstLine + text.AsSpan(0, open).Count('\n');
            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0) return (null, $"第 {line} 行的 {{{{ 没有对应的 }}}}");
            var tag = text[(open + 2)..close].Trim();
            pos = close + 2;
            if (tag.Length == 0) return (null, $"第 {line} 行有空的 {{{{}}}}");
            switch (tag[0])
            {
                case '#' or '^':
                    stack.Push((tag[1..].Trim(), tag[0] == '^', current, line));
                    current = [];
                    // A section tag alone on its line leaves no blank line behind.
                    pos = SkipLineBreak(text, pos, open);
                    break;
                case '/':
                    var name = tag[1..].Trim();
                    if (stack.Count == 0 || stack.Peek().Name != name)
                        return (null, $"第 {line} 行的 {{{{/{name}}}}} 没有对应的开始标记");
                    var (_, inverted, parent, startLine) = stack.Pop();
                    parent.Add(new Section(name, inverted, current, startLine));
                    current = parent;
                    pos = SkipLineBreak(text, pos, open);
                    break;
                default:
                    current.Add(new Field(tag, line));
                    break;
            }
        }
        if (stack.Count > 0) return (null, $"第 {stack.Peek().Line} 行的 {{{{#{stack.Peek().Name}}}}} 没有结束标记");
        return (new TemplateText(current), null);
    }

    private static int SkipLineBreak(string text, int pos, int tagStart)
    {
        var lineStart = tagStart == 0 || text[tagStart - 1] == '\n';
        if (!lineStart) return pos;
        if (pos < text.Length && text[pos] == '\n') return pos + 1;
        if (pos + 1 < text.Length && text[pos] == '\r' && text[pos + 1] == '\n') return pos + 2;
        return pos;
    }

    /// <summary>Every field and section name the model type does not have.</summary>
    public IReadOnlyList<string> Check(Type model)
    {
        var errors = new List<string>();
        CheckNodes(_nodes, [model], errors);
        return errors;
    }

    private static void CheckNodes(IReadOnlyList<Node> nodes, List<Type> scopes, List<string> errors)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case Field f when f.Name == ".":
                    if (!IsScalar(scopes[^1])) errors.Add($"第 {f.Line} 行：{{{{.}}}} 只能用在文本列表的段落里");
                    break;
                case Field f:
                    if (Resolve(scopes, f.Name) is null) errors.Add($"第 {f.Line} 行：没有字段 {{{{{f.Name}}}}}");
                    break;
                case Section s:
                    var property = Resolve(scopes, s.Name);
                    if (property is null)
                    {
                        errors.Add($"第 {s.Line} 行：没有字段 {{{{#{s.Name}}}}}");
                        break;
                    }
                    var item = ItemType(property.PropertyType);
                    CheckNodes(s.Body, item is null || s.Inverted ? scopes : [.. scopes, item], errors);
                    break;
            }
        }
    }

    public string Render(object model)
    {
        var sb = new StringBuilder();
        RenderNodes(_nodes, [model], sb);
        return sb.ToString();
    }

    private static void RenderNodes(IReadOnlyList<Node> nodes, List<object> scopes, StringBuilder sb)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case Literal l:
                    sb.Append(l.Text);
                    break;
                case Field f:
                    sb.Append(Format(f.Name == "." ? scopes[^1] : Value(scopes, f.Name)));
                    break;
                case Section s:
                    var value = Value(scopes, s.Name);
                    if (value is IEnumerable list and not string)
                    {
                        var items = list.Cast<object>().ToList();
                        if (s.Inverted)
                        {
                            if (items.Count == 0) RenderNodes(s.Body, scopes, sb);
                        }
                        else
                            foreach (var item in items) RenderNodes(s.Body, [.. scopes, item], sb);
                    }
                    else if (Truthy(value) != s.Inverted)
                        RenderNodes(s.Body, scopes, sb);
                    break;
            }
        }
    }

    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string text => text.Length > 0,
        int n => n != 0,
        _ => true,
    };

    private static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static object? Value(List<object> scopes, string name)
    {
        for (var i = scopes.Count - 1; i >= 0; i--)
            if (Property(scopes[i].GetType(), name) is { } p) return p.GetValue(scopes[i]);
        throw new InvalidOperationException($"template field {name} not found on {scopes[^1].GetType().Name}");
    }

    private static PropertyInfo? Resolve(List<Type> scopes, string name)
    {
        for (var i = scopes.Count - 1; i >= 0; i--)
            if (Property(scopes[i], name) is { } p) return p;
        return null;
    }

    private static PropertyInfo? Property(Type type, string name) =>
        name.Length > 0 && char.IsLower(name[0])
            ? type.GetProperty(char.ToUpperInvariant(name[0]) + name[1..], BindingFlags.Public | BindingFlags.Instance)
            : null;

    private static Type? ItemType(Type type)
    {
        if (type == typeof(string)) return null;
        return type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];
    }

    private static bool IsScalar(Type type) => type == typeof(string) || type.IsPrimitive || type == typeof(decimal);
}
