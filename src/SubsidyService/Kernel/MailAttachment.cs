using SubsidyService.Kernel;

namespace SubsidyService.Kernel;

/// <summary>A file sent with a message (a letter PDF).</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
