namespace SubsidyService.Domain.Policy;

/// <summary>Who claims. Member names are serialised as snake_case codes (natural_person), so they are part of the API.</summary>
public enum ApplicantType
{
    NaturalPerson,
    Enterprise,
    Institution,
}
