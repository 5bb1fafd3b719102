namespace SubsidyService.Domain; internal static class Placeholder { }
