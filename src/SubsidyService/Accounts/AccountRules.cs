using System.Net.Mail;
using System.Text.RegularExpressions;

namespace SubsidyService.Accounts;

/// <summary>What a new account must satisfy; every broken rule is reported, keyed by field.</summary>
public static partial class AccountRules
{
    public const int MinPasswordLength = 10;

    public static Dictionary<string, string[]> Check(string? username, string? password, string? email, string? displayName,
        bool enforcePasswordStrength = true)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];

        if (string.IsNullOrWhiteSpace(username)) Add("username", "请填写用户名。");
        else if (username.Length is < 3 or > 32) Add("username", "用户名长度须为 3 至 32 个字符。");
        else if (!UsernamePattern().IsMatch(username)) Add("username", "用户名只能包含字母、数字、点、下划线和连字符。");

        if (string.IsNullOrEmpty(password)) Add("password", "请填写密码。");
        else if (enforcePasswordStrength)
        {
            if (password.Length < MinPasswordLength) Add("password", $"密码至少 {MinPasswordLength} 个字符。");
            if (password.Length > 128) Add("password", "密码不能超过 128 个字符。");
            if (username is not null && string.Equals(password, username, StringComparison.OrdinalIgnoreCase))
                Add("password", "密码不能与用户名相同。");
        }

        if (string.IsNullOrWhiteSpace(email)) Add("email", "请填写电子邮箱。");
        else if (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email.Trim())
            Add("email", "电子邮箱格式不正确。");

        if (string.IsNullOrWhiteSpace(displayName)) Add("displayName", "请填写姓名或单位名称。");
        else if (displayName.Trim().Length > 100) Add("displayName", "姓名或单位名称不能超过 100 个字符。");

        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex UsernamePattern();
}
