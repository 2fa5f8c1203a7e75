/// Kind `no-deadline`. (Being written.)
struct NoDeadlineRule: Rule {
    let description: RuleDescription

    init(_ definition: RuleDefinition, _ resources: RuleResources) throws(DataFileError) {
        description = definition.description
    }

    func check(_ context: CheckContext) -> [Finding] {
        []
    }
}
