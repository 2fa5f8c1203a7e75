/// The rule kinds a rule file may name in `kind:`. Generic kinds are
/// configured entirely by data; the rest are one Swift rule each, whose
/// wording and examples still live in the YAML file.
public enum RuleKinds {
    public typealias Factory = @Sendable (RuleDefinition, RuleResources) throws(DataFileError) -> any Rule

    public static let all: [String: Factory] = [
        "lexicon": { definition, resources throws(DataFileError) in try LexiconRule(definition, resources) },
        "presence": { definition, resources throws(DataFileError) in try PresenceRule(definition, resources) },
        "metric": { definition, resources throws(DataFileError) in try MetricRule(definition, resources) },
        "legal-citation": { definition, resources throws(DataFileError) in try LegalCitationRule(definition, resources) },
        "redirect-elsewhere": { definition, resources throws(DataFileError) in try RedirectElsewhereRule(definition, resources) },
        "no-deadline": { definition, resources throws(DataFileError) in try NoDeadlineRule(definition, resources) },
        "answer-type": { definition, resources throws(DataFileError) in try AnswerTypeRule(definition, resources) },
        "attachment-only": { definition, resources throws(DataFileError) in try AttachmentOnlyRule(definition, resources) },
        "nominalization": { definition, resources throws(DataFileError) in try NominalizationRule(definition, resources) },
        "unexplained-abbreviation": { definition, resources throws(DataFileError) in try UnexplainedAbbreviationRule(definition, resources) },
        "off-topic": { definition, resources throws(DataFileError) in try OffTopicRule(definition, resources) },
        "spelling": { definition, resources throws(DataFileError) in try SpellingRule(definition, resources) },
    ]
}
