namespace SubsidyService.Jobs;

/// <summary>
/// What a job is called and what it does, in the words the admin page and the job dashboard show staff: the class
/// names and raw cron expressions Hangfire would show otherwise mean nothing to a county's clerk.
/// </summary>
/// <param name="name">A short name (公示期满处理).</param>
/// <param name="purpose">One or two sentences: what a run does and why it matters.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class JobDescriptionAttribute(string name, string purpose) : Attribute
{
    public string Name { get; } = name;
    public string Purpose { get; } = purpose;
}
