using SubsidyService.Operations;

namespace SubsidyService.Payouts;

/// <summary>A payout batch as stored, without its file.</summary>
public sealed class BatchRow
{
    public Guid Id { get; init; }
    public string Status { get; init; } = "";
    public string Origin { get; init; } = "";
    public Guid? RequestedBy { get; init; }
    public DateTime RequestedAt { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? CompletedAt { get; init; }
    public int Attempts { get; init; }
    public int Expected { get; init; }
    public int Gathered { get; init; }
    public int ClaimCount { get; init; }
    public decimal TotalAmount { get; init; }
    public string? FileSha256 { get; init; }
    public string? LastError { get; init; }

    /// <summary>The batch's number among those requested the same China day, from 1.</summary>
    public int DayNumber { get; init; }

    /// <summary>What people call the batch: the China date it was requested and its number that day, "2026-12-05 第1批".</summary>
    public string Name => $"{ChinaTime.DateOf(RequestedAt):yyyy-MM-dd} 第{DayNumber}批";

    /// <summary>Payments the bank has not answered yet (set when the file is written, counted again by each results import).</summary>
    public int PendingCount { get; init; }

    public bool IsFinished => Status is "completed" or "failed";

    /// <summary>0..1: the claims gathered of those ready when the run began; 1 once the file is written.</summary>
    public double Progress => Status == "completed" ? 1.0
        : Expected <= 0 ? 0.0
        : Math.Min(0.99, Math.Round((double)Gathered / Expected, 4));

    public const string Columns = """
        id, status, origin, requested_by AS requestedby, requested_at AS requestedat, started_at AS startedat,
        completed_at AS completedat, attempts, expected, gathered, claim_count AS claimcount, total_amount AS totalamount,
        file_sha256 AS filesha256, last_error AS lasterror,
        day_number AS daynumber, pending_count AS pendingcount
        """;
}

/// <summary>One line of the payment file, and of a payment's state.</summary>
public sealed class PaymentRow
{
    public Guid Id { get; init; }
    public Guid BatchId { get; init; }
    public Guid ClaimId { get; init; }
    public string Reference { get; init; } = "";
    public string PayeeName { get; init; } = "";
    public string BankName { get; init; } = "";
    public string AccountNumber { get; init; } = "";
    public decimal Amount { get; init; }
    public string State { get; init; } = "";
    public string? BankMessage { get; init; }

    /// <summary>受理编号 of the claim, copied when the payment was made.</summary>
    public string? ApplicationNumber { get; init; }

    public const string Columns = """
        id, batch_id AS batchid, claim_id AS claimid, reference, payee_name AS payeename, bank_name AS bankname,
        account_number AS accountnumber, amount, state, bank_message AS bankmessage, application_number AS applicationnumber
        """;
}

/// <summary>What the bank has confirmed of a batch so far, beside what was sent: counts and sums by payment state.</summary>
public sealed record BatchSettlement(int PaidCount, decimal PaidAmount, int FailedCount, decimal FailedAmount, int PendingCount, decimal PendingAmount);
