using SubsidyService.Operations.Metrics;
using SubsidyService.Jobs;
using SubsidyService.Operations.Health;
using SubsidyService.Notifications.Templates;
using SubsidyService.Operations;

namespace SubsidyService.Notifications;

public static class NotificationsExtensions
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddScalarGauge("subsidy.outbox.pending", "Mails waiting to be sent", null,
            "SELECT count(*) FROM public.outbox_messages WHERE status = 'pending'");
        builder.Services.AddScalarGauge("subsidy.outbox.dead", "Mails given up after their retries", null,
            "SELECT count(*) FROM public.outbox_messages WHERE status = 'dead'");
        builder.Services.AddScalarGauge("subsidy.outbox.oldest_pending_age", "Age of the oldest mail waiting", "s",
            "SELECT extract(epoch FROM now() - min(created_at)) FROM public.outbox_messages WHERE status = 'pending'");
        builder.Services.AddSingleton(SmtpOptions.Read(builder.Configuration));
        builder.Services.AddSingleton(NotificationOptions.Read(builder.Configuration));
        builder.Services.AddSingleton(sp => EmailTemplates.Load(
            TemplateDirectory.Resolve(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath)));
        builder.Services.AddSingleton<IEmailSender, MailKitEmailSender>();
        builder.Services.AddSingleton<Outbox>();
        builder.Services.AddSingleton<Inbox>();
        builder.Services.AddSingleton<Notifier>();
        builder.Services.AddSingleton<Claims.Triggers.ITransitionEffect, TransitionMail>();
        builder.Services.AddSingleton<Payouts.IPayoutNotices, PayoutMail>();
        builder.Services.AddSingleton<Claims.Documents.IUploadBudgetAlerts, UploadBudgetMail>();
        builder.Services.AddSingleton<Operations.Retention.IRetentionPurge, SentMailPurge>();
        builder.Services.AddSingleton<SubsidyService.Kernel.IAccountErasure, MailErasure>();
        builder.Services.AddSingleton<VerifierDigest>();
        builder.Services.AddHostedService<OutboxSender>();
        builder.Services.AddHealthChecks().AddDegradingCheck<SmtpHealthCheck>("smtp");
        builder.Services.AddRecurringJob<VerifierDigestJob>(VerifierDigestJob.Id, "30 8 * * 1-5");
        builder.Services.AddSingleton<SupplementReminders>();
        builder.Services.AddRecurringJob<SupplementReminderJob>(SupplementReminderJob.Id, "0 9 * * *");
        return builder;
    }

    /// <summary>Reads and checks the email templates now, so that a template naming a field that does not exist stops start-up.</summary>
    public static WebApplication MapNotifications(this WebApplication app)
    {
        var templates = app.Services.GetRequiredService<EmailTemplates>();
        app.Logger.LogInformation("Email templates checked in {Directory}", templates.Directory);
        return app;
    }
}
