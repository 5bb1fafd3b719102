namespace SubsidyService.Domain.Screening;

/// <summary>The parts of a standard 案号 such as (2023)浙02民初123号: 2023, 浙02, 民初, 123.</summary>
public sealed record CaseNumberParts(int Year, string Court, string Type, string Sequence);
